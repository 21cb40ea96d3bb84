// End-to-end fixtures: direct access to the e2e site's database, for seeding what a test needs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';

const DATA_DIR = process.env.E2E_DATA_DIR ?? '.data/e2e';

let client: postgres.Sql | undefined;

/** The e2e server's database (the launcher leaves its URL in DATA_DIR/database-url). */
export function e2eSql(): postgres.Sql {
  if (!client) {
    const url = readFileSync(path.resolve(DATA_DIR, 'database-url'), 'utf8').trim();
    client = postgres(url, { max: 2, onnotice: () => {} });
  }
  return client;
}

export const uniqueSlug = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Inserts an article straight into the database (bypassing the newsroom) and returns its id. */
export async function insertArticle(fields: {
  slug: string;
  title: string;
  status?: 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';
  sectionId?: number | null;
  lead?: string;
  bodyHtml?: string;
  publishedAt?: Date;
}): Promise<number> {
  const sql = e2eSql();
  const [row] = await sql<{ id: number }[]>`
    insert into articles (slug, title, lead, body_html, status, published_at, section_id)
    values (${fields.slug}, ${fields.title}, ${fields.lead ?? 'Tóm tắt kiểm thử.'}, ${fields.bodyHtml ?? '<p>Nội dung kiểm thử.</p>'},
            ${fields.status ?? 'published'}, ${(fields.publishedAt ?? new Date()).toISOString()}, ${fields.sectionId ?? null})
    returning id`;
  if (!row) throw new Error('insert failed');
  return row.id;
}

/** Creates (or resets) an account with a known password straight in the database. */
export async function createUser(role: 'admin' | 'editor' | 'reporter', prefix: string = role): Promise<{ id: string; email: string; password: string; name: string }> {
  const { hashPassword } = await import('../lib/password');
  const email = `${uniqueSlug(prefix)}@e2e.example`;
  const password = `mat khau thu nghiem ${Math.random().toString(36).slice(2)}`;
  const name = `${prefix} ${email.slice(0, 8)}`;
  const [row] = await e2eSql()<{ id: string }[]>`
    insert into users (email, name, role, password_hash) values (${email}, ${name}, ${role}, ${await hashPassword(password)})
    returning id`;
  if (!row) throw new Error('user insert failed');
  return { id: row.id, email, password, name };
}

/** Signs in through the real form and waits for the dashboard. */
export async function signInAs(page: import('@playwright/test').Page, user: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Mật khẩu').fill(user.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/dashboard$/);
}
