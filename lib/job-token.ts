import { createHmac, timingSafeEqual } from 'node:crypto';

export const JOB_TOKEN_HEADER = 'x-newsroom-job-token';

/** The token that runs a scheduled job (the app's own timer, or an external cron); derived from AUTH_SECRET. */
export function jobToken(secret: string, job: string): string {
  return createHmac('sha256', secret).update(`job:${job}`).digest('hex');
}

export function isValidJobToken(secret: string, job: string, presented: string | null): boolean {
  if (!secret || !presented) return false;
  const expected = Buffer.from(jobToken(secret, job));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
