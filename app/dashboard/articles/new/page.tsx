import type { Metadata } from 'next';
import { listAuthorOptions, listMediaOptions, listSectionOptions } from '@/db/queries/dashboard-articles';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { ArticleForm } from '../article-form';

export const metadata: Metadata = { title: 'Viết bài mới' };

export default async function NewArticlePage() {
  const user = await requireUser('articles:write-own', '/dashboard/articles/new');
  const [sections, authors, media] = await Promise.all([listSectionOptions(user), listAuthorOptions(user), listMediaOptions(user)]);
  return (
    <>
      <h1>Viết bài mới</h1>
      <ArticleForm
        initial={{ id: null, version: null, title: '', slug: '', lead: '', bodyHtml: '', sectionId: '', tags: '', authorName: user.name, publishedAt: '', coverMediaId: '', coverAlt: '', status: 'draft', documents: [] }}
        sections={sections}
        authors={authors}
        media={media}
        canPublish={can(user.role, 'articles:publish')}
      />
    </>
  );
}
