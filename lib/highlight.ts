// Accent-insensitive highlighting for search results, with no HTML involved: the text is split
// into plain and matched parts, which the page renders as text and <mark> elements.
import { stripDiacritics } from './vietnamese';

export type Part = { text: string; match: boolean };

// Characters already folded: Vietnamese text uses a couple of hundred, and folding each one
// anew (two normalisations and two replacements) took most of a search page's rendering.
const FOLDED = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = FOLDED.get(ch);
  if (folded === undefined) {
    const stripped = stripDiacritics(ch).toLowerCase();
    folded = stripped.length === 1 ? stripped : ch.toLowerCase();
    if (FOLDED.size < 10_000) FOLDED.set(ch, folded);
  }
  return folded;
}

/** Folds each character on its own, so indices in the folded text are indices in the original. */
function fold(text: string): string[] {
  return Array.from(text.normalize('NFC'), foldChar);
}

/** The words of a query worth highlighting (two or more letters), folded. */
export function queryTerms(query: string): string[] {
  const words = stripDiacritics(query.normalize('NFC')).toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/** Splits `text` into parts, marking every accent- and case-insensitive occurrence of a term. */
export function highlight(text: string, terms: string[]): Part[] {
  const chars = Array.from(text.normalize('NFC'));
  const folded = fold(text);
  const marks = new Array<boolean>(chars.length).fill(false);
  const haystack = folded.join('');
  if (haystack.length === chars.length) {
    for (const term of terms) {
      let from = 0;
      for (let at = haystack.indexOf(term, from); at >= 0; at = haystack.indexOf(term, from)) {
        for (let i = at; i < at + term.length; i++) marks[i] = true;
        from = at + term.length;
      }
    }
  }
  const parts: Part[] = [];
  chars.forEach((ch, i) => {
    const match = marks[i] ?? false;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += ch;
    else parts.push({ text: ch, match });
  });
  return parts;
}

/** A window of about `length` characters around the first match, on word boundaries. */
export function snippet(text: string, terms: string[], length = 240): string {
  const chars = Array.from(text.normalize('NFC'));
  if (chars.length <= length) return chars.join('');
  const haystack = fold(text).join('');
  const first = terms.map((t) => haystack.indexOf(t)).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  while (start > 0 && chars[start - 1] !== ' ') start--;
  let end = Math.min(chars.length, start + length);
  while (end < chars.length && chars[end] !== ' ') end++;
  return `${start > 0 ? '… ' : ''}${chars.slice(start, end).join('').trim()}${end < chars.length ? ' …' : ''}`;
}
