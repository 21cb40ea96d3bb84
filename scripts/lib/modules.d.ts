// Types for the untyped packages the custom server uses, only as far as it uses them
// (@types/compression would bring in all of Express's types).
declare module 'compression' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Options = { threshold?: number | string; level?: number };
  /** Connect-style middleware: it wraps the response's write/end and calls `next` at once. */
  export default function compression(options?: Options): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
}
