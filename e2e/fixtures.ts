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

/** The id of a document list entry (`type`, `issuer`, `field`) by name, created when missing. */
export async function documentTermId(kind: 'type' | 'issuer' | 'field', name: string): Promise<number> {
  const { slugify } = await import('../lib/vietnamese');
  const sql = e2eSql();
  const [row] = await sql<{ id: number }[]>`
    insert into document_terms (kind, slug, name) values (${kind}, ${slugify(name)}, ${name})
    on conflict (kind, slug) do update set name = document_terms.name
    returning id`;
  if (!row) throw new Error('term insert failed');
  return row.id;
}

/**
 * Inserts a document straight into the database (bypassing the newsroom), with its files stored
 * in the e2e site's media directory (the directory backend), and returns its id.
 */
export async function insertDocument(fields: {
  slug: string;
  number: string;
  abstract: string;
  type?: string;
  issuer?: string;
  field?: string | null;
  signer?: string;
  issuedOn?: string;
  effectiveOn?: string | null;
  expiresOn?: string | null;
  status?: 'draft' | 'published' | 'unpublished';
  replacesId?: number | null;
  files?: { name: string; bytes: Uint8Array; mimeType: string; text?: string }[];
}): Promise<number> {
  const { createHash } = await import('node:crypto');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const sql = e2eSql();
  const typeId = await documentTermId('type', fields.type ?? 'Kế hoạch');
  const issuerId = await documentTermId('issuer', fields.issuer ?? 'UBND quận Kiểm Thử');
  const fieldId = fields.field === null ? null : await documentTermId('field', fields.field ?? 'Xã hội');
  const [row] = await sql<{ id: number }[]>`
    insert into documents (slug, number, type_id, issuer_id, field_id, signer, issued_on, effective_on, expires_on, abstract, status, published_at, replaces_id)
    values (${fields.slug}, ${fields.number}, ${typeId}, ${issuerId}, ${fieldId}, ${fields.signer ?? 'Nguyễn Văn Ký'},
            ${fields.issuedOn ?? '2026-01-15'}, ${fields.effectiveOn ?? null}, ${fields.expiresOn ?? null}, ${fields.abstract},
            ${fields.status ?? 'published'}, ${fields.status === 'draft' ? null : new Date().toISOString()}, ${fields.replacesId ?? null})
    returning id`;
  if (!row) throw new Error('document insert failed');
  const mediaDir = path.resolve(DATA_DIR, 'media');
  for (const [position, file] of (fields.files ?? []).entries()) {
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const ext = file.name.split('.').pop()?.toLowerCase() ?? 'bin';
    const key = `documents/${sha256}.${ext}`;
    mkdirSync(path.join(mediaDir, 'documents'), { recursive: true });
    writeFileSync(path.join(mediaDir, key), file.bytes);
    await sql`
      insert into document_files (document_id, position, storage_key, original_name, mime_type, bytes, sha256, text_status, text_content)
      values (${row.id}, ${position}, ${key}, ${file.name}, ${file.mimeType}, ${file.bytes.length}, ${sha256},
              ${file.text === undefined ? 'pending' : 'done'}, ${file.text ?? ''})`;
  }
  await sql`
    update documents d set files_text = coalesce((select string_agg(text_content, E'\\n' order by position) from document_files f
      where f.document_id = d.id and f.text_status = 'done'), '') where d.id = ${row.id}`;
  return row.id;
}
