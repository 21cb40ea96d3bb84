'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef, useState } from 'react';
import { FormMessage } from '@/components/forms/field';
import { useResultKey } from '@/components/forms/use-result-key';
import type { ActionState } from '@/lib/auth/action';
import type { DocumentField } from '@/lib/document-form';
import { saveDocumentAction } from './actions';
import { DocumentPicker, type PickedDocument } from '@/components/dashboard/document-picker';
import { DocumentFilesField, type FormFile } from './document-files-field';

export type DocumentFormValues = {
  id: number | null;
  version: number | null;
  status: 'new' | 'draft' | 'published' | 'unpublished';
  number: string;
  typeId: string;
  issuerId: string;
  signer: string;
  issuedOn: string;
  effectiveOn: string;
  expiresOn: string;
  fieldId: string;
  abstract: string;
};

type Option = { id: number; name: string };

type Props = {
  initial: DocumentFormValues;
  files: FormFile[];
  terms: { type: Option[]; issuer: Option[]; field: Option[] };
  canPublish: boolean;
  /** What the document replaces now (`Thay thế văn bản`, the document picker in single mode). */
  replaces: { id: number; number: string; abstract: string } | null;
  maxBytes: number;
  maxFiles: number;
  /** The page was opened right after a save: this browser's copy of the typing is obsolete. */
  justSaved: boolean;
};

const TEXT_FIELDS = ['number', 'typeId', 'issuerId', 'signer', 'issuedOn', 'effectiveOn', 'expiresOn', 'fieldId', 'abstract'] as const;
type Backup = Partial<Record<(typeof TEXT_FIELDS)[number], string>> & { version: number | null; files: FormFile[]; replacing?: PickedDocument[] };
const backupKey = (id: number | null) => `newsroom:document-backup:${id ?? 'new'}`;

