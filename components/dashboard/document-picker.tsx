'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { findDocumentsAction } from '@/app/dashboard/_document-picker/find-documents';
import type { PickerDocument } from '@/db/queries/document-picker';
import { formatCalendarDate } from '@/lib/documents';
import styles from './document-picker.module.css';

/** A chosen document as the picker shows it. */
export type PickedDocument = { id: number; number: string; abstract: string };

type Props = {
  /** Name of the hidden inputs: one `<input type="hidden" name={name} value={id}>` per choice, in order. */
  name: string;
  label: string;
  /** Several documents in an order (`Văn bản liên quan`), or one (`Thay thế văn bản`). */
  multiple: boolean;
  initial: PickedDocument[];
  /** Ids never offered (the document being edited, for `Thay thế văn bản`). */
  exclude?: number[];
  error?: string;
  hint?: string;
  /** Called with the new choice after every change (e.g. for a form's local backup). */
  onChange?: (chosen: PickedDocument[]) => void;
};

const DEBOUNCE_MS = 250;
/** The server caps a query at 200 characters (MAX_DOCUMENT_QUERY); the box stops there too. */
const MAX_QUERY = 200;

const STATUS_LABEL: Record<PickerDocument['status'], string> = {
  draft: 'Bản nháp',
  published: 'Đã xuất bản',
  unpublished: 'Đã gỡ',
};

const shorten = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * Finds documents by number and symbol or by words (the registry's matching rule, on the
 * server) and keeps a list of the chosen ones: the WAI-ARIA combobox pattern (list
 * autocomplete; ↑/↓ move, Enter chooses, Escape closes then clears), a polite live region
 * saying how many were found and what was chosen or removed. The choice is submitted as
 * hidden inputs in order; with nothing chosen one empty input is sent, so the server can tell
 * "none" from a form without the field.
 */
