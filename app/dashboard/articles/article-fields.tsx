'use client';

import { DocumentPicker, type PickedDocument } from '@/components/dashboard/document-picker';
import { RichTextEditor } from '@/components/dashboard/rich-text-editor';
import type { ActionState } from '@/lib/auth/action';

export type ArticleField = 'title' | 'slug' | 'lead' | 'bodyHtml' | 'sectionId' | 'tags' | 'authorName' | 'publishedAt' | 'coverMediaId' | 'coverAlt';

/** How each field is wired to its error line: id, name, `aria-invalid`, `aria-describedby`. */
export function fieldWiring(fieldErrors: ActionState['fieldErrors']) {
  const errorOf = (name: ArticleField) => fieldErrors?.[name]?.[0] ?? '';
  return {
    props: (name: ArticleField) => ({
      id: `bv-${name}`,
      name,
      'aria-invalid': errorOf(name) ? true : undefined,
      'aria-describedby': `bv-${name}-loi`,
    }),
    error: (name: ArticleField) => (
      <p id={`bv-${name}-loi`} className="field__error" aria-live="polite">
        {errorOf(name)}
      </p>
    ),
  };
}

type Wiring = ReturnType<typeof fieldWiring>;
/** The value a field opens with: what was typed before a refused save, else the article's. */
type ValueOf = (name: ArticleField) => string;

/** Title, address (following the title until edited by hand) and lead. */
export function HeadlineFields(props: {
  f: Wiring;
  value: ValueOf;
  title: string;
  slug: string;
  onTitleChange: (title: string) => void;
  onSlugChange: (slug: string) => void;
  onSlugBlur: () => void;
}) {
  const { f } = props;
  return (
    <>
      <div className="field">
        <label htmlFor="bv-title">Tiêu đề</label>
        <input {...f.props('title')} value={props.title} maxLength={300} required onChange={(e) => props.onTitleChange(e.target.value)} />
        {f.error('title')}
      </div>
      <div className="field">
        <label htmlFor="bv-slug">Đường dẫn</label>
        <input {...f.props('slug')} value={props.slug} maxLength={200} onChange={(e) => props.onSlugChange(e.target.value)} onBlur={props.onSlugBlur} />
        {f.error('slug')}
      </div>
      <div className="field">
        <label htmlFor="bv-lead">Tóm tắt</label>
        <textarea {...f.props('lead')} rows={3} maxLength={1000} defaultValue={props.value('lead')} />
        {f.error('lead')}
      </div>
    </>
  );
}

/** The rich-text body; `editorKey` changes to load a restored backup into a new editor. */
export function BodyField({ f, bodyHtml, onChange, editorKey }: { f: Wiring; bodyHtml: string; onChange: (html: string) => void; editorKey: string }) {
  return (
    <div className="field">
      <span id="bv-noi-dung-nhan" className="field__label">
        Nội dung
      </span>
      <RichTextEditor labelId="bv-noi-dung-nhan" describedBy="bv-bodyHtml-loi" initialHtml={bodyHtml} onChange={onChange} key={editorKey} />
      <noscript>Trình soạn thảo cần JavaScript.</noscript>
      {f.error('bodyHtml')}
    </div>
  );
}

/** Section, byline (any name, existing authors suggested) and tags. */
export function PlacementFields({ f, value, sections, authors }: { f: Wiring; value: ValueOf; sections: { id: number; name: string }[]; authors: { id: number; name: string }[] }) {
  return (
    <>
      <div className="form-row">
        <div className="field">
          <label htmlFor="bv-sectionId">Chuyên mục</label>
          <select {...f.props('sectionId')} defaultValue={value('sectionId')}>
            <option value="">— Chọn chuyên mục —</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {f.error('sectionId')}
        </div>
        <div className="field">
          <label htmlFor="bv-authorName">Tác giả</label>
          <input {...f.props('authorName')} list="bv-tac-gia" maxLength={100} defaultValue={value('authorName')} />
          <datalist id="bv-tac-gia">
            {authors.map((a) => (
              <option key={a.id} value={a.name} />
            ))}
          </datalist>
          {f.error('authorName')}
        </div>
      </div>
      <div className="field">
        <label htmlFor="bv-tags">Thẻ</label>
        <input {...f.props('tags')} maxLength={1000} defaultValue={value('tags')} aria-describedby="bv-tags-goi-y bv-tags-loi" />
        <p id="bv-tags-goi-y" className="field__hint">
          Cách nhau bằng dấu phẩy, ví dụ: Người khuyết tật, Việc làm
        </p>
        {f.error('tags')}
      </div>
    </>
  );
}

