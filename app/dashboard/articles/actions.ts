'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getRevision } from '@/db/queries/dashboard-articles';
import { ArticleConflict, ArticleError, MAX_ARTICLE_DOCUMENTS, saveArticle, type ArticleInput, type SavedArticle } from '@/db/writes/articles';
import { addCorrection, CorrectionError, editCorrection, type SavedCorrection } from '@/db/writes/corrections';
import { authorizedAction, type ActionState } from '@/lib/auth/action';
import { articleTags, CacheTag, correctionTags, invalidate } from '@/lib/cache-tags';
import { clientIp } from '@/lib/client-ip';
import { correctionBodySchema, correctionReasonSchema } from '@/lib/corrections';
import { parseVietnamLocal } from '@/lib/dates';
import { bigIdSchema, idSchema, optionalIdSchema, parseId } from '@/lib/validation';
import { normalizeText, slugify } from '@/lib/vietnamese';

// Ids and the version are PostgreSQL integers: bounded here, so no out-of-range value reaches SQL.
const optionalId = optionalIdSchema('Giá trị không hợp lệ.');

/**
 * `Văn bản liên quan`: the picker's hidden inputs, in order (one empty input when none is
 * chosen). Absent altogether (an older form): the article's documents stay as they are.
 */
const documentIdsSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const raw = (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
    if (raw.length > MAX_ARTICLE_DOCUMENTS) {
      ctx.addIssue({ code: 'custom', message: `Tối đa ${MAX_ARTICLE_DOCUMENTS} văn bản liên quan.` });
      return z.NEVER;
    }
    const ids = raw.map((v) => parseId(v));
    if (ids.some((id) => id === null)) {
      ctx.addIssue({ code: 'custom', message: 'Văn bản đã chọn không hợp lệ.' });
      return z.NEVER;
    }
    return [...new Set(ids as number[])];
  });

const ArticleFormSchema = z
  .object({
    id: optionalId,
    version: optionalId,
    intent: z.enum(['draft', 'review', 'publish', 'unpublish'], { error: 'Thao tác không hợp lệ.' }),
    title: z.string().transform(normalizeText).pipe(z.string().min(1, 'Vui lòng nhập tiêu đề.').max(300, 'Tiêu đề tối đa 300 ký tự.')),
    slug: z.string().max(200, 'Đường dẫn tối đa 200 ký tự.'),
    lead: z.string().transform(normalizeText).pipe(z.string().max(1000, 'Tóm tắt tối đa 1.000 ký tự.')),
    bodyHtml: z.string().max(500_000, 'Nội dung quá dài.'),
    sectionId: optionalId,
    tags: z
      .string()
      .max(1000, 'Danh sách thẻ quá dài.')
      .transform((v) => [...new Set(v.split(',').map(normalizeText).filter(Boolean))])
      .pipe(z.array(z.string().max(60, 'Mỗi thẻ tối đa 60 ký tự.')).max(20, 'Tối đa 20 thẻ.')),
    authorName: z.string().transform(normalizeText).pipe(z.string().max(100, 'Tên tác giả tối đa 100 ký tự.')),
    coverMediaId: optionalId,
    coverAlt: z.string().transform(normalizeText).pipe(z.string().max(300, 'Mô tả ảnh tối đa 300 ký tự.')).default(''),
    documentIds: documentIdsSchema,
    publishedAt: z.string().transform((v, ctx) => {
      if (!v) return null;
      const date = parseVietnamLocal(v);
      if (!date) ctx.addIssue({ code: 'custom', message: 'Thời gian xuất bản không hợp lệ.' });
      return date;
    }),
  })
  .transform((v, ctx) => {
    const slug = slugify(v.slug || v.title);
    if (!slug) ctx.addIssue({ code: 'custom', path: ['slug'], message: 'Đường dẫn chỉ gồm chữ không dấu, số và dấu gạch ngang.' });
    return { ...v, slug };
  });

type ArticleForm = z.infer<typeof ArticleFormSchema>;

/** The form's fields as the write layer takes them. */
function toArticleInput(input: ArticleForm): ArticleInput {
  return {
    id: input.id,
    version: input.version,
    title: input.title,
    slug: input.slug,
    lead: input.lead,
    bodyHtml: input.bodyHtml,
    sectionId: input.sectionId,
    tagNames: input.tags,
    authorName: input.authorName || null,
    publishedAt: input.publishedAt,
    coverMediaId: input.coverMediaId,
    coverAlt: input.coverAlt,
    documentIds: input.documentIds,
  };
}

function afterSave(saved: SavedArticle): never {
  if (saved.touchesPublic) {
    // The places it was in before the save too: moved out of a section, off a tag or a byline,
    // those lists change as well.
    invalidate(
      ...articleTags({
        slug: saved.slug,
        previousSlug: saved.previousSlug,
        sectionSlugs: [saved.sectionSlug, saved.previous.sectionSlug],
        tagSlugs: [...saved.tagSlugs, ...saved.previous.tagSlugs],
        authorSlugs: [saved.authorSlug, saved.previous.authorSlug],
      }),
      // The documents it cites, cited or cites no more: their pages list the articles citing them.
      ...saved.documentSlugs.map(CacheTag.document),
    );
  }
  redirect(`/dashboard/articles/${saved.id}?da-luu=${saved.status}`);
}

