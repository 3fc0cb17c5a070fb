/** The roles a Carepath user can hold; every route names the roles it admits. */
export const ROLES = ['program-manager', 'compliance-reviewer', 'engineer', 'care-team', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

/** Admins may do everything; otherwise the user needs one of the listed roles. */
export function hasRole(user: SessionUser, allowed: readonly Role[]): boolean {
  return user.roles.includes('admin') || user.roles.some((role) => allowed.includes(role));
}
