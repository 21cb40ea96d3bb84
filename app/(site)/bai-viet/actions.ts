'use server';

import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { storeComment, useUpCaptcha } from '@/db/writes/comments';
import { addressHash } from '@/lib/address-hash';
import { CAPTCHA_COOKIE, hashCaptchaAnswer } from '@/lib/captcha';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '@/lib/db-errors';
import { clientIp } from '@/lib/client-ip';
import { normalizeVietnamesePhone } from '@/lib/phone';
import { CONSENT_REQUIRED, CONSENT_STALE, parsePolicyVersion } from '@/lib/privacy-policy';
import { noteActionEntered } from '@/lib/request-note';
import { parseId } from '@/lib/validation';
import { normalizeText } from '@/lib/vietnamese';

export type CommentState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Partial<Record<'name' | 'phone' | 'title' | 'content' | 'captcha' | 'consent', string[]>>;
  /** What was typed, given back; `consent` is '1' when the box was ticked. */
  values?: { name?: string; phone?: string; title?: string; content?: string; consent?: string };
  /** The policy version the form must show from now on, when it changed since the page was rendered. */
  policyVersion?: number;
  /** Changes whenever the security code must be shown anew. */
  captchaVersion?: number;
};

const text = (max: number, required: string, tooLong: string) =>
  z
    .string()
    .transform((v) => normalizeText(v.replace(/\u0000/g, '')))
    .pipe(z.string().min(1, required).max(max, tooLong));

const CommentSchema = z.object({
  name: text(100, 'Vui lòng nhập họ tên.', 'Họ tên tối đa 100 ký tự.'),
  phone: z
    .string()
    .max(30, 'Số điện thoại không hợp lệ.')
    .transform((v, ctx) => {
      if (!v.trim()) return null;
      const phone = normalizeVietnamesePhone(v);
      if (!phone) ctx.addIssue({ code: 'custom', message: 'Số điện thoại không hợp lệ (ví dụ: 0912 345 678 hoặc +84 912 345 678).' });
      return phone;
    }),
  title: text(200, 'Vui lòng nhập tiêu đề.', 'Tiêu đề tối đa 200 ký tự.'),
  content: text(5000, 'Vui lòng nhập nội dung bình luận.', 'Nội dung tối đa 5.000 ký tự.'),
  captcha: z.string().trim().min(1, 'Vui lòng nhập mã xác nhận.').max(20, 'Mã xác nhận không đúng.'),
  // Consent (issue 16): the box must be ticked, and the form names the policy version it showed.
  consent: z.string().refine((v) => v === '1', CONSENT_REQUIRED),
  policyVersion: z.string().transform((v, ctx) => {
    const version = parsePolicyVersion(v);
    if (version === null) {
      ctx.addIssue({ code: 'custom', message: CONSENT_STALE });
      return z.NEVER;
    }
    return version;
  }),
});

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

const LINK = /(https?:\/\/|www\.)\S+/gi;
const THANK_YOU = 'Cảm ơn bạn đã gửi bình luận. Bình luận sẽ hiển thị sau khi được ban biên tập duyệt.';

/** A reader's comment: checked, rate-limited, and stored as pending for moderation. */
export async function postComment(articleId: number, previous: CommentState, formData: FormData): Promise<CommentState> {
  noteActionEntered();
  // The article id is bound in the page, but bound arguments and the previous state travel
  // through the browser as plain JSON: anyone can send 1e400, a string or null instead.
  const prior: CommentState = typeof previous === 'object' && previous !== null && Number.isSafeInteger(previous.captchaVersion ?? 0) ? previous : {};
  const id = parseId(articleId);
  if (id === null || !(formData instanceof FormData)) {
    return { ok: false, message: 'Bài viết này không nhận bình luận.', captchaVersion: (prior.captchaVersion ?? 0) + 1 };
  }
  previous = prior;
  try {
    return await handleComment(id, previous, formData);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return {
      ok: false,
      message: DATABASE_UNAVAILABLE,
      values: {
        name: field(formData, 'name').slice(0, 200),
        phone: field(formData, 'phone').slice(0, 40),
        title: field(formData, 'title').slice(0, 400),
        content: field(formData, 'content').slice(0, 10_000),
        consent: field(formData, 'consent') === '1' ? '1' : '',
      },
      captchaVersion: (previous.captchaVersion ?? 0) + 1,
    };
  }
}

