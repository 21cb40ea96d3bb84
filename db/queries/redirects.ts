import 'server-only';
import { sql } from '@/db';
import { createRedirectLookup, loadRedirectMap } from '@/db/redirect-map';
import type { RedirectLookup } from '@/lib/public-routing';

// One lookup per process, however many module copies Next's bundles make of this file. It
// serves proxy.ts under `next dev`; `npm start` routes public addresses in front of Next.
const KEY = Symbol.for('newsroom.slug-redirects');
const holder = globalThis as unknown as { [KEY]?: RedirectLookup };

/** Former address → current address of a live article, section or tag; a slug change shows within a second. */
export function lookupRedirect(path: string): Promise<string | null> {
  holder[KEY] ??= createRedirectLookup(() => loadRedirectMap(sql));
  return holder[KEY](path);
}
