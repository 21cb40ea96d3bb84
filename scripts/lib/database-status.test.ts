// The outage probe for an external database (DATABASE_URL). A server that stops answering on
// the probe's open connection (hung, or a network now dropping everything) must count as down,
// though postgres.js would wait on that query for ever: it has no query timeout of its own.
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreparedDatabase } from '../../db/bootstrap';
import { testServerUrl } from '../../testing/database';
import { watchDatabase, type DatabaseStatus } from './database-status';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A TCP relay to the test server that can be frozen: from then on, nothing passes either way
// and the connections stay open.
let relay: Server;
let frozen = false;
const sockets: Socket[] = [];
let status: DatabaseStatus | undefined;

beforeAll(async () => {
  const target = new URL(testServerUrl());
  relay = createServer((client) => {
    const server = connect(Number(target.port || 5432), target.hostname);
    sockets.push(client, server);
    client.on('data', (chunk) => frozen || server.write(chunk));
    server.on('data', (chunk) => frozen || client.write(chunk));
    client.on('error', () => {});
    server.on('error', () => {});
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await status?.stop();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => relay.close(resolve));
});

describe('watchDatabase with DATABASE_URL', () => {
  it('is up while the server answers, and down once its connection goes silent', async () => {
    const url = new URL(testServerUrl());
    url.host = `127.0.0.1:${(relay.address() as AddressInfo).port}`;
    status = watchDatabase({ url: url.toString() } as PreparedDatabase);
    // Probes every 2 s: two of them answered.
    await sleep(4_500);
    expect(status.isDown()).toBe(false);
    frozen = true;
    // The next probe hangs; at 5 s without an answer it counts as down.
    await sleep(8_000);
    expect(status.isDown()).toBe(true);
  }, 30_000);
});
