/** The roles a Carepath user can hold, and a reviewer's discipline; every route names the roles it admits. */
export const ROLES = ['program-manager', 'compliance-reviewer', 'engineer', 'care-team', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a compliance reviewer signs for (MLR review). */
export const DISCIPLINES = ['medical', 'legal', 'regulatory'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** Set for compliance reviewers only. */
  discipline?: Discipline;
}

/**
 * Whether the user holds one of the listed roles. Admin is not a wildcard: it manages users and reads the audit
 * trail, and sees patient data or designs journeys only when it also holds those roles.
 */
export function hasRole(user: SessionUser, allowed: readonly Role[]): boolean {
  return user.roles.some((role) => allowed.includes(role));
}
