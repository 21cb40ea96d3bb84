import 'server-only';
import { z } from 'zod';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../db-errors';
import { formObject, formValues } from '../form-data';
import { noteActionEntered } from '../request-note';
import { can, type Permission } from './permissions';
import { getCurrentUser, sessionLostToOutage, type CurrentUser } from './session';

/** What every form action returns: a message, errors per field, and the values typed. */
export type ActionState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  /** Extra data a successful action hands back (e.g. a one-time link to show once). */
  data?: Record<string, string>;
};

export const NOT_SIGNED_IN = 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.';
export const NOT_ALLOWED = 'Bạn không có quyền thực hiện thao tác này.';
export const CHECK_FIELDS = 'Vui lòng kiểm tra lại các trường được đánh dấu.';

/**
 * Wraps a server action: authenticates, checks the permission, parses the form with zod and
 * only then runs `handler`. Failures come back as state; nothing is written without all three.
 * It first notes that an action started (lib/request-note.ts), as every server action must.
 */
export function authorizedAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, user: CurrentUser) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    noteActionEntered();
    const user = await getCurrentUser();
    if (!user) return (await sessionLostToOutage()) ? { ok: false, message: DATABASE_UNAVAILABLE, values: formValues(formData) } : { ok: false, message: NOT_SIGNED_IN };
    if (!can(user.role, permission)) return { ok: false, message: NOT_ALLOWED };
    const values = formValues(formData);
    const parsed = schema.safeParse(formObject(formData));
    if (!parsed.success) {
      return { ok: false, message: CHECK_FIELDS, fieldErrors: z.flattenError(parsed.error).fieldErrors as ActionState['fieldErrors'], values };
    }
    try {
      const result = await handler(parsed.data, user);
      return result.ok ? result : { ...result, values: result.values ?? values };
    } catch (error) {
      // An unreachable database is an expected failure: say so, and give the typing back.
      if (isDatabaseUnavailable(error)) return { ok: false, message: DATABASE_UNAVAILABLE, values };
      throw error;
    }
  };
}
