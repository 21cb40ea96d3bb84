import type { RevisionComparison } from '@/lib/revision-diff';

// Paragraphs within a block are separated by "\n"; keep them apart without raw HTML.
const KEEP_LINES = { whiteSpace: 'pre-line' } as const;

/** A comparison from lib/revision-diff, as marked-up React (never raw HTML). */
export function RevisionDiff({ comparison }: { comparison: RevisionComparison }) {
  return (
    <>
      {comparison.coarse ? (
        <p className="notice" role="note">
          Hai phiên bản khác nhau quá nhiều để so sánh từng từ. Những đoạn khác nhau được hiển thị nguyên văn: phiên bản này, rồi bản hiện tại.
        </p>
      ) : null}
      {comparison.blocks.map((block, i) =>
        block.kind === 'same' ? (
          <p key={i} className="diff" style={KEEP_LINES}>
            {block.text}
          </p>
        ) : block.kind === 'words' ? (
          <p key={i} className="diff" style={KEEP_LINES}>
            {block.parts.map((part, j) =>
              part.kind === 'added' ? <ins key={j}>{part.text}</ins> : part.kind === 'removed' ? <del key={j}>{part.text}</del> : <span key={j}>{part.text}</span>,
            )}
          </p>
        ) : (
          <div key={i} className="diff">
            <p style={KEEP_LINES}>
              <strong>Phiên bản này: </strong>
              <del>{block.removed}</del>
            </p>
            <p style={KEEP_LINES}>
              <strong>Bản hiện tại: </strong>
              <ins>{block.added}</ins>
            </p>
          </div>
        ),
      )}
    </>
  );
}