/** The document editor (labels and buttons as in DESIGN.md); typing is kept in this browser until saved. */
export function DocumentForm({ initial, files: initialFiles, terms, canPublish, replaces, maxBytes, maxFiles, justSaved }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveDocumentAction, {});
  const [files, setFiles] = useState<FormFile[]>(initialFiles);
  const [replacing, setReplacing] = useState<PickedDocument[]>(replaces ? [replaces] : []);
  const [backup, setBackup] = useState<Backup | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const formKey = useResultKey(state);
  const typed = state.values as Partial<Record<keyof DocumentFormValues, string>> | undefined;
  const [restored, setRestored] = useState<Backup | null>(null);

  // A copy of the typing in localStorage: offered back when this version is opened again.
  useEffect(() => {
    if (justSaved) {
      window.localStorage.removeItem(backupKey(null));
      window.localStorage.removeItem(backupKey(initial.id));
      return;
    }
    const raw = window.localStorage.getItem(backupKey(initial.id));
    if (!raw) return;
    try {
      const saved = JSON.parse(raw) as Backup;
      const differs =
        TEXT_FIELDS.some((name) => (saved[name] ?? '') !== String(initial[name] ?? '')) ||
        saved.files.map((f) => f.id).join() !== initialFiles.map((f) => f.id).join() ||
        (saved.replacing?.[0]?.id ?? null) !== (replaces?.id ?? null);
      if (saved.version === initial.version && differs) setBackup(saved);
      else window.localStorage.removeItem(backupKey(initial.id));
    } catch {
      window.localStorage.removeItem(backupKey(initial.id));
    }
  }, [initial, initialFiles, replaces, justSaved]);

  const keep = (nextFiles: FormFile[] = files, nextReplacing: PickedDocument[] = replacing) => {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    const copy: Backup = { version: initial.version, files: nextFiles, replacing: nextReplacing };
    for (const name of TEXT_FIELDS) copy[name] = String(data.get(name) ?? '');
    window.localStorage.setItem(backupKey(initial.id), JSON.stringify(copy));
  };

  const changeFiles = (next: FormFile[]) => {
    setFiles(next);
    keep(next);
  };

  const errorOf = (name: DocumentField) => state.fieldErrors?.[name]?.[0] ?? '';
  const props = (name: DocumentField, errorName: DocumentField = name) => ({
    id: `vb-${name}`,
    name,
    'aria-invalid': errorOf(errorName) ? true : undefined,
    'aria-describedby': `vb-${errorName}-loi`,
  });
  const errorLine = (name: DocumentField) => (
    <p id={`vb-${name}-loi`} className="field__error" aria-live="polite">
      {errorOf(name)}
    </p>
  );
  const value = (name: (typeof TEXT_FIELDS)[number]) => typed?.[name] ?? restored?.[name] ?? String(initial[name] ?? '');
  const select = (name: 'typeId' | 'issuerId' | 'fieldId', label: string, options: Option[], empty: string) => (
    <div className="field">
      <label htmlFor={`vb-${name}`}>{label}</label>
      <select {...props(name)} defaultValue={value(name)}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {errorLine(name)}
    </div>
  );
  const date = (name: 'issuedOn' | 'effectiveOn' | 'expiresOn', label: string, required = false) => (
    <div className="field">
      <label htmlFor={`vb-${name}`}>{label}</label>
      <input {...props(name)} type="date" min="1900-01-01" max="2200-12-31" defaultValue={value(name)} required={required} />
      {errorLine(name)}
    </div>
  );

  const published = initial.status === 'published';
  return (
    <form
      ref={formRef}
      action={action}
      className="form form--document"
      noValidate
      key={`${formKey}-${restored ? 'r' : 'i'}`}
      onInput={() => keep()}
      onChange={() => keep()}
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
          <button
            type="button"
            className="button--small"
            onClick={() => {
              setRestored(backup);
              setFiles(backup.files);
              setReplacing(backup.replacing ?? []);
              setBackup(null);
            }}
          >
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
      <input type="hidden" name="version" value={initial.version ?? ''} />

      <div className="form-row">
        <div className="field">
          <label htmlFor="vb-number">Số/Ký hiệu</label>
          <input {...props('number')} defaultValue={value('number')} maxLength={100} required autoComplete="off" aria-describedby="vb-number-goi-y vb-number-loi" />
          <p id="vb-number-goi-y" className="field__hint">
            Ví dụ: 67/KH-UBND
          </p>
          {errorLine('number')}
          {state.data?.duplicateId ? (
            <p className="field__error">
              <Link href={`/dashboard/van-ban/${state.data.duplicateId}`}>Mở văn bản {state.data.duplicateNumber} đã có</Link>
            </p>
          ) : null}
        </div>
        {select('typeId', 'Loại văn bản', terms.type, '— Chọn loại văn bản —')}
      </div>
      <div className="form-row">
        {select('issuerId', 'Cơ quan ban hành', terms.issuer, '— Chọn cơ quan ban hành —')}
        <div className="field">
          <label htmlFor="vb-signer">Người ký</label>
          <input {...props('signer')} defaultValue={value('signer')} maxLength={100} autoComplete="off" />
          {errorLine('signer')}
        </div>
      </div>
      <div className="form-row">
        {date('issuedOn', 'Ngày ban hành', true)}
        {date('effectiveOn', 'Ngày hiệu lực')}
        {date('expiresOn', 'Ngày hết hiệu lực')}
      </div>
      {select('fieldId', 'Lĩnh vực', terms.field, '— Không chọn —')}
      <div className="field">
        <label htmlFor="vb-abstract">Trích yếu</label>
        <textarea {...props('abstract')} rows={4} maxLength={2000} defaultValue={value('abstract')} required />
        {errorLine('abstract')}
      </div>
      <DocumentFilesField files={files} onChange={changeFiles} error={errorOf('fileIds')} maxBytes={maxBytes} maxFiles={maxFiles} />
      <DocumentPicker
        key={`thay-the-${formKey}-${restored ? 'r' : 'i'}`}
        name="replacesId"
        label="Thay thế văn bản"
        multiple={false}
        initial={replacing}
        exclude={initial.id === null ? [] : [initial.id]}
        error={errorOf('replacesId')}
        hint="Tìm theo số/ký hiệu hoặc từ trong trích yếu; chọn văn bản mà văn bản này thay thế. Để trống nếu không thay thế văn bản nào."
        onChange={(next) => {
          setReplacing(next);
          keep(files, next);
        }}
      />
      <div className="form-actions">
        {!published ? (
          <button type="submit" name="intent" value="draft" disabled={pending} className="button--secondary">
            Lưu nháp
          </button>
        ) : null}
        {canPublish ? (
          <button type="submit" name="intent" value="publish" disabled={pending}>
            Xuất bản
          </button>
        ) : null}
        {canPublish && published ? (
          <button type="submit" name="intent" value="unpublish" disabled={pending} className="button--danger">
            Gỡ
          </button>
        ) : null}
      </div>
    </form>
  );
}
