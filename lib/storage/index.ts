// Where uploaded files live: one small interface, two backends — a directory (the default,
// MEDIA_DIR) and an S3-compatible object store (S3_URL), which every instance behind a
// balancer sees. Chosen once from the environment. No Next.js and no database in here.
import path from 'node:path';
import { env, type Env } from '../env';
import { directoryStorage } from './directory';
import { s3Storage } from './s3';
import type { Storage } from './storage';

export * from './storage';

/** The backend the environment asks for: S3 when S3_URL is set, else the media directory. */
export function createStorage(settings: Env): Storage {
  if (settings.S3_URL && settings.S3_BUCKET) {
    return s3Storage({
      endpoint: settings.S3_URL,
      bucket: settings.S3_BUCKET,
      region: settings.S3_REGION,
      credentials:
        settings.S3_ACCESS_KEY_ID && settings.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: settings.S3_ACCESS_KEY_ID, secretAccessKey: settings.S3_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return directoryStorage(path.resolve(settings.MEDIA_DIR ?? path.join(settings.DATA_DIR, 'media')));
}

let chosen: Storage | undefined;

/** The process's storage, chosen from the environment on first use. */
export function storage(): Storage {
  chosen ??= createStorage(env());
  return chosen;
}
