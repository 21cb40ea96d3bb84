// Text bound for XML (feeds, sitemaps) or for JSON inside an HTML script element (JSON-LD).
// XML 1.0 cannot hold C0 controls other than tab, LF and CR, lone surrogates or U+FFFE/U+FFFF:
// one such character in one title makes a whole feed unreadable to every subscriber. It also
// discourages C1 controls and the other noncharacters; those go as well, the same set the
// `sitemap` package strips, so every feed and sitemap says the same text.
const NOT_XML_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uD800-\uDFFF\p{NChar}]/gu;

/** `text` without the characters XML forbids or discourages; everything else as it was. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_TEXT, '');
}

/**
 * JSON for `<script type="application/ld+json">`: strings cleaned like XML text, and `<`, `>`,
 * `&`, U+2028 and U+2029 written as escapes, so no text can close the script element
 * (`</script>`), open a comment (`<!--`) or break a reader's JavaScript.
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data, (_key, value: unknown) => (typeof value === 'string' ? xmlText(value) : value))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
