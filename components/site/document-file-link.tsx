import { documentFilePath, fileTypeLabel } from '@/lib/document-download';
import { formatFileSize } from '@/lib/documents';
import styles from './document.module.css';

type File = { id: number; originalName: string; mimeType: string; bytes: number };

/**
 * `Tải về PDF (1,2 MB)`, its accessible name ending with the file's own name so that a list of
 * several files says which is which (the visible words come first: WCAG 2.5.3, label in name).
 * A plain link: the route answers with `Content-Disposition: attachment`.
 */
export function DocumentFileLink({ file }: { file: File }) {
  return (
    <a href={documentFilePath(file)} className={styles.download} type={file.mimeType}>
      Tải về {fileTypeLabel(file.mimeType)} ({formatFileSize(file.bytes)})<span className="visually-hidden">: {file.originalName}</span>
    </a>
  );
}
