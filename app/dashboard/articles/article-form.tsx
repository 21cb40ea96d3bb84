'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef, useState } from 'react';
import { FormMessage } from '@/components/forms/field';
import { RichTextEditor } from '@/components/dashboard/rich-text-editor';
import { useResultKey } from '@/components/forms/use-result-key';
import type { ActionState } from '@/lib/auth/action';
import { slugify } from '@/lib/vietnamese';
import { autosaveDraftAction, saveArticleAction } from './actions';

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
};

type Props = {
  initial: ArticleFormValues;
  sections: { id: number; name: string }[];
  authors: { id: number; name: string }[];
  media: { id: number; alt: string }[];
  canPublish: boolean;
};

type Field = 'title' | 'slug' | 'lead' | 'bodyHtml' | 'sectionId' | 'tags' | 'authorName' | 'publishedAt' | 'coverMediaId' | 'coverAlt';

const AUTOSAVE_IDLE_MS = 4_000;

const backupKey = (id: number | null) => `newsroom:article-backup:${id ?? 'new'}`;

/** The article editor: labels and buttons as in DESIGN.md; typing is backed up in this browser. */
export function ArticleForm({ initial, sections, authors, media, canPublish }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveArticleAction, {});
  const typed = state.values as Partial<Record<keyof ArticleFormValues, string>> | undefined;
  const [title, setTitle] = useState(typed?.title ?? initial.title);
  const [slug, setSlug] = useState(typed?.slug ?? initial.slug);
  const [slugEdited, setSlugEdited] = useState(Boolean(initial.slug));
  const [bodyHtml, setBodyHtml] = useState(typed?.bodyHtml ?? initial.bodyHtml);
  const [backup, setBackup] = useState<ArticleFormValues | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const formKey = useResultKey(state);
  const [version, setVersion] = useState(initial.version);
  const [autosaved, setAutosaved] = useState<string | null>(null);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const autosaving = useRef(false);

  // Drafts save themselves after a few idle seconds; live articles never change by themselves.
  const scheduleAutosave = () => {
    if (initial.id === null || initial.status !== 'draft') return;
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(async () => {
      const form = formRef.current;
      if (!form || autosaving.current) return;
      autosaving.current = true;
      const data = new FormData(form);
      data.set('intent', 'draft');
      try {
        const result = await autosaveDraftAction({}, data);
        if (result.ok && result.data?.version) {
          setVersion(Number(result.data.version));
          setAutosaved(new Date().toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }));
        } else if (result.message) {
          setAutosaved(null);
        }
      } finally {
        autosaving.current = false;
      }
    }, AUTOSAVE_IDLE_MS);
  };
  useEffect(() => () => clearTimeout(idleTimer.current), []);

  // Offer what this browser kept from an earlier session (a crash, a closed tab).
  useEffect(() => {
    const raw = window.localStorage.getItem(backupKey(initial.id));
    if (!raw) return;
    try {
      const saved = JSON.parse(raw) as ArticleFormValues & { savedAt: number };
      if (saved.version === initial.version && (saved.title !== initial.title || saved.bodyHtml !== initial.bodyHtml || saved.lead !== initial.lead)) {
        setBackup(saved);
      } else {
        window.localStorage.removeItem(backupKey(initial.id));
      }
    } catch {
      window.localStorage.removeItem(backupKey(initial.id));
    }
  }, [initial]);

  const keepBackup = () => {
    const form = formRef.current;
    if (!form) return;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    window.localStorage.setItem(
      backupKey(initial.id),
      JSON.stringify({ ...initial, ...data, bodyHtml, version: initial.version, savedAt: Date.now() }),
    );
  };
  useEffect(() => {
    keepBackup();
    if (bodyHtml !== initial.bodyHtml) scheduleAutosave();
  }, [bodyHtml]); // eslint-disable-line react-hooks/exhaustive-deps

  const restoreBackup = () => {
    if (!backup) return;
    setTitle(backup.title);
    setSlug(backup.slug);
    setBodyHtml(backup.bodyHtml);
    const form = formRef.current;
    for (const name of ['lead', 'tags', 'authorName', 'publishedAt', 'sectionId', 'coverMediaId', 'coverAlt'] as const) {
      const el = form?.elements.namedItem(name) as HTMLInputElement | null;
      if (el) el.value = backup[name] ?? '';
    }
    setBackup(null);
  };

  const errorOf = (name: Field) => state.fieldErrors?.[name]?.[0] ?? '';
  const fieldProps = (name: Field) => ({
    id: `bv-${name}`,
    name,
    'aria-invalid': errorOf(name) ? true : undefined,
    'aria-describedby': `bv-${name}-loi`,
  });
  const error = (name: Field) => (
    <p id={`bv-${name}-loi`} className="field__error" aria-live="polite">
      {errorOf(name)}
    </p>
  );
  const value = (name: keyof ArticleFormValues) => String(typed?.[name] ?? initial[name] ?? '');

  return (
    <form ref={formRef} action={action} className="form form--article" noValidate
      onInput={() => {
        keepBackup();
        scheduleAutosave();
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
      {backup ? (
        <div className="notice" role="status">
          Trình duyệt này còn giữ nội dung chưa lưu từ lần soạn trước.{' '}
          <button type="button" className="button--small" onClick={restoreBackup}>
            Khôi phục bản lưu tạm
          </button>{' '}
          <button
            type="button"
            className="button--small button--secondary"
            onClick={() => {
              window.localStorage.removeItem(backupKey(initial.id));
              setBackup(null);
            }}
          >
            Bỏ bản lưu tạm
          </button>
        </div>
      ) : null}
      <input type="hidden" name="id" value={initial.id ?? ''} />
      <input type="hidden" name="version" value={version ?? ''} />
      {autosaved ? (
        <p className="field__hint" role="status">
          Đã tự động lưu bản nháp lúc {autosaved}.
        </p>
      ) : null}
      <input type="hidden" name="bodyHtml" value={bodyHtml} />

      <div className="field">
        <label htmlFor="bv-title">Tiêu đề</label>
        <input
          {...fieldProps('title')}
          value={title}
          maxLength={300}
          required
          onChange={(e) => {
            setTitle(e.target.value);
            if (!slugEdited) setSlug(slugify(e.target.value));
          }}
        />
        {error('title')}
      </div>
      <div className="field">
        <label htmlFor="bv-slug">Đường dẫn</label>
        <input
          {...fieldProps('slug')}
          value={slug}
          maxLength={200}
          onChange={(e) => {
            setSlug(e.target.value);
            setSlugEdited(true);
          }}
          onBlur={() => setSlug((s) => slugify(s))}
        />
        {error('slug')}
      </div>
      <div className="field">
        <label htmlFor="bv-lead">Tóm tắt</label>
        <textarea {...fieldProps('lead')} rows={3} maxLength={1000} defaultValue={value('lead')} />
        {error('lead')}
      </div>
      <div className="field">
        <span id="bv-noi-dung-nhan" className="field__label">
          Nội dung
        </span>
        <RichTextEditor labelId="bv-noi-dung-nhan" describedBy="bv-bodyHtml-loi" initialHtml={bodyHtml} onChange={setBodyHtml} key={backup ? 'b' : 'e'} />
        <noscript>Trình soạn thảo cần JavaScript.</noscript>
        {error('bodyHtml')}
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor="bv-sectionId">Chuyên mục</label>
          <select {...fieldProps('sectionId')} defaultValue={value('sectionId')}>
            <option value="">— Chọn chuyên mục —</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {error('sectionId')}
        </div>
        <div className="field">
          <label htmlFor="bv-authorName">Tác giả</label>
          <input {...fieldProps('authorName')} list="bv-tac-gia" maxLength={100} defaultValue={value('authorName')} />
          <datalist id="bv-tac-gia">
            {authors.map((a) => (
              <option key={a.id} value={a.name} />
            ))}
          </datalist>
          {error('authorName')}
        </div>
      </div>
      <div className="field">
        <label htmlFor="bv-tags">Thẻ</label>
        <input {...fieldProps('tags')} maxLength={1000} defaultValue={value('tags')} aria-describedby="bv-tags-goi-y bv-tags-loi" />
        <p id="bv-tags-goi-y" className="field__hint">
          Cách nhau bằng dấu phẩy, ví dụ: Người khuyết tật, Việc làm
        </p>
        {error('tags')}
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor="bv-coverMediaId">Ảnh đại diện</label>
          <select {...fieldProps('coverMediaId')} defaultValue={value('coverMediaId')}>
            <option value="">— Không có ảnh —</option>
            {media.map((m) => (
              <option key={m.id} value={m.id}>
                Mã {m.id}: {m.alt.slice(0, 60)}
              </option>
            ))}
          </select>
          {error('coverMediaId')}
        </div>
        <div className="field">
          <label htmlFor="bv-coverAlt">Mô tả ảnh đại diện</label>
          <input {...fieldProps('coverAlt')} maxLength={300} defaultValue={value('coverAlt')} />
          {error('coverAlt')}
        </div>
      </div>
      <div className="field">
        <label htmlFor="bv-publishedAt">Thời gian xuất bản</label>
        <input {...fieldProps('publishedAt')} type="datetime-local" defaultValue={value('publishedAt')} aria-describedby="bv-publishedAt-goi-y bv-publishedAt-loi" />
        <p id="bv-publishedAt-goi-y" className="field__hint">
          Giờ Việt Nam. Để trống: xuất bản ngay. Thời điểm trong tương lai: hẹn giờ xuất bản.
        </p>
        {error('publishedAt')}
      </div>
      <div className="form-actions">
        <button type="submit" name="intent" value="draft" disabled={pending} className="button--secondary">
          Lưu nháp
        </button>
        {!canPublish ? (
          <button type="submit" name="intent" value="review" disabled={pending}>
            Gửi duyệt
          </button>
        ) : null}
        {canPublish ? (
          <button type="submit" name="intent" value="publish" disabled={pending}>
            Xuất bản
          </button>
        ) : null}
        {canPublish && (initial.status === 'published' || initial.status === 'scheduled') ? (
          <button type="submit" name="intent" value="unpublish" disabled={pending} className="button--danger">
            Gỡ bài
          </button>
        ) : null}
      </div>
    </form>
  );
}
