import { describe, expect, it } from 'vitest';
import { compareParagraphs, compareTexts, DEFAULT_LIMITS, htmlToParagraphs, type RevisionComparison } from './revision-diff';

const VOCABULARY = [
  'người', 'dân', 'phường', 'quận', 'thành', 'phố', 'được', 'của', 'và', 'là', 'trong', 'những',
  'các', 'một', 'có', 'cho', 'với', 'đã', 'năm', 'ngày', 'ủy', 'ban', 'nhân', 'công', 'việc', 'xây',
  'dựng', 'đường', 'trường', 'học', 'sinh', 'bệnh', 'viện', 'kế', 'hoạch', 'triển', 'khai', 'dự', 'án',
];

/** `count` paragraphs of `words` pseudo-random Vietnamese words; another seed, an unrelated text. */
function paragraphs(seed: number, count = 100, words = 80): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  return Array.from({ length: count }, () =>
    `${Array.from({ length: words }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]).join(' ')}.`,
  );
}

/** The old and the new text as the comparison shows them, paragraphs joined by "\n". */
function sides(comparison: RevisionComparison): { before: string; after: string } {
  let before = '';
  let after = '';
  for (const block of comparison.blocks) {
    const separator = (text: string) => (text === '' ? '' : '\n');
    if (block.kind === 'same') {
      before += separator(before) + block.text;
      after += separator(after) + block.text;
    } else if (block.kind === 'too-different') {
      before += separator(before) + block.removed;
      after += separator(after) + block.added;
    } else {
      const oldText = block.parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('');
      const newText = block.parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('');
      if (oldText !== '') before += separator(before) + oldText;
      if (newText !== '') after += separator(after) + newText;
    }
  }
  return { before, after };
}

describe('htmlToParagraphs', () => {
  it('gives one string per block, without tags, with entities decoded', () => {
    expect(
      htmlToParagraphs('<h2>Tiêu đề &amp; phụ</h2><p>Đoạn <strong>một</strong>.</p><p>Dòng<br>hai</p><ul><li>Mục 1</li><li>Mục 2</li></ul><p> </p>'),
    ).toEqual(['Tiêu đề & phụ', 'Đoạn một.', 'Dòng', 'hai', 'Mục 1', 'Mục 2']);
  });

  it('is not confused by the marker character in the text', () => {
    expect(htmlToParagraphs('<p>a\uE000b</p>')).toEqual(['ab']);
  });
});

describe('compareParagraphs', () => {
  it('compares a typical edit of a long body word by word', () => {
    const before = paragraphs(1);
    const after = [...before];
    for (const i of [3, 17, 42, 77]) after[i] = after[i]!.replace(/^(\S+ \S+ \S+)/, '$1 đã sửa');
    after.splice(60, 0, 'Một đoạn mới được thêm vào.');
    const comparison = compareParagraphs(before, after);
    expect(comparison.coarse).toBe(false);
    expect(comparison.blocks.some((b) => b.kind === 'too-different')).toBe(false);
    const added = comparison.blocks.flatMap((b) => (b.kind === 'words' ? b.parts.filter((p) => p.kind === 'added').map((p) => p.text.trim()) : []));
    expect(added).toEqual(['đã sửa', 'đã sửa', 'đã sửa', 'Một đoạn mới được thêm vào.', 'đã sửa']);
    expect(sides(comparison)).toEqual({ before: before.join('\n'), after: after.join('\n') });
  });

  it('marks words removed and added within a paragraph', () => {
    const comparison = compareTexts('Ủy ban phường họp sáng nay', 'Ủy ban quận họp chiều nay');
    expect(comparison.coarse).toBe(false);
    expect(comparison.blocks).toHaveLength(1);
    const [block] = comparison.blocks;
    expect(block?.kind === 'words' && block.parts.filter((p) => p.kind !== 'same').map((p) => `${p.kind}:${p.text.trim()}`)).toEqual([
      'removed:phường',
      'added:quận',
      'removed:sáng',
      'added:chiều',
    ]);
  });

  it('does not word-diff unchanged texts, nor whole paragraphs added or removed', () => {
    const before = paragraphs(2, 20);
    expect(compareParagraphs(before, before)).toEqual({ blocks: [{ kind: 'same', text: before.join('\n') }], coarse: false, editsSpent: 0 });
    const comparison = compareParagraphs(before, [...before, ...paragraphs(3, 20)]);
    expect(comparison.editsSpent).toBe(0);
    expect(comparison.coarse).toBe(false);
    expect(comparison.blocks.map((b) => b.kind)).toEqual(['same', 'words']);
  });

  it('shows two unrelated 8,000-word bodies whole, within the edit budget, quickly', () => {
    const before = paragraphs(1);
    const after = paragraphs(2);
    const started = performance.now();
    const comparison = compareParagraphs(before, after);
    const ms = performance.now() - started;
    expect(comparison.coarse).toBe(true);
    expect(comparison.blocks.some((b) => b.kind === 'too-different')).toBe(true);
    expect(comparison.editsSpent).toBeLessThanOrEqual(DEFAULT_LIMITS.totalEdits);
    expect(sides(comparison)).toEqual({ before: before.join('\n'), after: after.join('\n') });
    // The unbounded word diff took tens of seconds; the bound is generous for a slow machine.
    expect(ms).toBeLessThan(2_000);
  });

  it('keeps many rewritten paragraphs within one budget: later stretches are shown whole', () => {
    const before = paragraphs(4, 200, 40);
    const rewritten = paragraphs(5, 200, 40);
    // Every other paragraph rewritten: 100 stretches, each ~80 word edits, 8,000 in all.
    const after = before.map((p, i) => (i % 2 === 0 ? rewritten[i]! : p));
    const comparison = compareParagraphs(before, after);
    expect(comparison.editsSpent).toBeLessThanOrEqual(DEFAULT_LIMITS.totalEdits);
    const kinds = comparison.blocks.filter((b) => b.kind !== 'same').map((b) => b.kind);
    expect(kinds).toHaveLength(100);
    expect(kinds[0]).toBe('words');
    expect(kinds.at(-1)).toBe('too-different');
    expect(comparison.coarse).toBe(true);
    // The word diff keeps every word; around a change it may move a space (a `diff` trait).
    const squash = (text: string) => text.replace(/\s+/g, '');
    const shown = sides(comparison);
    expect({ before: squash(shown.before), after: squash(shown.after) }).toEqual({ before: squash(before.join('')), after: squash(after.join('')) });
  });

  it('gives up on the alignment itself past its bound', () => {
    const comparison = compareParagraphs(paragraphs(6, 10, 3), paragraphs(7, 10, 3), { ...DEFAULT_LIMITS, paragraphEdits: 4 });
    expect(comparison.coarse).toBe(true);
    expect(comparison.blocks.map((b) => b.kind)).toEqual(['too-different']);
  });

  it('handles empty texts', () => {
    expect(compareTexts('', '')).toEqual({ blocks: [], coarse: false, editsSpent: 0 });
    expect(compareTexts('', 'Tóm tắt mới').blocks).toEqual([{ kind: 'words', parts: [{ kind: 'added', text: 'Tóm tắt mới' }] }]);
  });
});
