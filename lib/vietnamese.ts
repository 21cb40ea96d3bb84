// Vietnamese text helpers with no framework in them: unit-tested directly.

/** Removes Vietnamese diacritics; `đ`/`Đ` need an explicit map, since NFD leaves them whole. */
export function stripDiacritics(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** URL slug from a Vietnamese title: accents dropped, `đ`→`d`, words joined by `-`. */
export function slugify(input: string, maxLength = 120): string {
  const slug = stripDiacritics(input.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, '');
}

/** NFC and trimmed, with runs of spaces folded: what every user-written field is stored as. */
export function normalizeText(input: string): string {
  return input.normalize('NFC').replace(/[^\S\n]+/g, ' ').trim();
}
