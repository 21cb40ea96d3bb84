/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The database driver and the password hasher stay outside the server bundle.
  serverExternalPackages: ['postgres', '@node-rs/argon2'],
  typescript: { tsconfigPath: './tsconfig.json' },
};

export default nextConfig;
