// Keyed hashes of who is asking, for limits and for counting readers: enough to tell two
// clients apart, useless to anyone who reads the table without the secret. No raw address is
// stored for any of them.
import { createHmac } from 'node:crypto';

/** A client address as the rate limits (comments, security codes, views) key it. */
export function addressHash(ip: string, secret: string): string {
  return createHmac('sha256', secret).update(ip).digest('hex');
}

/** A reader for the view count: the address and the browser's user agent, together. */
export function readerHash(ip: string, userAgent: string, secret: string): string {
  return createHmac('sha256', secret).update(`reader\n${ip}\n${userAgent.slice(0, 512)}`).digest('hex').slice(0, 32);
}
