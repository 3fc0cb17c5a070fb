/** The rules a user record must follow: known roles, a discipline exactly for compliance reviewers, a password long enough. */
import { InvalidInputError } from '../errors.js';
import { DISCIPLINES, ROLES, type Discipline, type Role } from './roles.js';

/** NIST SP 800-63B asks for at least 8; staff accounts that sign Part 11 records get a little more. */
export const MIN_PASSWORD_LENGTH = 10;

/** Returns the discipline to store: required for a compliance reviewer, refused for anyone else. */
export function checkRoles(roles: readonly string[], discipline: string | null): Discipline | null {
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length)
    throw new InvalidInputError(
      'unknown-role',
      `/roles: ${unknown.join(', ')} is not a role; use ${ROLES.join(', ')}.`,
    );
  if (roles.length === 0) throw new InvalidInputError('no-roles', '/roles: give the user at least one role.');
  if (new Set(roles).size !== roles.length)
    throw new InvalidInputError('repeated-role', '/roles: each role may be given once.');
  const reviewer = roles.includes('compliance-reviewer');
  if (discipline !== null && !DISCIPLINES.includes(discipline as Discipline))
    throw new InvalidInputError(
      'unknown-discipline',
      `/discipline: ${discipline} is not a discipline; use ${DISCIPLINES.join(', ')}.`,
    );
  if (reviewer && discipline === null)
    throw new InvalidInputError(
      'discipline-required',
      `/discipline: a compliance reviewer needs a discipline (${DISCIPLINES.join(', ')}).`,
    );
  if (!reviewer && discipline !== null)
    throw new InvalidInputError(
      'discipline-without-review',
      '/discipline: only a compliance reviewer has a discipline.',
    );
  return discipline as Discipline | null;
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new InvalidInputError('password-too-short', `/password: use at least ${MIN_PASSWORD_LENGTH} characters.`);
}
