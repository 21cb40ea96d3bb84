'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import { autosaveDraftAction } from './actions';

const AUTOSAVE_IDLE_MS = 4_000;

/**
 * Drafts save themselves after a few idle seconds; live articles never change by themselves.
 * Returns the version the form must send with its next save (each autosave bumps it), the time
 * of the last autosave (Vietnam time) and `schedule`, to call on every edit.
 */
export function useAutosave(formRef: RefObject<HTMLFormElement | null>, article: { id: number | null; version: number | null; status: string }) {
  const [version, setVersion] = useState(article.version);
  const [autosavedAt, setAutosavedAt] = useState<string | null>(null);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef(false);

  const schedule = () => {
    if (article.id === null || article.status !== 'draft') return;
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(async () => {
      const form = formRef.current;
      if (!form || saving.current) return;
      saving.current = true;
      const data = new FormData(form);
      data.set('intent', 'draft');
      try {
        const result = await autosaveDraftAction({}, data);
        if (result.ok && result.data?.version) {
          setVersion(Number(result.data.version));
          setAutosavedAt(new Date().toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }));
        } else if (result.message) {
          setAutosavedAt(null);
        }
      } finally {
        saving.current = false;
      }
    }, AUTOSAVE_IDLE_MS);
  };
  useEffect(() => () => clearTimeout(idleTimer.current), []);

  return { version, autosavedAt, schedule };
}
