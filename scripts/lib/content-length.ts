// Content-Length for document downloads, put back in front of Next. Next 16 drops Content-Length
// from every route handler's answer (FORBIDDEN_HEADERS in next/dist/server/send-response.js) and
// sends it chunked; a browser's PDF viewer then cannot ask for the file page by page (it needs
// the length to plan its ranges), and a download shows no progress. The download route
// (lib/document-download.ts) says the length in a private header; this turns it back into
// Content-Length just before the head is written, and the private header is never sent.
// Installed before `compression`: those answers say `Cache-Control: no-transform`, which
// `compression` honours, so no gzip ever changes the length; the ETag wrapper (etag.ts) leaves
// alone an answer that has an ETag of its own or is streamed.
import type { ServerResponse } from 'node:http';
import { CONTENT_LENGTH_HEADER } from '../../lib/document-download';

const DIGITS = /^(0|[1-9][0-9]{0,15})$/;

/** Restores Content-Length from the private header when the answer carries one. */
export function restoreContentLength(res: ServerResponse): void {
  const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const declared = this.getHeader(CONTENT_LENGTH_HEADER);
    if (declared !== undefined) {
      this.removeHeader(CONTENT_LENGTH_HEADER);
      const value = String(declared);
      // Only for a body that is sent as is: never over a compressed or a bodiless answer.
      if (DIGITS.test(value) && !this.hasHeader('Content-Encoding') && this.statusCode !== 304 && this.statusCode !== 204) {
        this.removeHeader('Transfer-Encoding');
        this.setHeader('Content-Length', value);
      }
    }
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
}
