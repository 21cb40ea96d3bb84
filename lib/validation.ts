// Small zod schemas shared by public routes: what a slug or a page number may look like.
import { z } from 'zod';
import { normalizeText } from './vietnamese';

/** A slug as this site makes them: lowercase ASCII words joined by dashes. */
export const slugParam = z
  .string()
  .max(200)
  .transform((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return '';
    }
  })
  .pipe(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/** `?trang=N`: a page number from 1 to 10,000; anything else means page 1. */
export const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

/** A person's name as typed into any form: NFC, trimmed, 1–100 characters. */
export const personNameSchema = z
  .string()
  .transform(normalizeText)
  .pipe(z.string().min(1, 'Vui lòng nhập họ tên.').max(100, 'Họ tên tối đa 100 ký tự.'));
