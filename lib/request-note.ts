// One fact about a request that only the app knows and only the launcher acts on: whether a
// server action's own code started. Under `npm start` the launcher runs every server-action
// request in a context of this store (scripts/lib/request-guard.ts): a 500 to one whose action
// never started means Next could not decode what was sent, so it answers 400 and nothing was
// written. The launcher (loaded by tsx) and Next's server bundle each load their own copy of
// this module, so the store itself lives on globalThis. Outside `npm start` nobody opens a
// context and noting is a no-op.
import { AsyncLocalStorage } from 'node:async_hooks';

export type RequestNote = { actionEntered: boolean };

const KEY = Symbol.for('newsroom.request-note');
const shared = globalThis as Record<symbol, AsyncLocalStorage<RequestNote> | undefined>;

/** The process-wide store of request notes. */
export const requestNotes: AsyncLocalStorage<RequestNote> = (shared[KEY] ??= new AsyncLocalStorage<RequestNote>());

/** Called first by every server action (`authorizedAction` and the public ones): Next decoded the request. */
export function noteActionEntered(): void {
  const note = requestNotes.getStore();
  if (note) note.actionEntered = true;
}