function failure(error: unknown, articleId: number | null): ActionState {
  if (error instanceof ArticleConflict) {
    return {
      ok: false,
      message:
        'Bài viết vừa được người khác lưu (phiên bản mới hơn). Nội dung bạn đang soạn vẫn còn nguyên trong biểu mẫu; hãy mở phiên bản mới trong thẻ khác, đối chiếu rồi lưu lại.',
      data: { conflict: String(error.currentVersion), newerUrl: `/dashboard/articles/${articleId}/revisions` },
    };
  }
  if (error instanceof ArticleError) {
    return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined };
  }
  throw error;
}

export const saveArticleAction = authorizedAction('articles:write-own', ArticleFormSchema, async (input, user) => {
  let saved: SavedArticle;
  try {
    saved = await saveArticle(
      toArticleInput(input),
      input.intent,
      { id: user.id, email: user.email, role: user.role },
      clientIp(await headers()),
    );
  } catch (error) {
    return failure(error, input.id);
  }
  afterSave(saved);
});

/**
 * Autosave of a draft after a few idle seconds: a normal draft save (with its revision and
 * version check) that answers with the new version instead of navigating. Only drafts are
 * autosaved; a live article changes only when someone presses a button.
 */
export const autosaveDraftAction = authorizedAction('articles:write-own', ArticleFormSchema, async (input, user) => {
  if (input.id === null) return { ok: false, message: 'Bài chưa được lưu lần nào.' };
  let saved: SavedArticle;
  try {
    saved = await saveArticle(
      toArticleInput(input),
      'draft',
      { id: user.id, email: user.email, role: user.role },
      clientIp(await headers()),
      { onlyIfDraft: true },
    );
  } catch (error) {
    return failure(error, input.id);
  }
  return { ok: true, data: { version: String(saved.version) } };
});

/** Restoring a revision saves its text as a new revision; the status stays as it is. */
export const restoreRevisionAction = authorizedAction(
  'articles:write-own',
  z.object({ articleId: idSchema(), revisionId: bigIdSchema(), version: idSchema() }),
  async (input, user) => {
    const revision = await getRevision(user, input.articleId, input.revisionId);
    if (!revision) return { ok: false, message: 'Không tìm thấy phiên bản.' };
    let saved: SavedArticle;
    try {
      saved = await saveArticle(
        {
          id: input.articleId,
          version: input.version,
          title: revision.title,
          slug: revision.meta.slug,
          lead: revision.lead,
          bodyHtml: revision.bodyHtml,
          sectionId: revision.meta.sectionId,
          tagNames: revision.tagNames,
          authorName: revision.authorName,
          publishedAt: revision.meta.publishedAt ? new Date(revision.meta.publishedAt) : null,
          coverMediaId: revision.meta.coverMediaId,
          coverAlt: revision.meta.coverAlt,
          // Still existing ones only: a document deleted since cannot be cited again.
          documentIds: revision.documentIds,
        },
        'draft',
        { id: user.id, email: user.email, role: user.role },
        clientIp(await headers()),
        { restoredFromVersion: revision.version },
      );
    } catch (error) {
      return failure(error, input.articleId);
    }
    afterSave(saved);
  },
);

// Corrections (Đính chính, issue 16): editors and admins add one to a published article, or
// change one (a new version with its reason). Both answer with state (the form stays on the
// article's editor page, with and without JavaScript) and refresh what readers see of it.

function correctionFailure(error: unknown): ActionState {
  if (error instanceof CorrectionError) {
    return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined };
  }
  throw error;
}

function afterCorrection(saved: SavedCorrection, message: string): ActionState {
  invalidate(...correctionTags(saved));
  // The values are handed back empty: a successful add clears the field.
  return { ok: true, message, data: { correctionId: String(saved.correctionId), version: String(saved.version) } };
}

export const addCorrectionAction = authorizedAction(
  'articles:correct',
  z.object({ articleId: idSchema(), body: correctionBodySchema }),
  async (input, user) => {
    let saved: SavedCorrection;
    try {
      saved = await addCorrection(input.articleId, input.body, { id: user.id, email: user.email, role: user.role }, clientIp(await headers()));
    } catch (error) {
      return correctionFailure(error);
    }
    return afterCorrection(saved, 'Đã thêm đính chính; bạn đọc thấy ngay ở đầu bài.');
  },
);

export const editCorrectionAction = authorizedAction(
  'articles:correct',
  z.object({ articleId: idSchema(), correctionId: idSchema(), version: idSchema(), body: correctionBodySchema, reason: correctionReasonSchema }),
  async (input, user) => {
    let saved: SavedCorrection;
    try {
      saved = await editCorrection(input, { id: user.id, email: user.email, role: user.role }, clientIp(await headers()));
    } catch (error) {
      return correctionFailure(error);
    }
    return afterCorrection(saved, `Đã sửa đính chính (phiên bản ${saved.version}); bản cũ vẫn được lưu trong lịch sử.`);
  },
);
