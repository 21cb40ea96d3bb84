// Who may do what (DESIGN.md): admin does everything, editor runs the newsroom, reporter writes.
export const ROLES = ['admin', 'editor', 'reporter'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị viên',
  editor: 'Biên tập viên',
  reporter: 'Phóng viên',
};

const PERMISSIONS = {
  'dashboard:view': ['admin', 'editor', 'reporter'],
  'articles:write-own': ['admin', 'editor', 'reporter'],
  'articles:write-any': ['admin', 'editor'],
  'articles:publish': ['admin', 'editor'],
  /** Corrections (Đính chính) on a published article: adding one and editing one (issue 16). */
  'articles:correct': ['admin', 'editor'],
  'comments:moderate': ['admin', 'editor'],
  'media:upload': ['admin', 'editor', 'reporter'],
  'taxonomy:manage': ['admin', 'editor'],
  // Documents (Văn bản): reporters draft their own; editors and admins edit any, publish and unpublish.
  'documents:write-own': ['admin', 'editor', 'reporter'],
  'documents:write-any': ['admin', 'editor'],
  'documents:publish': ['admin', 'editor'],
  /** The editable lists: Loại văn bản, Cơ quan ban hành, Lĩnh vực. */
  'documents:terms': ['admin', 'editor'],
  'users:manage': ['admin'],
  'audit:view': ['admin'],
  /** Personal data (issue 16): the policy and its versions, the retention settings. */
  'privacy:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** True when `role` holds `permission`. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? (PERMISSIONS[permission] as readonly Role[]).includes(role) : false;
}

/** The roles holding a permission, e.g. for a guard's error message or a test matrix. */
export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

export class PermissionDenied extends Error {
  override name = 'PermissionDenied';
}

/**
 * For dashboard data functions: throws unless `user` holds `permission`, so a query can never
 * be reached by a page or action that forgot its own check.
 */
export function assertCan(user: { role: Role } | null | undefined, permission: Permission): void {
  if (!can(user?.role, permission)) throw new PermissionDenied(`missing permission ${permission}`);
}
