// NIST-style password rules: length 8–128, no composition rules, common passwords refused.
import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

// Passwords Vietnamese users pick often, beside the general list of 49k.
const VIETNAMESE_COMMON = ['matkhau', 'matkhau123', 'anhyeuem', 'emyeuanh', 'iloveyou', 'vietnam', 'vietnam123', 'saigon', 'hanoi123', 'motdenchin'];
let common: Set<string> | undefined;

/** True for a password on the common-passwords lists (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set([...dictionary['passwords-common'], ...VIETNAMESE_COMMON].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

export const passwordSchema = z
  .string({ error: 'Vui lòng nhập mật khẩu.' })
  .min(8, 'Mật khẩu phải có ít nhất 8 ký tự.')
  .max(128, 'Mật khẩu không được dài quá 128 ký tự.')
  .refine((p) => !isCommonPassword(p), 'Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.');

/** For forms that ask for a new password twice: `confirmPassword` must equal `field`. */
export const samePassword =
  <K extends string>(field: K) =>
  (values: Record<K | 'confirmPassword', unknown>) =>
    values[field] === values.confirmPassword;

export const PASSWORD_MISMATCH = { path: ['confirmPassword'], message: 'Mật khẩu nhập lại không khớp.' };

/** The answer to a set-password or setup form sent too often from one address. */
export function tooManyLinkAttempts(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Bạn đã thử quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau ${minutes} phút.`;
}
