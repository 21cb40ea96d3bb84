// The directory backend: one file per key under a root folder (MEDIA_DIR). Several instances
// share it only when the folder is on storage they all mount.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { assertKey, clampRange, StorageUnavailable, type ByteRange, type ObjectInfo, type Storage } from './storage';

const MISSING = new Set(['ENOENT', 'ENOTDIR']);

const isMissing = (error: unknown) => MISSING.has(String((error as { code?: unknown }).code));

/** A system error (a code such as EACCES, EIO, ENOSPC, ESTALE) means the folder cannot serve now. */
function unavailable(operation: string, key: string, error: unknown): unknown {
  return typeof (error as { code?: unknown }).code === 'string' ? new StorageUnavailable(operation, key, { cause: error }) : error;
}

// Size and modification time, as nginx and `send` make theirs: a rewrite changes it.
const etagOf = (size: number, mtimeMs: number) => `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;

/** Stores objects as files under `root`. */
export function directoryStorage(root: string): Storage {
  const fileOf = (key: string) => {
    assertKey(key);
    return path.join(root, key);
  };

  return {
    kind: 'directory',

    async put(key, bytes) {
      const file = fileOf(key);
      // Written beside its final name, flushed, then renamed over it: rename is atomic, so a
      // crash or a full disk leaves the old file or none, never half of one. The temporary
      // name never matches a key a route serves.
      const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await mkdir(path.dirname(file), { recursive: true });
        const handle = await open(temporary, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => {});
        throw unavailable('put', key, error);
      }
    },

    async get(key, range?: ByteRange) {
      const file = fileOf(key);
      let handle;
      try {
        handle = await open(file, 'r');
      } catch (error) {
        if (isMissing(error)) return null;
        throw unavailable('get', key, error);
      }
      try {
        const info = await handle.stat();
        const part = range ? clampRange(range, info.size) : undefined;
        const stream = handle.createReadStream(part ?? {});
        return {
          size: info.size,
          etag: etagOf(info.size, info.mtimeMs),
          lastModified: info.mtime,
          range: part,
          body: Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>,
        };
      } catch (error) {
        await handle.close().catch(() => {});
        throw unavailable('get', key, error);
      }
    },

    async head(key): Promise<ObjectInfo | null> {
      try {
        const info = await stat(fileOf(key));
        return { size: info.size, etag: etagOf(info.size, info.mtimeMs), lastModified: info.mtime };
      } catch (error) {
        if (isMissing(error)) return null;
        throw unavailable('head', key, error);
      }
    },

    async delete(key) {
      try {
        await rm(fileOf(key), { force: true });
      } catch (error) {
        throw unavailable('delete', key, error);
      }
    },
  };
}
