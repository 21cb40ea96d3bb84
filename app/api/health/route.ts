import { checkDatabase } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

/** Liveness and database reachability, for load balancers and monitors. */
export async function GET(): Promise<Response> {
  const ok = await checkDatabase();
  return Response.json(
    { status: ok ? 'ok' : 'error', db: ok ? 'ok' : 'down' },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
