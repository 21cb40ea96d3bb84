// The object-store backend: any S3-compatible service (AWS S3, MinIO, Ceph, R2, Garage…)
// through the AWS SDK, so that several instances behind one balancer serve the same files.
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { bulkhead, circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, wrap } from 'cockatiel';
import { assertKey, clampRange, RangeNotSatisfiable, StorageUnavailable, type ByteRange, type ObjectInfo, type Storage } from './storage';

export type S3Settings = {
  endpoint: string;
  bucket: string;
  region: string;
  /** Without them the SDK's own chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, a role. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  timeouts?: Partial<typeof TIMEOUTS>;
  failFast?: Partial<typeof FAIL_FAST>;
};

/**
 * A store that is down must not hold a reader's request (one of the 32 admitted at once) or an
 * upload for long: refused at once, an unreachable host given up after 1 s, a store that
 * accepts but never answers after 3 s (an upload gets one more second per megabyte it sends),
 * one that stalls mid-transfer after 5 s of silence; one retry (transient errors only), then
 * StorageUnavailable. Measured in lib/storage/storage.test.ts (it prints the times).
 */
export const TIMEOUTS = { connectionMs: 1_000, responseMs: 3_000, idleMs: 5_000, maxAttempts: 2 };

/**
 * Timeouts bound one call, not an outage: with a store that accepts connections and never
 * answers, every image of every page would hold one of the 32 requests admitted into Next for
 * the whole response timeout, and readers' pages would queue behind them. Two policies from
 * `cockatiel` bound that:
 * - a bulkhead: at most `concurrentCalls` calls to the store at once and `queuedCalls` waiting;
 *   a call beyond that fails at once (StorageUnavailable: a 503 for that image), so calls to a
 *   slow store never hold more than 16 of the 32 admitted requests and pages keep rendering;
 * - a circuit breaker: after `consecutiveFailures` calls in a row fail, the store is not asked
 *   for `halfOpenAfterMs` (every call fails at once), then one call is let through, and its
 *   success closes the circuit again.
 * Measured in lib/storage/storage.test.ts.
 */
export const FAIL_FAST = { concurrentCalls: 12, queuedCalls: 4, consecutiveFailures: 3, halfOpenAfterMs: 5_000 };

const status = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

const isMissing = (error: unknown) =>
  (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound')) || status(error) === 404;

/** Stores objects in one bucket of an S3-compatible service. */
export function s3Storage(settings: S3Settings): Storage & { client: S3Client; readonly failingFast: boolean } {
  const timeouts = { ...TIMEOUTS, ...settings.timeouts };
  const Bucket = settings.bucket;
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    // Virtual-host addressing (bucket.host) needs DNS per bucket, which stores other than AWS
    // rarely have; every one of them, and AWS, accepts host/bucket/key.
    forcePathStyle: true,
    credentials: settings.credentials,
    maxAttempts: timeouts.maxAttempts,
    requestHandler: {
      connectionTimeout: timeouts.connectionMs,
      requestTimeout: timeouts.responseMs,
      throwOnRequestTimeout: true,
      socketTimeout: timeouts.idleMs,
    },
    // The SDK now adds CRC32 checksums to every upload by default; several S3-compatible
    // stores refuse or mishandle them. Only operations that require one send one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  const limits = { ...FAIL_FAST, ...settings.failFast };
  // A missing object and a range past the end are answers, not failures of the store.
  const breaker = circuitBreaker(
    handleWhen((error) => !isMissing(error) && status(error) !== 416),
    { halfOpenAfter: limits.halfOpenAfterMs, breaker: new ConsecutiveBreaker(limits.consecutiveFailures) },
  );
  breaker.onBreak(() => console.error(`[storage] the object store at ${settings.endpoint} failed ${limits.consecutiveFailures} times in a row: not asked again for ${limits.halfOpenAfterMs / 1000} s`));
  breaker.onReset(() => console.error(`[storage] the object store at ${settings.endpoint} answers again`));
  const policy = wrap(bulkhead(limits.concurrentCalls, limits.queuedCalls), breaker);
  const guarded = <T>(run: () => Promise<T>): Promise<T> => policy.execute(run);

  const fail = (operation: string, key: string, error: unknown) =>
    error instanceof RangeNotSatisfiable ? error : new StorageUnavailable(operation, key, { cause: error });

  const head = async (key: string): Promise<ObjectInfo | null> => {
    assertKey(key);
    try {
      const out = await guarded(() => client.send(new HeadObjectCommand({ Bucket, Key: key })));
      return { size: out.ContentLength ?? 0, etag: out.ETag ?? '""', lastModified: out.LastModified ?? new Date(0) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw fail('head', key, error);
    }
  };

  return {
    kind: 's3',
    client,
    /** Whether calls are refused at once because the store failed repeatedly (for tests and logs). */
    get failingFast() {
      return breaker.state === CircuitState.Open;
    },

    async put(key, bytes, contentType) {
      assertKey(key);
      // A PUT replaces the object whole, only once all of it has arrived: no reader sees half.
      try {
        await guarded(() =>
          client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }), {
            requestTimeout: timeouts.responseMs + Math.ceil(bytes.byteLength / 1_000_000) * 1_000,
          }),
        );
      } catch (error) {
        throw fail('put', key, error);
      }
    },

    async get(key, range?: ByteRange) {
      assertKey(key);
      if (range && (!Number.isSafeInteger(range.start) || range.start < 0 || range.end < range.start)) {
        throw new RangeNotSatisfiable((await head(key))?.size ?? 0);
      }
      try {
        const out = await guarded(() => client.send(new GetObjectCommand({ Bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined })));
        if (!out.Body) throw new Error('GetObject returned no body');
        // `bytes 2-5/11`: the part sent, then the whole object's size.
        const total = /\/(\d+)$/.exec(out.ContentRange ?? '')?.[1];
        const size = total === undefined ? (out.ContentLength ?? 0) : Number(total);
        return {
          size,
          etag: out.ETag ?? '""',
          lastModified: out.LastModified ?? new Date(0),
          // A store that ignores Range sends the whole object (no Content-Range): say so.
          range: range && out.ContentRange ? clampRange(range, size) : undefined,
          body: out.Body.transformToWebStream() as ReadableStream<Uint8Array>,
        };
      } catch (error) {
        if (isMissing(error)) return null;
        if (status(error) === 416) {
          const info = await head(key);
          if (!info) return null;
          throw new RangeNotSatisfiable(info.size);
        }
        throw fail('get', key, error);
      }
    },

    head,

    async delete(key) {
      assertKey(key);
      try {
        await guarded(() => client.send(new DeleteObjectCommand({ Bucket, Key: key })));
      } catch (error) {
        if (isMissing(error)) return;
        throw fail('delete', key, error);
      }
    },
  };
}
