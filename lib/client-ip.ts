// The launcher (scripts/start.ts) overwrites this header on every request with the socket's
// address, or with TRUST_PROXY the address the trusted proxies saw (lib/client-address.ts);
// a client cannot forge it.
export const CLIENT_IP_HEADER = 'x-newsroom-client-ip';

/** The requesting client's address as the launcher saw it; 'unknown' outside the launcher. */
export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER)?.trim() || 'unknown';
}
