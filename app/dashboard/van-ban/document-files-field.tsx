'use client';

import { useRef, useState } from 'react';
import { formatFileSize, NO_TEXT_LAYER } from '@/lib/documents';

export type FormFile = {
  id: number;
  name: string;
  size: number;
  label: string;
  /** Text extraction state (files already saved); absent for a file just uploaded. */
  textStatus?: string;
  href?: string;
};

type Upload = { key: number; name: string; loaded: number; total: number; done: boolean };

const TEXT_STATUS: Record<string, string> = {
  pending: 'Đang chờ trích xuất chữ',
  failed: 'Không trích xuất được chữ',
  no_text: NO_TEXT_LAYER,
  done: 'Đã có lớp chữ (tìm được theo nội dung)',
};

type UploadAnswer = { id?: number; name?: string; size?: number; label?: string; error?: string };

/** Sends one file to POST /dashboard/van-ban/tep, reporting progress; resolves with the JSON answer. */
function sendFile(file: File, onProgress: (loaded: number, total: number) => void): Promise<{ status: number; body: UploadAnswer }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/dashboard/van-ban/tep');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      let body: UploadAnswer = {};
      try {
        body = JSON.parse(xhr.responseText) as UploadAnswer;
      } catch {
        body = {
          error:
            xhr.status === 413
              ? `Tệp “${file.name}” quá lớn để gửi lên. Nếu phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại ở thẻ khác rồi tải lại.`
              : `Không tải được tệp “${file.name}” (mã ${xhr.status}). Vui lòng thử lại.`,
        };
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: { error: `Mất kết nối khi tải tệp “${file.name}”. Vui lòng kiểm tra mạng rồi thử lại.` } });
    const data = new FormData();
    data.append('file', file, file.name);
    xhr.send(data);
  });
}

/**
 * `Tệp đính kèm`: several files, each uploaded on its own with a progress bar before the form is
 * saved; the list (name, type, size, text state) can be reordered and trimmed, and is sent as
 * hidden `fileIds` in that order. A refused file shows its reason here and changes nothing else.
 */
export function DocumentFilesField(props: { files: FormFile[]; onChange: (files: FormFile[]) => void; error?: string; maxBytes: number; maxFiles: number }) {
  const { files, onChange } = props;
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [uploadError, setUploadError] = useState('');
  const [busy, setBusy] = useState(false);
  const counter = useRef(0);
  const latest = useRef(files);
  latest.current = files;

  const upload = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setUploadError('');
    setBusy(true);
    const errors: string[] = [];
    for (const file of Array.from(list)) {
      if (latest.current.length >= props.maxFiles) {
        errors.push(`Mỗi văn bản có tối đa ${props.maxFiles} tệp: “${file.name}” chưa được thêm.`);
        continue;
      }
      if (file.size > props.maxBytes) {
        errors.push(`Tệp “${file.name}” lớn hơn ${formatFileSize(props.maxBytes)}, mức tối đa cho mỗi tệp. Vui lòng chọn tệp nhỏ hơn.`);
        continue;
      }
      const key = ++counter.current;
      setUploads((u) => [...u.filter((x) => !x.done), { key, name: file.name, loaded: 0, total: file.size, done: false }]);
      const { status, body } = await sendFile(file, (loaded, total) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, loaded, total } : x))));
      if (status === 200 && typeof body.id === 'number') {
        setUploads((u) => u.map((x) => (x.key === key ? { ...x, loaded: x.total, done: true } : x)));
        const next = [...latest.current, { id: body.id, name: body.name ?? file.name, size: body.size ?? file.size, label: body.label ?? '' }];
        latest.current = next;
        onChange(next);
      } else {
        setUploads((u) => u.filter((x) => x.key !== key));
        errors.push(body.error ?? `Không tải được tệp “${file.name}”.`);
      }
    }
    setUploadError(errors.join(' '));
    setBusy(false);
  };

  const move = (index: number, by: -1 | 1) => {
    const next = [...files];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + by, 0, item);
    onChange(next);
  };

  const error = uploadError || props.error || '';
  return (
    <div className="field">
      <label htmlFor="vb-files">Tệp đính kèm</label>
      <p id="vb-files-goi-y" className="field__hint">
        PDF, DOC, DOCX, XLS, XLSX hoặc ODT; mỗi tệp tối đa {formatFileSize(props.maxBytes)}, tối đa {props.maxFiles} tệp. Loại tệp được kiểm tra theo nội dung.
      </p>
      {files.length > 0 ? (
        <ol className="file-list" aria-label="Các tệp đính kèm">
          {files.map((file, index) => (
            <li key={file.id}>
              <input type="hidden" name="fileIds" value={file.id} />
              <span>
                {file.href ? (
                  <a href={file.href} target="_blank" rel="noopener">
                    {file.name}
                  </a>
                ) : (
                  file.name
                )}{' '}
                ({file.label}, {formatFileSize(file.size)})
                {file.textStatus && TEXT_STATUS[file.textStatus] ? (
                  <span className={file.textStatus === 'no_text' || file.textStatus === 'failed' ? 'badge badge--warning' : 'field__hint'}> · {TEXT_STATUS[file.textStatus]}</span>
                ) : null}
              </span>{' '}
              <button type="button" className="button--small button--secondary" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Đưa tệp ${file.name} lên`}>
                Lên
              </button>{' '}
              <button type="button" className="button--small button--secondary" disabled={index === files.length - 1} onClick={() => move(index, 1)} aria-label={`Đưa tệp ${file.name} xuống`}>
                Xuống
              </button>{' '}
              <button type="button" className="button--small button--danger" onClick={() => onChange(files.filter((f) => f.id !== file.id))} aria-label={`Bỏ tệp ${file.name}`}>
                Bỏ
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="field__hint">Chưa có tệp nào.</p>
      )}
      {uploads.map((u) => (
        <div key={u.key} className="upload-progress">
          <label htmlFor={`vb-tai-${u.key}`}>{u.done ? `Đã tải xong “${u.name}”` : `Đang tải “${u.name}”`}</label>{' '}
          <progress id={`vb-tai-${u.key}`} max={Math.max(1, u.total)} value={u.done ? Math.max(1, u.total) : Math.min(u.loaded, u.total)}>
            {u.total > 0 ? Math.round((100 * u.loaded) / u.total) : 0}%
          </progress>
        </div>
      ))}
      <input
        id="vb-files"
        type="file"
        multiple
        disabled={busy}
        accept=".pdf,.doc,.docx,.xls,.xlsx,.odt,application/pdf"
        aria-invalid={error ? true : undefined}
        aria-describedby="vb-files-goi-y vb-fileIds-loi"
        onChange={(event) => {
          const input = event.currentTarget;
          void upload(input.files).then(() => {
            input.value = '';
          });
        }}
      />
      <noscript>Tải tệp cần JavaScript.</noscript>
      <p id="vb-fileIds-loi" className="field__error" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
