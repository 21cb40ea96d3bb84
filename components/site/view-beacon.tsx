'use client';

import { useEffect } from 'react';

/**
 * Counts a view without making the page dynamic: the static page asks a route handler once it
 * is shown. Readers without JavaScript are counted by the <noscript> image instead.
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const body = JSON.stringify({ articleId });
    const sent = navigator.sendBeacon?.('/api/views', new Blob([body], { type: 'application/json' }));
    if (!sent) {
      void fetch('/api/views', { method: 'POST', body, headers: { 'content-type': 'application/json' }, keepalive: true });
    }
  }, [articleId]);
  return (
    <noscript>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={`/api/views?articleId=${articleId}`} alt="" width={1} height={1} className="view-pixel" />
    </noscript>
  );
}