/** `Văn bản liên quan`: the documents the article cites, found by number or words, in order. */
export function DocumentsField({ documents, error, onChange }: { documents: PickedDocument[]; error?: string; onChange: (next: PickedDocument[]) => void }) {
  return (
    <DocumentPicker
      name="documentIds"
      label="Văn bản liên quan"
      multiple
      initial={documents}
      error={error}
      hint="Tìm theo số/ký hiệu (ví dụ 67/KH-UBND) hoặc từ trong trích yếu; chỉ văn bản đã xuất bản hiện trên trang bài viết."
      onChange={onChange}
    />
  );
}

/** The cover image, chosen from the media library, and its alt text for this article. */
export function CoverFields({ f, value, media }: { f: Wiring; value: ValueOf; media: { id: number; alt: string }[] }) {
  return (
    <div className="form-row">
      <div className="field">
        <label htmlFor="bv-coverMediaId">Ảnh đại diện</label>
        <select {...f.props('coverMediaId')} defaultValue={value('coverMediaId')}>
          <option value="">— Không có ảnh —</option>
          {media.map((m) => (
            <option key={m.id} value={m.id}>
              Mã {m.id}: {m.alt.slice(0, 60)}
            </option>
          ))}
        </select>
        {f.error('coverMediaId')}
      </div>
      <div className="field">
        <label htmlFor="bv-coverAlt">Mô tả ảnh đại diện</label>
        <input {...f.props('coverAlt')} maxLength={300} defaultValue={value('coverAlt')} />
        {f.error('coverAlt')}
      </div>
    </div>
  );
}

export function PublishTimeField({ f, value }: { f: Wiring; value: ValueOf }) {
  return (
    <div className="field">
      <label htmlFor="bv-publishedAt">Thời gian xuất bản</label>
      <input {...f.props('publishedAt')} type="datetime-local" defaultValue={value('publishedAt')} aria-describedby="bv-publishedAt-goi-y bv-publishedAt-loi" />
      <p id="bv-publishedAt-goi-y" className="field__hint">
        Giờ Việt Nam. Để trống: xuất bản ngay. Thời điểm trong tương lai: hẹn giờ xuất bản.
      </p>
      {f.error('publishedAt')}
    </div>
  );
}

/** The workflow buttons (DESIGN.md): what the role may do with an article in this status. */
export function ArticleActions({ pending, canPublish, status }: { pending: boolean; canPublish: boolean; status: string }) {
  return (
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
      {canPublish && (status === 'published' || status === 'scheduled') ? (
        <button type="submit" name="intent" value="unpublish" disabled={pending} className="button--danger">
          Gỡ bài
        </button>
      ) : null}
    </div>
  );
}

/** Offers what this browser kept from an earlier session (a crash, a closed tab). */
export function BackupNotice({ onRestore, onDiscard }: { onRestore: () => void; onDiscard: () => void }) {
  return (
    <div className="notice" role="status">
      Trình duyệt này còn giữ nội dung chưa lưu từ lần soạn trước.{' '}
      <button type="button" className="button--small" onClick={onRestore}>
        Khôi phục bản lưu tạm
      </button>{' '}
      <button type="button" className="button--small button--secondary" onClick={onDiscard}>
        Bỏ bản lưu tạm
      </button>
    </div>
  );
}
