// The comparison of two revisions, with a bound on the work. A word diff (Myers, in the `diff`
// package) costs about D² for D changed words; two unrelated 8,000-word bodies ran ~50 s on the
// server's one main thread, and every reader waited as long. So: paragraphs are aligned first
// (cheap: there are few of them, and unchanged ones cost nothing further), then each changed
// stretch gets a word diff capped by `maxEditLength`, all stretches share one edit budget and one
// deadline, and a stretch over the cap is shown whole, old then new, marked as too different to
// compare word by word. A typical edit (a few words or sentences) stays far under the caps.
import { diffArrays, diffWords } from 'diff';
import { htmlToText } from '@/lib/sanitize';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/**
 * same: unchanged paragraphs; words: a changed stretch compared word by word (a pure insertion
 * or deletion is one part); too-different: a changed stretch over the bounds, both versions whole.
 * Paragraphs within a block are separated by "\n".
 */
export type DiffBlock =
  | { kind: 'same'; text: string }
  | { kind: 'words'; parts: DiffPart[] }
  | { kind: 'too-different'; removed: string; added: string };

export type RevisionComparison = {
  blocks: DiffBlock[];
  /** True when some stretch was too different (or the whole text too long) to compare word by word. */
  coarse: boolean;
  /** Word edits spent: the sum of each stretch's edit length, or of its cap when it gave up. */
  editsSpent: number;
};

export type DiffLimits = {
  /** Word edits (inserted + deleted words) one changed stretch may take before it is shown whole. */
  stretchEdits: number;
  /** Word edits all stretches of one comparison may take together. */
  totalEdits: number;
  /** Paragraph edits the alignment may take before the texts are shown whole. */
  paragraphEdits: number;
  /** Backstop for a slow machine or a pathological text: wall time for the whole comparison. */
  timeoutMs: number;
};

/**
 * Measured on a 2-core machine: a capped word diff of unrelated 8,000-word texts takes ~10 ms
 * (tokenising) plus ~25 ms at 300 edits, ~50 ms at 500, ~150 ms at 1,000 (D²), two to three
 * times that on a slow day or before the JIT has warmed. With these caps the word diffs of one
 * comparison cost at most about stretchEdits × totalEdits ≈ one 425-edit diff, so a reader
 * sharing the thread waits tens of milliseconds at worst. A rewritten 20-word sentence is ~40
 * edits; a stretch over 300 (a rewritten paragraph or more) is shown old-then-new, which reads
 * better than a word soup anyway.
 */
export const DEFAULT_LIMITS: DiffLimits = { stretchEdits: 300, totalEdits: 600, paragraphEdits: 400, timeoutMs: 150 };

// Block boundaries in a sanitised body (lib/sanitize.ts allowlist). A private-use character marks
// them because htmlToText folds every whitespace character, line and paragraph separators included.
const BLOCK_TAG = /<\/?(?:p|h[1-6]|li|ul|ol|blockquote|figure|figcaption|table|thead|tbody|tfoot|tr|td|th|caption|pre|hr)\b[^>]*>|<br\s*\/?>/gi;
const MARK = '\uE000';

/** The text of an article body, one string per block (paragraph, heading, list item, cell…). */
export function htmlToParagraphs(html: string): string[] {
  const marked = html.replaceAll(MARK, '').replace(BLOCK_TAG, `${MARK}$&${MARK}`);
  return htmlToText(marked)
    .split(MARK)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

/** Compares two texts given as paragraphs (a title or lead is one paragraph), within `limits`. */
export function compareParagraphs(before: readonly string[], after: readonly string[], limits: DiffLimits = DEFAULT_LIMITS): RevisionComparison {
  const deadline = Date.now() + limits.timeoutMs;
  const remainingMs = () => Math.max(1, deadline - Date.now());
  const aligned = diffArrays([...before], [...after], { maxEditLength: limits.paragraphEdits, timeout: remainingMs() });
  if (!aligned) {
    return { blocks: [{ kind: 'too-different', removed: before.join('\n'), added: after.join('\n') }], coarse: true, editsSpent: 0 };
  }

  const blocks: DiffBlock[] = [];
  let coarse = false;
  let editsSpent = 0;
  let removed: string[] = [];
  let added: string[] = [];
  // A changed stretch: the paragraphs removed and added between two unchanged ones.
  const flush = () => {
    if (removed.length === 0 && added.length === 0) return;
    const oldText = removed.join('\n');
    const newText = added.join('\n');
    removed = [];
    added = [];
    if (oldText === '' || newText === '') {
      blocks.push({ kind: 'words', parts: [{ kind: oldText === '' ? 'added' : 'removed', text: oldText || newText }] });
      return;
    }
    const cap = Math.min(limits.stretchEdits, limits.totalEdits - editsSpent);
    const changes = cap > 0 && Date.now() < deadline ? diffWords(oldText, newText, { maxEditLength: cap, timeout: remainingMs() }) : undefined;
    if (!changes) {
      editsSpent += Math.max(cap, 0);
      coarse = true;
      blocks.push({ kind: 'too-different', removed: oldText, added: newText });
      return;
    }
    const parts: DiffPart[] = [];
    for (const change of changes) {
      if (change.added || change.removed) editsSpent += change.count;
      parts.push({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', text: change.value });
    }
    blocks.push({ kind: 'words', parts });
  };
  for (const change of aligned) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      const last = blocks.at(-1);
      const text = change.value.join('\n');
      // Unchanged paragraphs between two stretches read as one block.
      if (last?.kind === 'same') last.text += `\n${text}`;
      else blocks.push({ kind: 'same', text });
    }
  }
  flush();
  return { blocks, coarse, editsSpent };
}

/** Compares two single-paragraph texts (a title, a lead). */
export function compareTexts(before: string, after: string, limits: DiffLimits = DEFAULT_LIMITS): RevisionComparison {
  return compareParagraphs(before === '' ? [] : [before], after === '' ? [] : [after], limits);
}
