// Child process of archives.test.ts: renders an archive route inside a real React Server
// Components request (React's Flight server, as Next does), so React's cache() is live, and
// prints how many SQL statements each render sent. Run with `--conditions=react-server` (the
// server build of React, where cache() caches) and DATABASE_URL; the cases come as JSON in argv.
//
// Two modules are mapped as Next's server layer maps them: `next/navigation` to its
// react-server build, and `next/link` (a client component) to a client reference.
import { createRequire, register } from 'node:module';

type Case = { kind: 'section' | 'tag' | 'author'; slug: string; page?: string; metadata: boolean };

const require = createRequire(import.meta.url);
const FLIGHT = require.resolve('next/dist/compiled/react-server-dom-webpack/server.node.js');
const NAVIGATION = require.resolve('next/dist/client/components/navigation.react-server.js');
const LINK = `import { createRequire } from 'node:module';
const { registerClientReference } = createRequire(${JSON.stringify(FLIGHT)})(${JSON.stringify(FLIGHT)});
export default registerClientReference(() => { throw new Error('a client component'); }, 'next/link', 'default');`;
register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
  if (specifier === 'next/navigation') return next(${JSON.stringify(NAVIGATION)}, context);
  if (specifier === 'next/link') return { url: 'data:text/javascript,' + encodeURIComponent(${JSON.stringify(LINK)}), shortCircuit: true };
  return next(specifier, context);
}`),
);

const { createElement } = await import('react');
const { renderToReadableStream } = require(FLIGHT) as {
  renderToReadableStream: (model: unknown, manifest: unknown, options: { onError: (error: unknown) => void }) => AsyncIterable<Uint8Array>;
};
const { sql } = await import('@/db');
const { archiveRoute } = await import('@/components/site/archives');

let statements = 0;
const unsafe = sql.unsafe.bind(sql);
(sql as { unsafe: typeof sql.unsafe }).unsafe = ((...args: Parameters<typeof sql.unsafe>) => {
  statements++;
  return unsafe(...args);
}) as typeof sql.unsafe;

// Every client reference resolves to a module of the same name: nothing loads it on this side.
const manifest = new Proxy({}, { get: (_target, id) => ({ id: String(id), chunks: [], name: 'default' }) });

const results: { statements: number; errors: string[] }[] = [];
for (const c of JSON.parse(process.argv[2] ?? '[]') as Case[]) {
  const route = archiveRoute(c.kind);
  const params = Promise.resolve({ slug: c.slug, page: c.page });
  // As Next renders a route: the metadata first, then the page, in one request.
  async function Route() {
    if (c.metadata) await route.generateMetadata({ params });
    return route.Page({ params });
  }
  const errors: string[] = [];
  statements = 0;
  const stream = renderToReadableStream(createElement(Route), manifest, { onError: (error) => void errors.push(String(error)) });
  for await (const chunk of stream) void chunk; // Node's ReadableStream is async-iterable
  results.push({ statements, errors });
}
console.log(`RESULTS ${JSON.stringify(results)}`);
await sql.end({ timeout: 5 });
