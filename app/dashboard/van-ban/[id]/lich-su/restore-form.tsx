'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/field';
import type { ActionState } from '@/lib/auth/action';
import { restoreDocumentRevisionAction } from '../../actions';

export function RestoreDocumentForm({ documentId, revisionId, version }: { documentId: number; revisionId: number; version: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(restoreDocumentRevisionAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending}>
        Khôi phục phiên bản này
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
