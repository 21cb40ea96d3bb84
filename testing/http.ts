// A request to a test server on loopback, its reply read whole as text.
import { request, type ClientRequest, type IncomingHttpHeaders, type RequestOptions } from 'node:http';

export type TextReply = { status: number; headers: IncomingHttpHeaders; body: string };

/** Sends a request with no body; returns it (to abort it, say) and its reply, body as UTF-8. */
export function sendRequest(options: RequestOptions): { req: ClientRequest; reply: Promise<TextReply> } {
  const req = request(options);
  const reply = new Promise<TextReply>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
  req.end();
  return { req, reply };
}
