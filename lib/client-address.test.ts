import { describe, expect, it } from 'vitest';
import { clientAddressResolver, parseTrustProxy } from './client-address';

/** The address the app records for a request from `socket` carrying `forwardedFor`. */
function addressOf(trust: string, socket: string | undefined, forwardedFor?: string | string[]): string {
  return clientAddressResolver(parseTrustProxy(trust))(socket, forwardedFor);
}

describe('parseTrustProxy', () => {
  it('reads off, hop counts, names and address lists', () => {
    for (const off of ['', '0', 'false', 'no', 'off', 'OFF']) expect(parseTrustProxy(off)).toEqual({ mode: 'off' });
    expect(parseTrustProxy(undefined)).toEqual({ mode: 'off' });
    expect(parseTrustProxy('1')).toEqual({ mode: 'hops', hops: 1 });
    expect(parseTrustProxy(' 2 ')).toEqual({ mode: 'hops', hops: 2 });
    // The old flag spellings meant "behind one proxy".
    for (const on of ['true', 'yes', 'on']) expect(parseTrustProxy(on)).toEqual({ mode: 'hops', hops: 1 });
    expect(parseTrustProxy('loopback')).toEqual({ mode: 'addresses', addresses: ['loopback'] });
    expect(parseTrustProxy('Loopback, 10.0.0.0/8,  fd00::/8,192.0.2.7')).toEqual({
      mode: 'addresses',
      addresses: ['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.7'],
    });
    expect(parseTrustProxy('linklocal,uniquelocal')).toEqual({ mode: 'addresses', addresses: ['linklocal', 'uniquelocal'] });
  });

  it('refuses anything else, naming the bad entry', () => {
    for (const bad of ['maybe', '-1', '1.5', '999', '10.0.0.0/33', '10.0.0.1,', 'loopback,2', '300.1.1.1', 'localhost']) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/must be/);
    }
    expect(() => parseTrustProxy('loopback, 10.0.0.0/33')).toThrow(/"10\.0\.0\.0\/33"/);
  });
});

describe('clientAddressResolver', () => {
  it('off: the socket address, whatever the header says', () => {
    expect(addressOf('0', '203.0.113.9', '6.6.6.6')).toBe('203.0.113.9');
    expect(addressOf('', '127.0.0.1', '6.6.6.6, 10.0.0.2')).toBe('127.0.0.1');
  });

  it('one hop: the entry the proxy in front wrote', () => {
    // nginx on the same machine, replacing the header ($remote_addr).
    expect(addressOf('1', '127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    // No header (a health check from the proxy itself): the proxy.
    expect(addressOf('1', '127.0.0.1', undefined)).toBe('127.0.0.1');
  });

  it('a forged leading hop through an appending proxy does not choose the address', () => {
    // The client sent `X-Forwarded-For: 6.6.6.6`; the balancer appended the address it saw.
    expect(addressOf('1', '10.0.0.2', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(addressOf('10.0.0.0/8', '10.0.0.2', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(addressOf('2', '127.0.0.1', '6.6.6.6, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
    expect(addressOf('loopback', '127.0.0.1', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('two hops: a balancer, then nginx on the same machine', () => {
    expect(addressOf('2', '127.0.0.1', '203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
    // Fewer entries than hops: the farthest one there is.
    expect(addressOf('2', '127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
  });

  it('loopback: the header counts only from this machine', () => {
    expect(addressOf('loopback', '127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    expect(addressOf('loopback', '::1', '203.0.113.9')).toBe('203.0.113.9');
    // Someone reaching the app directly cannot claim an address.
    expect(addressOf('loopback', '198.51.100.4', '6.6.6.6')).toBe('198.51.100.4');
  });

  it('a CIDR list: every trusted hop is skipped, from the nearest back', () => {
    const trust = '10.0.0.0/8, 192.168.1.5';
    expect(addressOf(trust, '10.1.2.3', '6.6.6.6, 203.0.113.9, 192.168.1.5')).toBe('203.0.113.9');
    expect(addressOf(trust, '198.51.100.4', '6.6.6.6')).toBe('198.51.100.4');
    expect(addressOf('uniquelocal', '172.16.0.9', '203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
  });

  it('IPv6 clients and proxies', () => {
    expect(addressOf('1', '::1', '2001:db8::7')).toBe('2001:db8::7');
    expect(addressOf('fd00::/8', 'fd00::2', '6.6.6.6, 2001:db8::7')).toBe('2001:db8::7');
    expect(addressOf('0', '2001:db8::9', '6.6.6.6')).toBe('2001:db8::9');
  });

  it('::ffff: mapped addresses are matched and recorded as IPv4', () => {
    expect(addressOf('0', '::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressOf('loopback', '::ffff:127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    expect(addressOf('10.0.0.0/8', '::ffff:10.0.0.2', '6.6.6.6, ::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('an entry that is not an address counts as the proxy that passed it on', () => {
    expect(addressOf('1', '127.0.0.1', 'not-an-address')).toBe('127.0.0.1');
    // A port appended by the balancer (Azure does) is dropped.
    expect(addressOf('1', '10.0.0.2', '203.0.113.9:51234')).toBe('203.0.113.9');
    expect(addressOf('1', '10.0.0.2', '[2001:db8::7]:51234')).toBe('2001:db8::7');
  });

  it('several X-Forwarded-For headers read as one list', () => {
    expect(addressOf('1', '10.0.0.2', ['6.6.6.6', '203.0.113.9'])).toBe('203.0.113.9');
  });

  it('no socket address (the connection already closed): unknown', () => {
    expect(addressOf('1', undefined, '6.6.6.6')).toBe('unknown');
  });
});
