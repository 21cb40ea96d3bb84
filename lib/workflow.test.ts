import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, type ArticleStatus } from './article-status';
import { ROLES, type Role } from './auth/permissions';
import { ARTICLE_INTENTS, mayUseIntent, nextStatus, REFUSALS, type ArticleIntent, type RefusalReason, type WorkflowArticle } from './workflow';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const PAST = new Date('2026-02-28T08:00:00.000Z');
const FUTURE = new Date('2026-03-01T09:00:00.000Z');
const ME = '11111111-1111-4111-8111-111111111111';
const SOMEONE = '22222222-2222-4222-8222-222222222222';

type Current = ArticleStatus | 'new';
/**
 * What each button does to each state, for someone allowed to press it, with no publish time
 * in the form: written out by hand from DESIGN.md, not derived from the code under test.
 * 'now' publishes at NOW; 'kept' keeps the article's own time.
 */
type Expected = { status: ArticleStatus; publishedAt: 'none' | 'now' | 'kept' } | RefusalReason;
const TRANSITIONS: Record<Current, Record<ArticleIntent, Expected>> = {
  new: {
    draft: { status: 'draft', publishedAt: 'none' },
    review: { status: 'review', publishedAt: 'none' },
    publish: { status: 'published', publishedAt: 'now' },
    unpublish: 'not-published',
  },
  draft: {
    draft: { status: 'draft', publishedAt: 'kept' },
    review: { status: 'review', publishedAt: 'kept' },
    publish: { status: 'published', publishedAt: 'kept' },
    unpublish: 'not-published',
  },
  review: {
    draft: { status: 'draft', publishedAt: 'kept' },
    review: { status: 'review', publishedAt: 'kept' },
    publish: { status: 'published', publishedAt: 'kept' },
    unpublish: 'not-published',
  },
  scheduled: {
    draft: { status: 'scheduled', publishedAt: 'kept' },
    review: 'already-published',
    publish: { status: 'scheduled', publishedAt: 'kept' },
    unpublish: { status: 'unpublished', publishedAt: 'kept' },
  },
  published: {
    draft: { status: 'published', publishedAt: 'kept' },
    review: 'already-published',
    publish: { status: 'published', publishedAt: 'kept' },
    unpublish: { status: 'unpublished', publishedAt: 'kept' },
  },
  unpublished: {
    draft: { status: 'unpublished', publishedAt: 'kept' },
    review: { status: 'review', publishedAt: 'kept' },
    publish: { status: 'published', publishedAt: 'kept' },
    unpublish: 'not-published',
  },
};

/** The article's own publish time in each state: a scheduled one is ahead, a published one behind. */
const OWN_TIME: Record<ArticleStatus, Date | null> = { draft: null, review: null, scheduled: FUTURE, published: PAST, unpublished: PAST };

function article(status: Current, createdBy: string | null): WorkflowArticle | null {
  return status === 'new' ? null : { status, publishedAt: OWN_TIME[status], createdBy };
}

describe('nextStatus: every state × button × role × owner', () => {
  const owners = { own: ME, other: SOMEONE, nobody: null } as const;
  const cases: [Current, ArticleIntent, Role, keyof typeof owners][] = [];
  for (const current of ['new', ...ARTICLE_STATUSES] as const)
    for (const intent of ARTICLE_INTENTS)
      for (const role of ROLES) for (const owner of Object.keys(owners) as (keyof typeof owners)[]) cases.push([current, intent, role, owner]);

  it.each(cases)('%s, %s, by %s (%s article)', (current, intent, role, owner) => {
    const result = nextStatus(article(current, owners[owner]), intent, { id: ME, role }, { requestedPublishedAt: null, now: NOW });

    let expected: Expected = TRANSITIONS[current][intent];
    // The role is checked first, then ownership: reporters write, editors decide.
    const ownDraft = current === 'new' || (owner === 'own' && (current === 'draft' || current === 'review'));
    if (role === 'reporter' && (intent === 'publish' || intent === 'unpublish')) expected = 'forbidden';
    else if (role === 'reporter' && !ownDraft) expected = 'not-own-draft';

    if (typeof expected === 'string') {
      expect(result).toEqual({ ok: false, reason: expected, message: REFUSALS[expected] });
      return;
    }
    const own = current === 'new' ? null : OWN_TIME[current];
    const publishedAt = expected.publishedAt === 'none' ? null : expected.publishedAt === 'now' ? NOW : own;
    // A draft or review with no time of its own is published at NOW.
    expect(result).toMatchObject({ ok: true, status: expected.status, publishedAt: intent === 'publish' ? (publishedAt ?? NOW) : publishedAt });
  });

  it('covers every combination', () => {
    expect(cases).toHaveLength(6 * 4 * 3 * 3);
  });
});

