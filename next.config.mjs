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

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The database driver and the password hasher stay outside the server bundle.
  serverExternalPackages: ['postgres', '@node-rs/argon2', 'svg-captcha', 'sharp'],
  typescript: { tsconfigPath: './tsconfig.json' },
  // forbidden() renders app/forbidden.tsx with a 403.
  // Uploads go through server actions: images up to 10 MB plus the form around them.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '11mb' } },
  // A CDN may serve a stale page at most this long after its revalidation time.
  expireTime: 3600,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
