// The client's address behind the proxies TRUST_PROXY names, with proxy-addr (the library
// Express uses for `trust proxy`). Pure: the launcher (scripts/start.ts) calls it for every
// request, and lib/env.ts parses TRUST_PROXY with it once.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyAddr from 'proxy-addr';

/** Which hops in front of the app are believed about the client's address. */
export type TrustProxy =
  | { mode: 'off' }
  /** The nearest `hops` hops (the socket's peer, then X-Forwarded-For from the right). */
  | { mode: 'hops'; hops: number }
  /** Hops whose address is in one of these (addresses, CIDR ranges, proxy-addr's names). */
  | { mode: 'addresses'; addresses: string[] };

/** Hop counts above this trust, in practice, whatever the client writes. */
export const MAX_TRUSTED_HOPS = 10;

const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const OFF = new Set(['', '0', 'false', 'no', 'off']);
// The flag spellings TRUST_PROXY used to take: "behind one proxy".
const ON = new Set(['true', 'yes', 'on']);

export const TRUST_PROXY_FORMS = `off, a number of proxies (1 to ${MAX_TRUSTED_HOPS}), or a comma-separated list of addresses, CIDR ranges, loopback, linklocal, uniquelocal`;

/** Parses a TRUST_PROXY value; throws an Error with one readable line when it is none of the forms. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim().toLowerCase();
  if (OFF.has(text)) return { mode: 'off' };
  if (ON.has(text)) return { mode: 'hops', hops: 1 };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_TRUSTED_HOPS) throw new Error(`must be ${TRUST_PROXY_FORMS}`);
    return { mode: 'hops', hops };
  }
  const addresses = text.split(',').map((entry) => entry.trim());
  for (const entry of addresses) {
    if (NAMES.has(entry)) continue;
    const [address = '', bits, ...rest] = entry.split('/');
    try {
      // net.isIP first: ipaddr.js would also take "2" or "0x10" as IPv4 addresses. Then
      // proxy-addr's own parser, so that what passes here is what it will match.
      if (!isIP(address) || rest.length > 0 || bits === '') throw new Error('not an address');
      proxyAddr.compile(entry);
    } catch {
      throw new Error(`must be ${TRUST_PROXY_FORMS}; "${entry}" is none of these`);
    }
  }
  return { mode: 'addresses', addresses };
}

/**
 * Compiles a TrustProxy once into a function from a request's socket address and its
 * X-Forwarded-For header(s) to the client's address.
 */
export function clientAddressResolver(
  trust: TrustProxy,
): (socketAddress: string | undefined, forwardedFor: string | string[] | undefined) => string {
  // As Express compiles a `trust proxy` hop count: the i-th address from the socket inwards.
  const trusted =
    trust.mode === 'hops'
      ? (_address: string, i: number) => i < trust.hops
      : trust.mode === 'addresses'
        ? proxyAddr.compile(trust.addresses)
        : undefined;
  return (socketAddress, forwardedFor) => {
    if (!socketAddress) return 'unknown';
    const socket = normalise(socketAddress) ?? socketAddress;
    if (!trusted) return socket;
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
    // proxy-addr reads only these two fields; the trust function walks from the socket back
    // through X-Forwarded-For and stops at the first hop it does not trust.
    const request = { headers: { 'x-forwarded-for': header }, socket: { remoteAddress: socketAddress } };
    const address = proxyAddr(request as unknown as IncomingMessage, trusted);
    // Garbage passed on by a trusted (misconfigured) proxy must not become a rate-limit key of
    // the client's choosing: it counts as the nearest proxy's address.
    return normalise(address) ?? socket;
  };
}

/** An address as recorded: IPv4-mapped IPv6 as plain IPv4, a port some balancers append dropped; undefined when not an address. */
function normalise(value: string): string | undefined {
  const address = value.trim();
  const unported = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(address)?.[1] ?? /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address)?.[1] ?? address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(unported)?.[1] ?? unported;
  return isIP(mapped) ? mapped : undefined;
}
