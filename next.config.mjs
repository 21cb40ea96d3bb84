import { fileURLToPath } from 'node:url';
import { PHASE_PRODUCTION_SERVER } from 'next/constants.js';
import { archivePageRewrites, correctionPageRewrites, documentRegistryRewrites, privacyPolicyRewrites } from './lib/public-routing.mjs';

// Pages are static (ISR), so scripts cannot carry per-request nonces: inline scripts stay
// allowed, everything else is locked down.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  // Browsers honour HSTS only over HTTPS, so sending it always is safe on plain HTTP too.
  { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
];

/**
 * Several instances behind one balancer share rendered pages and revalidations through Redis:
 * only for `next start` (the build prerenders to files, as always) and only when REDIS_URL is
 * set; otherwise Next's own file and in-memory cache, less the 404s it would keep for every
 * unknown slug (lib/page-cache-handler.mjs). Without the in-memory layer every read goes to
 * Redis, so one instance's revalidation is seen by the others on their next request.
 * @param {string} phase
 */
function sharedCache(phase) {
  if (phase !== PHASE_PRODUCTION_SERVER) return {};
  if (!process.env.REDIS_URL) return { cacheHandler: fileURLToPath(new URL('./lib/page-cache-handler.mjs', import.meta.url)) };
  // NEWSROOM_REDIS_CACHE_HANDLER (a path from this folder) swaps the handler for another one:
  // only `npm run test:cluster` uses it, to run the two-instance test against the candidate it
  // compares ours with (e2e/cluster/fortedigital-cache-handler.mjs).
  const handler = process.env.NEWSROOM_REDIS_CACHE_HANDLER || './lib/redis-cache-handler.mjs';
  return {
    cacheHandler: fileURLToPath(new URL(handler, import.meta.url)),
    cacheMaxMemorySize: 0,
  };
}

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  reactStrictMode: true,
  poweredByHeader: false,
  // npm start gives pages their ETags itself, with a native hash (scripts/lib/etag.ts): Next's
  // own hashing, in JavaScript, cost 15-20% of a cached page's throughput.
  generateEtags: false,
  // npm start compresses, beneath its ETags (nginx in front compresses instead: deploy/).
  compress: false,
  // The database driver and the password hasher stay outside the server bundle.
  serverExternalPackages: ['postgres', '@node-rs/argon2', 'svg-captcha', 'sharp'],
  typescript: { tsconfigPath: './tsconfig.json' },
  // forbidden() renders app/forbidden.tsx with a 403.
  // Uploads go through server actions: images up to 10 MB plus the form around them. proxy.ts
  // runs on /dashboard, and Next keeps only the first `proxyClientMaxBodySize` bytes of a body
  // that passes through the proxy (10 MB by default): an image of exactly 10 MB plus its form
  // would reach the action cut short. Both limits match the request guard's 11 MB.
  experimental: { authInterrupts: true, proxyClientMaxBodySize: '11mb', serverActions: { bodySizeLimit: '11mb' } },
  // A CDN may serve a stale page at most this long after its revalidation time.
  expireTime: 3600,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
  // `?trang=N` on archives → the static route `/…/trang/N`; `/van-ban?…` with a filter → its
  // dynamic route (lib/public-routing.mjs).
  async rewrites() {
    return {
      beforeFiles: [...archivePageRewrites, ...correctionPageRewrites, ...documentRegistryRewrites, ...privacyPolicyRewrites],
      afterFiles: [],
      fallback: [],
    };
  },
  // Instances behind one balancer must run the same build: NEWSROOM_BUILD_ID (a release name or
  // commit) makes separately built copies agree on it; unset, Next picks a random one.
  generateBuildId: async () => process.env.NEWSROOM_BUILD_ID || null,
  ...sharedCache(phase),
});

export default nextConfig;
