'use client';

import { useEffect, useState, type RefObject } from 'react';
import type { ArticleFormValues } from './article-form';

const backupKey = (id: number | null) => `newsroom:article-backup:${id ?? 'new'}`;

/**
 * A copy of the form in this browser's localStorage, kept on every edit, so that typing
 * survives a crash or a closed tab. On opening the same version of the article again, a copy
 * that differs from it is offered as `backup`; `discard` forgets it, `dismiss` only hides it.
 */
export function useLocalBackup(formRef: RefObject<HTMLFormElement | null>, initial: ArticleFormValues) {
  const [backup, setBackup] = useState<ArticleFormValues | null>(null);

  // Read after the first render: the server has no localStorage, and the markup must match.
  useEffect(() => {
    const raw = window.localStorage.getItem(backupKey(initial.id));
    if (!raw) return;
    try {
      const saved = JSON.parse(raw) as ArticleFormValues & { savedAt: number };
      const documentsChanged = Array.isArray(saved.documents) && saved.documents.map((d) => d.id).join(',') !== initial.documents.map((d) => d.id).join(',');
      if (saved.version === initial.version && (saved.title !== initial.title || saved.bodyHtml !== initial.bodyHtml || saved.lead !== initial.lead || documentsChanged)) {
        setBackup(saved);
      } else {
        window.localStorage.removeItem(backupKey(initial.id));
      }
    } catch {
      window.localStorage.removeItem(backupKey(initial.id));
    }
  }, [initial]);

  /**
   * Saves the form as it is now; the body comes from the editor and the chosen documents (a
   * list with their numbers, to show again) from the picker, not from form fields.
   */
  const keep = (bodyHtml: string, documents: ArticleFormValues['documents']) => {
    const form = formRef.current;
    if (!form) return;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    delete data.documentIds;
    window.localStorage.setItem(
      backupKey(initial.id),
      JSON.stringify({ ...initial, ...data, bodyHtml, documents, version: initial.version, savedAt: Date.now() }),
    );
  };

  const discard = () => {
    window.localStorage.removeItem(backupKey(initial.id));
    setBackup(null);
  };

  return { backup, keep, discard, dismiss: () => setBackup(null) };
}
