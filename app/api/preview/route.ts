import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { getArticleForEdit } from '@/db/queries/dashboard-articles';
import { getCurrentUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { parseId } from '@/lib/validation';

export const dynamic = 'force-dynamic';

/** `/api/preview?id=12`: turns on draft mode for this browser and opens the article as readers would see it. */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'Vui lòng đăng nhập.' }, { status: 401 });
  if (!can(user.role, 'articles:write-own')) return Response.json({ error: 'Không có quyền.' }, { status: 403 });
  const id = parseId(new URL(request.url).searchParams.get('id'));
  const article = id === null ? null : await getArticleForEdit(user, id);
  if (!article) return Response.json({ error: 'Không tìm thấy bài viết.' }, { status: 404 });
  (await draftMode()).enable();
  redirect(`/bai-viet/${article.slug}`);
}
