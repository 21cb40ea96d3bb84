'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef, useState } from 'react';
import { FormMessage } from '@/components/forms/field';
import { useResultKey } from '@/components/forms/use-result-key';
import type { PickedDocument } from '@/components/dashboard/document-picker';
import type { ActionState } from '@/lib/auth/action';
import { slugify } from '@/lib/vietnamese';
import { saveArticleAction } from './actions';
import { ArticleActions, BackupNotice, BodyField, CoverFields, DocumentsField, fieldWiring, HeadlineFields, PlacementFields, PublishTimeField } from './article-fields';
import { useAutosave } from './use-autosave';
import { useLocalBackup } from './use-local-backup';

export type ArticleFormValues = {
  id: number | null;
  version: number | null;
  title: string;
  slug: string;
  lead: string;
  bodyHtml: string;
  sectionId: string;
  tags: string;
  authorName: string;
  publishedAt: string;
  coverMediaId: string;
  coverAlt: string;
  status: string;
  /** `Văn bản liên quan`, in order. */
  documents: PickedDocument[];
};

type Props = {
  initial: ArticleFormValues;
  sections: { id: number; name: string }[];
  authors: { id: number; name: string }[];
  media: { id: number; alt: string }[];
  canPublish: boolean;
};

/** The article editor: labels and buttons as in DESIGN.md; typing is backed up in this browser. */
export function ArticleForm({ initial, sections, authors, media, canPublish }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveArticleAction, {});
  const typed = state.values as Partial<Record<keyof ArticleFormValues, string>> | undefined;
  const [title, setTitle] = useState(typed?.title ?? initial.title);
  const [slug, setSlug] = useState(typed?.slug ?? initial.slug);
  const [slugEdited, setSlugEdited] = useState(Boolean(initial.slug));
  const [bodyHtml, setBodyHtml] = useState(typed?.bodyHtml ?? initial.bodyHtml);
  // Held here, not in the picker: a refused save re-mounts the form (formKey) and the choice must survive it.
  const [documents, setDocuments] = useState(initial.documents);
  const [pickerKey, setPickerKey] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const formKey = useResultKey(state);
  const autosave = useAutosave(formRef, initial);
  const local = useLocalBackup(formRef, initial);

  useEffect(() => {
    local.keep(bodyHtml, documents);
    if (bodyHtml !== initial.bodyHtml) autosave.schedule();
  }, [bodyHtml]); // eslint-disable-line react-hooks/exhaustive-deps

  const restoreBackup = () => {
    const backup = local.backup;
    if (!backup) return;
    setTitle(backup.title);
    setSlug(backup.slug);
    setBodyHtml(backup.bodyHtml);
    if (Array.isArray(backup.documents)) {
      setDocuments(backup.documents);
      setPickerKey((k) => k + 1);
    }
    const form = formRef.current;
    for (const name of ['lead', 'tags', 'authorName', 'publishedAt', 'sectionId', 'coverMediaId', 'coverAlt'] as const) {
      const el = form?.elements.namedItem(name) as HTMLInputElement | null;
      if (el) el.value = backup[name] ?? '';
    }
    local.dismiss();
  };

  const f = fieldWiring(state.fieldErrors);
  const value = (name: keyof ArticleFormValues) => String(typed?.[name] ?? initial[name] ?? '');

  return (
    <form ref={formRef} action={action} className="form form--article" noValidate
      onInput={() => {
        local.keep(bodyHtml, documents);
        autosave.schedule();
      }}
      key={formKey}
    >
      <FormMessage ok={state.ok} message={state.message} />
      {state.data?.conflict ? (
        <p>
          <Link href={state.data.newerUrl ?? '#'} target="_blank">
            Xem phiên bản mới hơn (phiên bản {state.data.conflict})
          </Link>
        </p>
      ) : null}
      {local.backup ? <BackupNotice onRestore={restoreBackup} onDiscard={local.discard} /> : null}
      <input type="hidden" name="id" value={initial.id ?? ''} />
      <input type="hidden" name="version" value={autosave.version ?? ''} />
      {autosave.autosavedAt ? (
        <p className="field__hint" role="status">
          Đã tự động lưu bản nháp lúc {autosave.autosavedAt}.
        </p>
      ) : null}
      <input type="hidden" name="bodyHtml" value={bodyHtml} />

      <HeadlineFields
        f={f}
        value={value}
        title={title}
        slug={slug}
        onTitleChange={(next) => {
          setTitle(next);
          if (!slugEdited) setSlug(slugify(next));
        }}
        onSlugChange={(next) => {
          setSlug(next);
          setSlugEdited(true);
        }}
        onSlugBlur={() => setSlug((s) => slugify(s))}
      />
      <BodyField f={f} bodyHtml={bodyHtml} onChange={setBodyHtml} editorKey={local.backup ? 'b' : 'e'} />
      <PlacementFields f={f} value={value} sections={sections} authors={authors} />
      <DocumentsField
        key={pickerKey}
        documents={documents}
        error={state.fieldErrors?.documentIds?.[0]}
        onChange={(next) => {
          setDocuments(next);
          local.keep(bodyHtml, next);
          autosave.schedule();
        }}
      />
      <CoverFields f={f} value={value} media={media} />
      <PublishTimeField f={f} value={value} />
      <ArticleActions pending={pending} canPublish={canPublish} status={initial.status} />
    </form>
  );
}
