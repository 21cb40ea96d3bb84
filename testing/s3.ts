// A real S3-protocol server for tests (s3rver: an S3 REST API over a folder), on a free port
// of the range given, with one bucket. Stopping it drops every connection, as a crash would.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export type TestS3 = {
  url: string;
  port: number;
  bucket: string;
  /** s3rver's fixed credentials. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** The environment that points the app at this server. */
  env: Record<string, string>;
  stop: () => Promise<void>;
  /** Starts it again on the same port and folder: the objects are still there. */
  start: () => Promise<void>;
  /** Stops it and removes its folder. */
  destroy: () => Promise<void>;
};

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A free port among `from`…`to`, tried in random order (several test files may run at once). */
export async function freePort(from: number, to: number): Promise<number> {
  const ports = Array.from({ length: to - from + 1 }, (_, i) => from + i).sort(() => Math.random() - 0.5);
  for (const port of ports) if (await portIsFree(port)) return port;
  throw new Error(`No free port between ${from} and ${to}`);
}

/**
 * A port for a test's S3 server: a free one of S3_TEST_PORTS (`from-to`, for a machine where
 * ports are shared out, e.g. `4590-4599`), else 0, which lets the system pick any free port.
 */
export function freeS3TestPort(): Promise<number> {
  const range = process.env.S3_TEST_PORTS;
  if (!range) return Promise.resolve(0);
  const [from, to] = range.split('-').map(Number) as [number, number];
  return freePort(from, to);
}

/** Starts s3rver with `bucket` in a temporary folder, on a free port (see freeS3TestPort). */
export async function startTestS3({ bucket = 'newsroom-media' } = {}): Promise<TestS3> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'newsroom-s3-'));
  let port = await freeS3TestPort();
  let server: S3rver | undefined;
  const start = async () => {
    server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
    // Started again after stop(), it takes the port it had, so the app's S3_URL stays right.
    port = (await server.run()).port;
  };
  const stop = async () => {
    const running = server;
    server = undefined;
    if (!running) return;
    const closed = running.close();
    running.httpServer?.closeAllConnections();
    await closed;
  };
  await start();
  const url = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  return {
    url,
    port,
    bucket,
    credentials,
    env: { S3_URL: url, S3_BUCKET: bucket, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: credentials.accessKeyId, S3_SECRET_ACCESS_KEY: credentials.secretAccessKey },
    stop,
    start,
    destroy: async () => {
      await stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
