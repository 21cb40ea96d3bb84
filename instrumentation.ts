/**
 * Runs once per server instance, before it serves requests (`next start`, `next dev`, and
 * `npm start`, whose launcher hosts Next in its own process). Starts the timer that publishes
 * scheduled articles (lib/publish-due-job.ts), the daily retention run (lib/privacy-retention-job.ts),
 * and the job that extracts the text of uploaded PDFs for search (lib/document-text/job.ts), so
 * that all run however the app is run.
 */
export async function register(): Promise<void> {
  // Node only (the job uses node:crypto), and never while `next build` prerenders pages: Next
  // skips register() then itself; this says so where it matters.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startPublishDueJob } = await import('./lib/publish-due-job');
  startPublishDueJob();
  // The daily erasure of commenters' personal data past its time (once a day across instances).
  const { startPrivacyRetentionJob } = await import('./lib/privacy-retention-job');
  startPrivacyRetentionJob(async () => {
    const { runPrivacyRetention } = await import('./db/writes/privacy-retention');
    return (signal) => runPrivacyRetention({ signal });
  });
  // NEWSROOM_TEXT_JOB=off leaves extraction to other instances (or to `npm run documents:index`).
  if (process.env.NEWSROOM_TEXT_JOB !== 'off') {
    const { startDocumentTextJob } = await import('./lib/document-text/job');
    startDocumentTextJob(async () => {
      const work = await import('./db/writes/document-text');
      return { processNext: (signal) => work.processNextFile({ signal }), sweep: () => work.sweepUnattachedFiles() };
    });
  }
}
