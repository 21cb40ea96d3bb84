import { z } from 'zod';

/** E-mail addresses are stored and compared lower-cased, NFC, trimmed. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: 'Vui lòng nhập email.' })
  .trim()
  .min(1, 'Vui lòng nhập email.')
  .max(254, 'Email quá dài.')
  .pipe(z.email('Email không hợp lệ.'))
  .transform(normalizeEmail);
