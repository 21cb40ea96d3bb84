'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { storeImage, type StoredImage } from '@/db/writes/media';
import { authorizedAction } from '@/lib/auth/action';
import { CacheTag, invalidate } from '@/lib/cache-tags';
import { clientIp } from '@/lib/client-ip';
import { MAX_UPLOAD_BYTES, MediaError, processImage } from '@/lib/media';
import { logStorageFailure, STORAGE_UNAVAILABLE, StorageUnavailable } from '@/lib/storage';
import { normalizeText } from '@/lib/vietnamese';

const UploadSchema = z.object({
  file: z
    .instanceof(File, { error: 'Vui lòng chọn một tệp ảnh.' })
    .refine((f) => f.size > 0, 'Vui lòng chọn một tệp ảnh.')
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, 'Ảnh lớn hơn 10 MB.'),
  alt: z.string().transform(normalizeText).pipe(z.string().min(1, 'Vui lòng nhập mô tả ảnh (văn bản thay thế).').max(300, 'Mô tả ảnh tối đa 300 ký tự.')),
});

export const uploadMediaAction = authorizedAction('media:upload', UploadSchema, async (input, user) => {
  let stored: StoredImage;
  try {
    const image = await processImage(Buffer.from(await input.file.arrayBuffer()));
    stored = await storeImage(image, input.alt, input.file.name, { id: user.id, email: user.email }, clientIp(await headers()));
  } catch (error) {
    if (error instanceof MediaError) return { ok: false, fieldErrors: { file: [error.message] } };
    // The store is down: nothing was recorded (storeImage writes its row last); say so calmly.
    if (error instanceof StorageUnavailable) {
      logStorageFailure('media upload', error);
      return { ok: false, message: STORAGE_UNAVAILABLE };
    }
    throw error;
  }
  if (!stored.created) {
    // The same file is already in the library: its alt text is kept, and the uploader is told it.
    return {
      ok: true,
      message: `Ảnh này đã có trong thư viện (mã ${stored.id}), với mô tả “${stored.alt}”. Mô tả đó được giữ nguyên; nếu một bài cần mô tả khác, hãy nhập ở ô mô tả ảnh của bài.`,
    };
  }
  // A new image is on no public page until an article uses it (that save invalidates the article).
  invalidate(CacheTag.dashboardMedia);
  return { ok: true, message: `Đã tải ảnh lên (mã ${stored.id}).` };
});
