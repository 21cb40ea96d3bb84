import type { Metadata } from 'next';
import { listTaxonomy } from '@/db/queries/taxonomy-admin';
import { requireUser } from '@/lib/auth/session';
import { CreateForm, ItemRow } from './taxonomy-forms';

export const metadata: Metadata = { title: 'Chuyên mục và thẻ' };

export default async function TaxonomyPage() {
  const user = await requireUser('taxonomy:manage', '/dashboard/taxonomy');
  const { sections, tags } = await listTaxonomy(user);
  return (
    <>
      <h1>Chuyên mục và thẻ</h1>
      <p className="field__hint">Đổi đường dẫn vẫn giữ địa chỉ cũ (chuyển hướng 301). Chỉ xóa được mục không còn bài viết.</p>
      <h2>Chuyên mục</h2>
      <ol className="taxonomy-list">
        {sections.map((s, i) => (
          <ItemRow key={s.id} kind="section" item={s} first={i === 0} last={i === sections.length - 1} />
        ))}
      </ol>
      <CreateForm kind="section" />
      <h2>Thẻ</h2>
      <ul className="taxonomy-list">
        {tags.map((t, i) => (
          <ItemRow key={t.id} kind="tag" item={t} first={i === 0} last={i === tags.length - 1} />
        ))}
      </ul>
      <CreateForm kind="tag" />
    </>
  );
}