async function handleComment(articleId: number, previous: CommentState, formData: FormData): Promise<CommentState> {
  const captchaVersion = (previous.captchaVersion ?? 0) + 1;
  const values = {
    name: field(formData, 'name').slice(0, 200),
    phone: field(formData, 'phone').slice(0, 40),
    title: field(formData, 'title').slice(0, 400),
    content: field(formData, 'content').slice(0, 10_000),
    consent: field(formData, 'consent') === '1' ? '1' : '',
  };
  // The honeypot: people never see the field, bots fill it. Pretend all went well.
  if (field(formData, 'website')) return { ok: true, message: THANK_YOU, captchaVersion };

  const secret = process.env.AUTH_SECRET ?? '';
  const cookieStore = await cookies();
  const challengeId = cookieStore.get(CAPTCHA_COOKIE)?.value ?? '';
  const parsed = CommentSchema.safeParse({ ...values, captcha: field(formData, 'captcha'), policyVersion: field(formData, 'policyVersion') });
  const answer = field(formData, 'captcha');
  const expected = hashCaptchaAnswer(answer, secret);
  // Tests only: CAPTCHA_TEST_CODE answers any challenge — which must still be fresh and unused.
  const testCode = process.env.CAPTCHA_TEST_CODE;
  const isTestCode = Boolean(testCode) && answer.trim().toUpperCase() === testCode?.trim().toUpperCase();
  // Every attempt uses up the code shown, right or wrong: a code can never be tried twice.
  const captcha = { id: challengeId, answerHash: expected, anyAnswer: isTestCode };
  const wrongCode: CommentState = {
    ok: false,
    fieldErrors: { captcha: ['Mã xác nhận không đúng hoặc đã hết hạn. Vui lòng nhập mã mới.'] },
    values,
    captchaVersion,
  };

  if (!parsed.success) {
    // eslint-disable-next-line react-hooks/rules-of-hooks -- a database write named "use up", not a React hook
    await useUpCaptcha(challengeId);
    const { policyVersion: versionErrors, ...errors } = z.flattenError(parsed.error).fieldErrors;
    // A missing or malformed version is the consent's problem: said beside the box.
    const fieldErrors: CommentState['fieldErrors'] = versionErrors && !errors.consent ? { ...errors, consent: versionErrors } : errors;
    return { ok: false, fieldErrors, values, captchaVersion };
  }

  const ipHash = addressHash(clientIp(await headers()), secret);
  const { name, phone, title, content, policyVersion } = parsed.data;
  const links = content.match(LINK)?.length ?? 0;
  const result = await storeComment(
    { articleId, name, phone, title, content, ipHash, flags: links > 2 ? ['links'] : [], consentPolicyVersion: policyVersion },
    captcha,
  );
  if ('wrongCode' in result) return wrongCode;
  if ('waitSeconds' in result) {
    const wait = result.waitSeconds;
    return {
      ok: false,
      message: `Bạn gửi bình luận quá nhanh. Vui lòng thử lại sau ${wait < 120 ? `${wait} giây` : `${Math.ceil(wait / 60)} phút`}.`,
      values,
      captchaVersion,
    };
  }
  if ('stalePolicy' in result) {
    // Consent was given to a version no longer accepted: the box is cleared, to be ticked anew
    // for the version in force, which the form now names.
    return {
      ok: false,
      fieldErrors: { consent: [CONSENT_STALE] },
      values: { ...values, consent: '' },
      policyVersion: result.currentVersion ?? undefined,
      captchaVersion,
    };
  }
  if (!result.stored) return { ok: false, message: 'Bài viết này không nhận bình luận.', values, captchaVersion };
  // Stored as pending: no page changes until a moderator approves it, and that action
  // invalidates the article's page (app/dashboard/comments/actions.ts). No cache tag here.
  return { ok: true, message: THANK_YOU, captchaVersion };
}
