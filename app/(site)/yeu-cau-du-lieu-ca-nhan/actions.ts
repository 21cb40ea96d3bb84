'use server';

import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { loadWorkingCalendar } from '@/db/queries/data-requests';
import { useUpCaptcha } from '@/db/writes/comments';
import { storeDataRequest } from '@/db/writes/data-requests';
import { addressHash } from '@/lib/address-hash';
import { CAPTCHA_COOKIE, hashCaptchaAnswer } from '@/lib/captcha';
import { clientIp } from '@/lib/client-ip';
import { DATA_REQUEST_KINDS } from '@/lib/data-requests';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '@/lib/db-errors';
import { normalizeEmail } from '@/lib/email';
import { normalizeVietnamesePhone } from '@/lib/phone';
import { noteActionEntered } from '@/lib/request-note';
import { normalizeText } from '@/lib/vietnamese';
import { formatCalendarDay, requestDeadlines, vietnamDay } from '@/lib/working-days';

type FieldName = 'name' | 'phone' | 'email' | 'kind' | 'content' | 'captcha';

export type DataRequestFormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Partial<Record<FieldName, string[]>>;
  values?: Partial<Record<Exclude<FieldName, 'captcha'>, string>>;
  /** Changes whenever the security code must be shown anew. */
  captchaVersion?: number;
  /** The answer: `Mã yêu cầu` and the two deadlines (dd/MM/yyyy). */
  receipt?: { code: string; acknowledgeBy: string; dueBy: string };
};

const CONTACT_MISSING = 'Vui lòng nhập số điện thoại hoặc email để ban biên tập trả lời bạn.';

const RequestSchema = z
  .object({
    name: z
      .string()
      .transform((v) => normalizeText(v.replace(/\u0000/g, '')))
      .pipe(z.string().min(1, 'Vui lòng nhập họ tên.').max(100, 'Họ tên tối đa 100 ký tự.')),
    phone: z.string().transform((v, ctx) => {
      if (!v.trim()) return null;
      const phone = normalizeVietnamesePhone(v);
      if (!phone) ctx.addIssue({ code: 'custom', message: 'Số điện thoại không hợp lệ (ví dụ: 0912 345 678 hoặc +84 912 345 678).' });
      return phone;
    }),
    email: z.string().transform((v, ctx) => {
      const trimmed = v.trim();
      if (!trimmed) return null;
      if (trimmed.length > 254 || !z.email().safeParse(trimmed).success) ctx.addIssue({ code: 'custom', message: 'Email không hợp lệ.' });
      return normalizeEmail(trimmed);
    }),
    kind: z.enum(DATA_REQUEST_KINDS, { error: 'Vui lòng chọn loại yêu cầu.' }),
    content: z
      .string()
      .transform((v) => normalizeText(v.replace(/\u0000/g, '')))
      .pipe(z.string().min(1, 'Vui lòng nhập nội dung yêu cầu.').max(5000, 'Nội dung tối đa 5.000 ký tự.')),
    captcha: z.string().trim().min(1, 'Vui lòng nhập mã xác nhận.').max(20, 'Mã xác nhận không đúng.'),
  })
  .superRefine((v, ctx) => {
    if (v.phone === null && v.email === null) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: CONTACT_MISSING });
      ctx.addIssue({ code: 'custom', path: ['email'], message: CONTACT_MISSING });
    }
  });

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

/**
 * A person's request about their data (Decree 356/2025): checked, behind the same security
 * code and per-address limits as a comment, stored with its deadlines; the answer is its
 * `Mã yêu cầu` and the dates by which it will be acknowledged and done.
 */
export async function submitDataRequest(previous: DataRequestFormState, formData: FormData): Promise<DataRequestFormState> {
  noteActionEntered();
  // The previous state travels through the browser: trust nothing of it but a safe integer.
  const version = typeof previous === 'object' && previous !== null && Number.isSafeInteger(previous.captchaVersion ?? 0) ? (previous.captchaVersion ?? 0) : 0;
  const captchaVersion = version + 1;
  if (!(formData instanceof FormData)) return { ok: false, message: 'Yêu cầu không hợp lệ.', captchaVersion };
  const values = {
    name: field(formData, 'name').slice(0, 200),
    phone: field(formData, 'phone').slice(0, 40),
    email: field(formData, 'email').slice(0, 300),
    kind: field(formData, 'kind').slice(0, 40),
    content: field(formData, 'content').slice(0, 10_000),
  };
  try {
    return await handle(values, formData, captchaVersion);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { ok: false, message: DATABASE_UNAVAILABLE, values, captchaVersion };
  }
}

async function handle(values: NonNullable<DataRequestFormState['values']> & Record<string, string>, formData: FormData, captchaVersion: number): Promise<DataRequestFormState> {
  if (field(formData, 'website')) return { ok: false, message: 'Không gửi được yêu cầu.', captchaVersion };
  const secret = process.env.AUTH_SECRET ?? '';
  const challengeId = (await cookies()).get(CAPTCHA_COOKIE)?.value ?? '';
  const answer = field(formData, 'captcha');
  const parsed = RequestSchema.safeParse({ ...values, captcha: answer });
  if (!parsed.success) {
    // eslint-disable-next-line react-hooks/rules-of-hooks -- a database write named "use up", not a React hook
    await useUpCaptcha(challengeId);
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values, captchaVersion };
  }
  // Tests only: CAPTCHA_TEST_CODE answers any challenge — which must still be fresh and unused.
  const testCode = process.env.CAPTCHA_TEST_CODE;
  const anyAnswer = Boolean(testCode) && answer.trim().toUpperCase() === testCode?.trim().toUpperCase();
  const receivedAt = new Date();
  const deadlines = requestDeadlines(receivedAt, await loadWorkingCalendar(vietnamDay(receivedAt)));
  const { captcha: _captcha, ...request } = parsed.data;
  const result = await storeDataRequest(
    { ...request, receivedAt, acknowledgeBy: deadlines.acknowledgeBy, dueBy: deadlines.dueBy },
    { id: challengeId, answerHash: hashCaptchaAnswer(answer, secret), anyAnswer },
    addressHash(clientIp(await headers()), secret),
  );
  if ('wrongCode' in result) {
    return { ok: false, fieldErrors: { captcha: ['Mã xác nhận không đúng hoặc đã hết hạn. Vui lòng nhập mã mới.'] }, values, captchaVersion };
  }
  if ('waitSeconds' in result) {
    const wait = result.waitSeconds;
    return { ok: false, message: `Bạn gửi yêu cầu quá nhanh. Vui lòng thử lại sau ${wait < 120 ? `${wait} giây` : `${Math.ceil(wait / 60)} phút`}.`, values, captchaVersion };
  }
  return {
    ok: true,
    message: 'Ban biên tập đã nhận yêu cầu của bạn.',
    captchaVersion,
    receipt: { code: result.code, acknowledgeBy: formatCalendarDay(deadlines.acknowledgeBy), dueBy: formatCalendarDay(deadlines.dueBy) },
  };
}
