'use client';

import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';

type Props = {
  /** id of the visible label; the editable area is named by it (`Nội dung`). */
  labelId: string;
  describedBy?: string;
  initialHtml: string;
  onChange: (html: string) => void;
};

function Toolbar({ editor }: { editor: Editor }) {
  const button = (label: string, active: boolean, run: () => void) => (
    <button type="button" className="button--small button--secondary" aria-pressed={active} onClick={run}>
      {label}
    </button>
  );
  return (
    <div role="toolbar" aria-label="Định dạng nội dung" className="editor-toolbar">
      {button('Tiêu đề lớn', editor.isActive('heading', { level: 2 }), () => editor.chain().focus().toggleHeading({ level: 2 }).run())}
      {button('Tiêu đề nhỏ', editor.isActive('heading', { level: 3 }), () => editor.chain().focus().toggleHeading({ level: 3 }).run())}
      {button('Đậm', editor.isActive('bold'), () => editor.chain().focus().toggleBold().run())}
      {button('Nghiêng', editor.isActive('italic'), () => editor.chain().focus().toggleItalic().run())}
      {button('Danh sách', editor.isActive('bulletList'), () => editor.chain().focus().toggleBulletList().run())}
      {button('Danh sách số', editor.isActive('orderedList'), () => editor.chain().focus().toggleOrderedList().run())}
      {button('Trích dẫn', editor.isActive('blockquote'), () => editor.chain().focus().toggleBlockquote().run())}
      {button('Liên kết', editor.isActive('link'), () => {
        const previous = editor.getAttributes('link').href as string | undefined;
        const href = window.prompt('Địa chỉ liên kết (để trống để bỏ liên kết):', previous ?? 'https://');
        if (href === null) return;
        if (!href.trim()) editor.chain().focus().unsetLink().run();
        else editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
      })}
      {button('Chèn ảnh', false, () => {
        const src = window.prompt('Đường dẫn ảnh trong Thư viện ảnh (ví dụ /media/2026/11/…webp):', '/media/');
        if (!src || !/^\/media\/[\w/.-]+$/.test(src.trim())) return;
        const alt = window.prompt('Mô tả ảnh (bắt buộc, cho người khiếm thị):', '');
        if (!alt?.trim()) return;
        editor.chain().focus().setImage({ src: src.trim(), alt: alt.trim() }).run();
      })}
      {button('Chèn bảng', false, () => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
      {button('Hoàn tác', false, () => editor.chain().focus().undo().run())}
    </div>
  );
}

/** The article body editor (Tiptap). The HTML it produces is sanitised again on the server. */
export function RichTextEditor({ labelId, describedBy, initialHtml, onChange }: Props) {
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: { openOnClick: false, autolink: true } }),
      TableKit.configure({ table: { resizable: false } }),
      Image.configure({ inline: false }),
    ],
    content: initialHtml,
    editorProps: {
      attributes: {
        class: 'editor-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
  });
  return (
    <div className="editor">
      {editor ? <Toolbar editor={editor} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}
