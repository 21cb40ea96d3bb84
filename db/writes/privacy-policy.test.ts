import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { closeAppSql } from '@/db/client';
import type { PolicyInput } from '@/lib/privacy-policy';

// publishPolicyVersion() against a real, migrated PostgreSQL database of its own.
describe('privacy policy versions', () => {
  let database: TestDatabase;
  let policy: typeof import('./privacy-policy');
  let queries: typeof import('../queries/privacy-policy');
  let admin: { id: string; email: string };

  const input = (organisationName: string): PolicyInput => ({
    organisationName,
    address: 'Số 2 đường Thử Nghiệm',
    contactPhone: '028 1111 2222',
    contactEmail: 'dulieu@binhminh.example',
    collected: 'Họ tên và số điện thoại.',
    purposes: 'Kiểm duyệt bình luận.',
    retention: '12 tháng.',
    rights: 'Xem, xóa, rút lại đồng ý.',
  });
  const versions = async () => (await database.sql<{ version: number }[]>`select version from privacy_policy_versions order by version`).map((r) => r.version);

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    policy = await import('./privacy-policy');
    queries = await import('../queries/privacy-policy');
    const [row] = await database.sql<{ id: string; email: string }[]>`
      insert into users (email, name, role) values ('qtv@binhminh.example', 'Quản trị', 'admin') returning id, email`;
    admin = row!;
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  it('a fresh database has version 1, with the comment form, the retention periods and the request page in its text', async () => {
    expect(await versions()).toEqual([1]);
    const current = await queries.getCurrentPolicy();
    expect(current?.version).toBe(1);
    expect(current?.collected).toMatch(/Họ tên/);
    expect(current?.collected).toMatch(/Số điện thoại/);
    expect(current?.collected).toMatch(/băm/);
    expect(current?.retention).toMatch(/12 tháng/);
    expect(current?.retention).toMatch(/30 ngày/);
    expect(current?.rights).toMatch(/\/yeu-cau-du-lieu-ca-nhan/);
  });

  it('each save is the next version, audited; the earlier versions stay as they were', async () => {
    const before = await queries.getPolicyVersion(1);
    expect(await policy.publishPolicyVersion(input('Tổ chức A'), 1, admin, '127.0.0.1')).toEqual({ version: 2 });
    expect(await policy.publishPolicyVersion(input('Tổ chức B'), 2, admin, null)).toEqual({ version: 3 });
    expect(await versions()).toEqual([1, 2, 3]);
    expect(await queries.getPolicyVersion(1)).toEqual(before);
    expect((await queries.getPolicyVersion(2))?.organisationName).toBe('Tổ chức A');
    const audit = await database.sql`select action, entity_type, entity_id, details, actor_email from audit_log where action = 'privacy_policy.publish' order by id`;
    expect(audit.map((a) => ({ ...a }))).toEqual([
      { action: 'privacy_policy.publish', entity_type: 'privacy_policy', entity_id: '2', details: { version: 2 }, actor_email: admin.email },
      { action: 'privacy_policy.publish', entity_type: 'privacy_policy', entity_id: '3', details: { version: 3 }, actor_email: admin.email },
    ]);
    const history = await queries.listPolicyHistory({ role: 'admin' });
    expect(history.map((h) => [h.version, h.authorName])).toEqual([[3, 'Quản trị'], [2, 'Quản trị'], [1, null]]);
    await expect(queries.listPolicyHistory({ role: 'editor' })).rejects.toThrow(/privacy:manage/);
  });

  it('refuses a save with no change, and one made from a version that is no longer current', async () => {
    await expect(policy.publishPolicyVersion(input('Tổ chức B'), 3, admin, null)).rejects.toMatchObject({ reason: 'unchanged' });
    await expect(policy.publishPolicyVersion(input('Tổ chức C'), 2, admin, null)).rejects.toMatchObject({ reason: 'stale' });
    expect(await versions()).toEqual([1, 2, 3]);
  });

  it('concurrent saves get distinct, consecutive versions', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => policy.publishPolicyVersion(input(`Đồng thời ${i}`), null, admin, null)));
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(await versions()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('a published version can be neither rewritten nor deleted', async () => {
    await expect(database.sql`update privacy_policy_versions set rights = 'khác' where version = 1`).rejects.toThrow(/append-only/);
    await expect(database.sql`delete from privacy_policy_versions where version = 2`).rejects.toThrow(/append-only/);
    // Its author's account may go: only the author link is cleared.
    await database.sql`update privacy_policy_versions set created_by = null where version = 2`;
    expect((await queries.getPolicyVersion(2))?.organisationName).toBe('Tổ chức A');
  });
});
