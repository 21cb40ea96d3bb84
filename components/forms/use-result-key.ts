'use client';

import { useRef } from 'react';

/**
 * A key that changes with every action result. React resets a form after its action runs,
 * and a <select> would fall back to its first default; keying the form on this remounts it
 * from the values the action handed back, so nothing typed or chosen is lost.
 */
export function useResultKey(state: unknown): number {
  const seen = useRef({ state, count: 0 });
  if (seen.current.state !== state) seen.current = { state, count: seen.current.count + 1 };
  return seen.current.count;
}
