'use client';

import { useEffect, useState } from 'react';

const SIZES = ['md', 'lg', 'xl'] as const;
type Size = (typeof SIZES)[number];
const LABELS: Record<Size, string> = { md: 'Cỡ chữ thường', lg: 'Cỡ chữ lớn', xl: 'Cỡ chữ rất lớn' };
const STORAGE_KEY = 'newsroom:text-size';

function apply(size: Size) {
  document.documentElement.dataset.textSize = size;
}

/** Lets readers enlarge the text; the choice is remembered on this device. */
export function TextSizeControl() {
  const [size, setSize] = useState<Size>('md');

  useEffect(() => {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved && (SIZES as readonly string[]).includes(saved)) {
      setSize(saved as Size);
      apply(saved as Size);
    }
  }, []);

  const choose = (next: Size) => {
    setSize(next);
    apply(next);
    window.localStorage.setItem(STORAGE_KEY, next);
  };

  return (
    <div role="group" aria-label="Cỡ chữ" className="text-size no-print">
      {SIZES.map((s, i) => (
        <button
          key={s}
          type="button"
          className="text-size__button"
          aria-pressed={size === s}
          title={LABELS[s]}
          onClick={() => choose(s)}
        >
          <span aria-hidden="true">A{'+'.repeat(i)}</span>
          <span className="visually-hidden">{LABELS[s]}</span>
        </button>
      ))}
    </div>
  );
}
