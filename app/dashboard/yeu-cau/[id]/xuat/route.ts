import { stringify } from 'csv-stringify/sync';
import { create as contentDisposition } from 'content-disposition';
import { NextResponse } from 'next/server';
import { findPersonComments, getDataRequest } from '@/db/queries/data-requests';
import { recordAudit } from '@/db/writes/audit';
import { can } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { clientIp } from '@/lib/client-ip';
import { toVietnamIso } from '@/lib/dates';
import { parsePersonQuery } from '@/lib/person-query';
import { parseId } from '@/lib/validation';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store, private' };
const text = (body: string, status: number) => new NextResponse(body, { status, headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * A person's comments found from a request (`?sdt=`, `?ten=`) as a download:
 * `?dinh-dang=json` or `csv`. Admins only; audited ('data_request.export', format and count).
 * CSV by csv-stringify with `escape_formulas`, so a comment starting with `=`, `+`, `-` or `@`
 * is not run as a formula by a spreadsheet; a BOM so Excel reads the UTF-8 Vietnamese.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return text('Vui lòng đăng nhập.', 401);
  if (!can(user.role, 'privacy:manage')) return text('Bạn không có quyền thực hiện thao tác này.', 403);
  const id = parseId((await params).id);
  const url = new URL(request.url);
  const format = url.searchParams.get('dinh-dang');
  if (id === null || (format !== 'json' && format !== 'csv')) return text('Yêu cầu không hợp lệ.', 400);
  const dataRequest = await getDataRequest(user, id);
  if (!dataRequest) return text('Không tìm thấy yêu cầu.', 404);
  const query = parsePersonQuery(url.searchParams.get('sdt'), url.searchParams.get('ten'));
  const { rows } = await findPersonComments(user, query);
  const items = rows.map((c) => ({
    id: c.id,
    name: c.name,
    phone: c.phone,
    title: c.title,
    content: c.content,
    status: c.status,
    createdAt: toVietnamIso(c.createdAt),
    articleTitle: c.articleTitle,
    articleSlug: c.articleSlug,
  }));
  await recordAudit({
    actor: { id: user.id, email: user.email },
    action: 'data_request.export',
    entityType: 'data_request',
    entityId: id,
    details: { format, count: items.length },
    ip: clientIp(request.headers),
  });
  const filename = `yeu-cau-${dataRequest.code}-binh-luan.${format}`;
  const headers = { ...NO_STORE, 'Content-Disposition': contentDisposition(filename, { type: 'attachment' }), 'X-Content-Type-Options': 'nosniff' };
  if (format === 'json') {
    const body = JSON.stringify({ requestCode: dataRequest.code, exportedAt: toVietnamIso(new Date()), comments: items }, null, 2);
    return new NextResponse(body, { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
  }
  const csv = stringify(items, {
    header: true,
    bom: true,
    quoted_string: true,
    escape_formulas: true,
    record_delimiter: 'windows',
    columns: [
      { key: 'id', header: 'Mã bình luận' },
      { key: 'createdAt', header: 'Thời gian' },
      { key: 'name', header: 'Họ tên' },
      { key: 'phone', header: 'Số điện thoại' },
      { key: 'title', header: 'Tiêu đề' },
      { key: 'content', header: 'Nội dung' },
      { key: 'status', header: 'Trạng thái' },
      { key: 'articleTitle', header: 'Bài viết' },
      { key: 'articleSlug', header: 'Đường dẫn bài viết' },
    ],
  });
  return new NextResponse(csv, { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } });
}
