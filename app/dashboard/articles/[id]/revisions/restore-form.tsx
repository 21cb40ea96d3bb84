'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/field';
import type { ActionState } from '@/lib/auth/action';
import { restoreRevisionAction } from '../../actions';

export function RestoreForm({ articleId, revisionId, version }: { articleId: number; revisionId: number; version: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(restoreRevisionAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending}>
        Khôi phục phiên bản này
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