export function DocumentPicker({ name, label, multiple, initial, exclude = [], error, hint, onChange }: Props) {
  const base = useId();
  const inputId = `${base}-tim`;
  const listId = `${base}-ds`;
  const hintId = `${base}-goi-y`;
  const errorId = `${base}-loi`;
  const optionId = (index: number) => `${base}-kq-${index}`;

  const [chosen, setChosen] = useState<PickedDocument[]>(initial);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PickerDocument[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const [searchError, setSearchError] = useState('');

  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Only the answer to the latest query is shown; slower answers to older ones are dropped.
  const latest = useRef(0);
  // After a move or removal, where focus goes once the list has re-rendered.
  const [focusAfter, setFocusAfter] = useState<{ id: number | null; prefer: 'up' | 'down' | 'remove' } | null>(null);

  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    if (!focusAfter) return;
    setFocusAfter(null);
    if (focusAfter.id === null) {
      inputRef.current?.focus();
      return;
    }
    const row = listRef.current?.querySelector<HTMLElement>(`[data-document-id="${focusAfter.id}"]`);
    const buttons = [focusAfter.prefer, 'up', 'down', 'remove'].map((action) => row?.querySelector<HTMLButtonElement>(`button[data-action="${action}"]:not(:disabled)`));
    (buttons.find(Boolean) ?? inputRef.current)?.focus();
  }, [focusAfter]);

  const update = (next: PickedDocument[]) => {
    setChosen(next);
    onChange?.(next);
  };

  const search = (text: string) => {
    clearTimeout(timer.current);
    const ticket = ++latest.current;
    if (!/[\p{L}\p{N}]/u.test(text)) {
      setResults([]);
      setOpen(false);
      setActive(-1);
      setAnnouncement('');
      setSearchError('');
      return;
    }
    timer.current = setTimeout(async () => {
      const skip = [...exclude, ...chosen.map((d) => d.id)];
      let answer: Awaited<ReturnType<typeof findDocumentsAction>>;
      try {
        answer = await findDocumentsAction(text, skip);
      } catch {
        answer = { ok: false, message: 'Không tìm được văn bản lúc này. Vui lòng thử lại.' };
      }
      if (ticket !== latest.current) return;
      if (!answer.ok) {
        setResults([]);
        setOpen(false);
        setActive(-1);
        setSearchError(answer.message);
        setAnnouncement(answer.message);
        return;
      }
      setSearchError('');
      setResults(answer.results);
      setOpen(true);
      setActive(-1);
      setAnnouncement(answer.results.length === 0 ? 'Không tìm thấy văn bản nào.' : `Tìm thấy ${answer.results.length} văn bản. Dùng phím mũi tên để chọn.`);
    }, DEBOUNCE_MS);
  };

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const choose = (doc: PickerDocument) => {
    const picked = { id: doc.id, number: doc.number, abstract: doc.abstract };
    const next = multiple ? [...chosen.filter((d) => d.id !== doc.id), picked] : [picked];
    update(next);
    latest.current++;
    clearTimeout(timer.current);
    setQuery('');
    setResults([]);
    close();
    setAnnouncement(`Đã chọn ${doc.number}.${multiple ? ` ${next.length} văn bản đã chọn.` : ''}`);
    inputRef.current?.focus();
  };

  const remove = (index: number) => {
    const doc = chosen[index];
    if (!doc) return;
    const next = chosen.filter((_, i) => i !== index);
    update(next);
    setAnnouncement(`Đã bỏ ${doc.number}.`);
    setFocusAfter({ id: next[Math.min(index, next.length - 1)]?.id ?? null, prefer: 'remove' });
  };

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    const doc = chosen[index];
    if (!doc || target < 0 || target >= chosen.length) return;
    const next = [...chosen];
    next.splice(index, 1);
    next.splice(target, 0, doc);
    update(next);
    setAnnouncement(`Đã chuyển ${doc.number} đến vị trí ${target + 1} trên ${next.length}.`);
    setFocusAfter({ id: doc.id, prefer: by < 0 ? 'up' : 'down' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) {
          if (results.length > 0) {
            setOpen(true);
            setActive(0);
          } else search(query);
          return;
        }
        setActive((i) => (results.length === 0 ? -1 : (i + 1) % results.length));
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) {
          if (results.length > 0) {
            setOpen(true);
            setActive(results.length - 1);
          }
          return;
        }
        setActive((i) => (results.length === 0 ? -1 : i <= 0 ? results.length - 1 : i - 1));
        return;
      case 'Enter': {
        // Enter in the box never submits the article form.
        event.preventDefault();
        const doc = open ? results[active] : undefined;
        if (doc) choose(doc);
        return;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (query) {
          event.preventDefault();
          setQuery('');
          search('');
        }
        return;
      case 'Tab':
        close();
        return;
    }
  };

  const expanded = open && results.length > 0;
  const describedBy = [hint ? hintId : null, errorId].filter(Boolean).join(' ');

  return (
    <div className={`field ${styles.picker}`}>
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className={styles.combo}>
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          maxLength={MAX_QUERY}
          placeholder="Số/ký hiệu hoặc từ trong trích yếu"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={error || searchError ? true : undefined}
          aria-describedby={describedBy}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            search(event.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
          // The typed query is not part of the form: keep it out of the form's input events
          // (autosave, local backup); only a change of the choice is.
          onInput={(event) => event.stopPropagation()}
        />
        <ul id={listId} role="listbox" aria-label={`Kết quả tìm ${label.toLowerCase()}`} className={styles.listbox} hidden={!expanded}>
          {results.map((doc, index) => (
            <li
              key={doc.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? `${styles.option} ${styles.active}` : styles.option}
              // Keep focus in the box: a click must not blur it (which would close the list first).
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(doc)}
              onMouseEnter={() => setActive(index)}
            >
              <span className={styles.number}>{doc.number}</span> <span className={styles.meta}>({formatCalendarDate(doc.issuedOn)}, {STATUS_LABEL[doc.status]})</span>
              <span className={styles.abstract}>{shorten(doc.abstract)}</span>
            </li>
          ))}
        </ul>
        {open && results.length === 0 ? <p className={styles.empty}>Không tìm thấy văn bản nào.</p> : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <p id={errorId} className="field__error" aria-live="polite">
        {error || searchError}
      </p>

      {chosen.length > 0 ? (
        <ol ref={listRef} className={styles.chosen} aria-label={`${label}: đã chọn`}>
          {chosen.map((doc, index) => (
            <li key={doc.id} data-document-id={doc.id} className={styles.item}>
              <input type="hidden" name={name} value={doc.id} />
              <span className={styles.itemText}>
                <span className={styles.number}>{doc.number}</span> — {shorten(doc.abstract, 140)}
              </span>
              <span className={styles.buttons}>
                {multiple ? (
                  <>
                    <button type="button" className="button--small button--secondary" data-action="up" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Đưa ${doc.number} lên`}>
                      ↑ Lên
                    </button>
                    <button type="button" className="button--small button--secondary" data-action="down" disabled={index === chosen.length - 1} onClick={() => move(index, 1)} aria-label={`Đưa ${doc.number} xuống`}>
                      ↓ Xuống
                    </button>
                  </>
                ) : null}
                <button type="button" className="button--small button--secondary" data-action="remove" onClick={() => remove(index)} aria-label={`Bỏ ${doc.number}`}>
                  Bỏ
                </button>
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <>
          <input type="hidden" name={name} value="" />
          <p className="field__hint">Chưa chọn văn bản nào.</p>
        </>
      )}
    </div>
  );
}
