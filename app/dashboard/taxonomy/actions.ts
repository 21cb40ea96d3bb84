'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { createTaxonomy, deleteTaxonomy, moveSection, renameTaxonomy, TaxonomyError } from '@/db/writes/taxonomy';
import { authorizedAction, type ActionState } from '@/lib/auth/action';
import { CacheTag, invalidate } from '@/lib/cache-tags';
import { clientIp } from '@/lib/client-ip';
import { idSchema } from '@/lib/validation';
import { normalizeText, slugify } from '@/lib/vietnamese';

const kind = z.enum(['section', 'tag'], { error: 'Loại không hợp lệ.' });
const id = idSchema();

const TaxonomyFields = z
  .object({
    kind,
    name: z.string().transform(normalizeText).pipe(z.string().min(1, 'Vui lòng nhập tên.').max(100, 'Tên tối đa 100 ký tự.')),
    slug: z.string().max(120, 'Đường dẫn tối đa 120 ký tự.').default(''),
    description: z.string().transform(normalizeText).pipe(z.string().max(500, 'Mô tả tối đa 500 ký tự.')).default(''),
  })
  .transform((v, ctx) => {
    const slug = slugify(v.slug || v.name, 120);
    if (!slug) ctx.addIssue({ code: 'custom', path: ['slug'], message: 'Đường dẫn chỉ gồm chữ không dấu, số và dấu gạch ngang.' });
    return { ...v, slug };
  });

function failure(error: unknown): ActionState {
  if (error instanceof TaxonomyError) {
    return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined };
  }
  throw error;
}

/**
 * Section names and order are in every page's navigation, and a tag's name is on every article
 * that carries it (any number of them); a renamed or deleted slug's archive must stop being
 * served. So every taxonomy write invalidates the whole site: such writes are rare, and each
 * page renders again only when next asked for.
 */
function refreshSite() {
  invalidate(CacheTag.site);
}

const actorOf = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

export const createTaxonomyAction = authorizedAction('taxonomy:manage', TaxonomyFields, async (input, user) => {
  try {
    await createTaxonomy(input.kind, input, actorOf(user), clientIp(await headers()));
  } catch (error) {
    return failure(error);
  }
  refreshSite();
  return { ok: true, message: `Đã tạo “${input.name}”.` };
});

export const renameTaxonomyAction = authorizedAction('taxonomy:manage', TaxonomyFields.and(z.object({ id })), async (input, user) => {
  try {
    await renameTaxonomy(input.kind, input.id, input, actorOf(user), clientIp(await headers()));
  } catch (error) {
    return failure(error);
  }
  refreshSite();
  return { ok: true, message: `Đã lưu “${input.name}”.` };
});

export const moveSectionAction = authorizedAction('taxonomy:manage', z.object({ id, direction: z.enum(['up', 'down']) }), async (input, user) => {
  try {
    await moveSection(input.id, input.direction, actorOf(user), clientIp(await headers()));
  } catch (error) {
    return failure(error);
  }
  refreshSite();
  return { ok: true, message: 'Đã đổi thứ tự.' };
});

export const deleteTaxonomyAction = authorizedAction('taxonomy:manage', z.object({ kind, id }), async (input, user) => {
  try {
    await deleteTaxonomy(input.kind, input.id, actorOf(user), clientIp(await headers()));
  } catch (error) {
    return failure(error);
  }
  refreshSite();
  return { ok: true, message: 'Đã xóa.' };
});
