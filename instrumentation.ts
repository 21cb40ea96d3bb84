/**
 * Runs once per server instance, before it serves requests (`next start`, `next dev`, and
 * `npm start`, whose launcher hosts Next in its own process). Starts the timer that publishes
 * scheduled articles (lib/publish-due-job.ts), so that they go live on time however the app is
 * run.
 */
export async function register(): Promise<void> {
  // Node only (the job uses node:crypto), and never while `next build` prerenders pages: Next
  // skips register() then itself; this says so where it matters.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startPublishDueJob } = await import('./lib/publish-due-job');
  startPublishDueJob();
}