describe('nextStatus: the publish time', () => {
  const editor = { id: ME, role: 'editor' as const };
  const draft: WorkflowArticle = { status: 'draft', publishedAt: null, createdBy: ME };

  it('schedules a time ahead of now and publishes one at or before it (back-dating)', () => {
    expect(nextStatus(draft, 'publish', editor, { requestedPublishedAt: FUTURE, now: NOW })).toMatchObject({ status: 'scheduled', publishedAt: FUTURE });
    expect(nextStatus(draft, 'publish', editor, { requestedPublishedAt: PAST, now: NOW })).toMatchObject({ status: 'published', publishedAt: PAST });
    expect(nextStatus(draft, 'publish', editor, { requestedPublishedAt: NOW, now: NOW })).toMatchObject({ status: 'published', publishedAt: NOW });
    expect(nextStatus(null, 'publish', editor, { requestedPublishedAt: FUTURE, now: NOW })).toMatchObject({ status: 'scheduled', publishedAt: FUTURE });
  });

  it("publishes a scheduled article whose time has come, and reschedules a published one moved ahead", () => {
    const due: WorkflowArticle = { status: 'scheduled', publishedAt: PAST, createdBy: ME };
    expect(nextStatus(due, 'publish', editor, { requestedPublishedAt: null, now: NOW })).toMatchObject({ status: 'published', publishedAt: PAST });
    const live: WorkflowArticle = { status: 'published', publishedAt: PAST, createdBy: ME };
    expect(nextStatus(live, 'publish', editor, { requestedPublishedAt: FUTURE, now: NOW })).toMatchObject({ status: 'scheduled', publishedAt: FUTURE });
  });

  it("a form's time replaces the article's own on any save; a draft save does not publish it", () => {
    const live: WorkflowArticle = { status: 'published', publishedAt: PAST, createdBy: ME };
    expect(nextStatus(live, 'draft', editor, { requestedPublishedAt: FUTURE, now: NOW })).toMatchObject({ status: 'published', publishedAt: FUTURE });
    expect(nextStatus(draft, 'draft', editor, { requestedPublishedAt: FUTURE, now: NOW })).toMatchObject({ status: 'draft', publishedAt: FUTURE });
    expect(nextStatus(live, 'unpublish', editor, { requestedPublishedAt: null, now: NOW })).toMatchObject({ status: 'unpublished', publishedAt: PAST });
  });
});

describe('nextStatus: audit entry and touchesPublic', () => {
  const admin = { id: ME, role: 'admin' as const };
  const at = (status: ArticleStatus, publishedAt: Date | null): WorkflowArticle => ({ status, publishedAt, createdBy: ME });
  const step = (current: WorkflowArticle | null, intent: ArticleIntent, requestedPublishedAt: Date | null = null) =>
    nextStatus(current, intent, admin, { requestedPublishedAt, now: NOW });

  it.each([
    ['a new article published', null, 'publish', null, 'article.publish', true],
    ['a new article scheduled', null, 'publish', FUTURE, 'article.schedule', true],
    ['a new draft', null, 'draft', null, null, false],
    ['a draft sent to review', at('draft', null), 'review', null, null, false],
    ['a draft published', at('draft', null), 'publish', null, 'article.publish', true],
    ['a review scheduled', at('review', null), 'publish', FUTURE, 'article.schedule', true],
    ['a published article saved', at('published', PAST), 'draft', null, null, true],
    ['a published article published again', at('published', PAST), 'publish', null, null, true],
    ['a published article unpublished', at('published', PAST), 'unpublish', null, 'article.unpublish', true],
    ['a scheduled article saved', at('scheduled', FUTURE), 'draft', null, null, true],
    // Readers never saw it, and the page was never rendered: nothing public to refresh.
    ['a scheduled article unpublished', at('scheduled', FUTURE), 'unpublish', null, 'article.unpublish', false],
    ['a due scheduled article published', at('scheduled', PAST), 'publish', null, 'article.publish', true],
    ['an unpublished article saved', at('unpublished', PAST), 'draft', null, null, false],
    ['an unpublished article sent to review', at('unpublished', PAST), 'review', null, null, false],
    ['an unpublished article published again', at('unpublished', PAST), 'publish', null, 'article.publish', true],
    // "published" with a time still ahead is not live (publishDueArticles has not run yet).
    ['a not-yet-live published article saved', at('published', FUTURE), 'draft', null, null, false],
  ] as const)('%s → audit %s', (_name, current, intent, time, audit, touchesPublic) => {
    expect(step(current, intent, time)).toMatchObject({ ok: true, audit, touchesPublic });
  });
});

describe('mayUseIntent', () => {
  it.each(ROLES.flatMap((role) => ARTICLE_INTENTS.map((intent) => [role, intent] as const)))('%s may %s', (role, intent) => {
    expect(mayUseIntent(role, intent)).toBe(role !== 'reporter' || intent === 'draft' || intent === 'review');
  });
});
