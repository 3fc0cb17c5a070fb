/** An admin edits a user (name, roles, discipline, password) or disables and re-enables them; every change audited. */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { sessions, users } from '../db/schema.js';
import { appendAudit } from '../db/audit.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { hashPassword } from './passwords.js';
import { checkPassword, checkRoles } from './user-rules.js';
import { getUser, type UserView } from './users.js';
import type { Discipline, Role } from './roles.js';

export interface UserChange {
  name?: string;
  roles?: Role[];
  /** `null` clears it (a reviewer who is no longer one). */
  discipline?: Discipline | null;
  password?: string;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function loadForChange(tx: Tx, id: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  if (!row) throw NotFoundError.of('user', id);
  return row;
}

/** Some enabled admin other than this user must remain, so nobody can lock everyone out of the admin screen. */
async function assertAnotherAdmin(tx: Tx, id: string, what: string) {
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        ne(users.id, id),
        isNull(users.disabledAt),
        sql`exists (select 1 from json_each(${users.roles}) where value = 'admin')`,
      ),
    )
    .limit(1);
  if (!other)
    throw new ConflictError('last-admin', `${what} would leave no enabled admin; make someone else admin first.`);
}

export async function updateUser(db: Database, actor: string, id: string, change: UserChange): Promise<UserView> {
  if (change.password !== undefined) checkPassword(change.password);
  const passwordHash = change.password !== undefined ? await hashPassword(change.password) : undefined;
  await db.transaction(
    async (tx) => {
      const before = await loadForChange(tx, id);
      const roles = change.roles ?? (before.roles as Role[]);
      // Roles changing away from reviewer drop the discipline unless one is given.
      const requested =
        change.discipline !== undefined
          ? change.discipline
          : roles.includes('compliance-reviewer')
            ? (before.discipline as Discipline | null)
            : null;
      const discipline = checkRoles(roles, requested);
      if ((before.roles as Role[]).includes('admin') && !roles.includes('admin'))
        await assertAnotherAdmin(tx, id, 'Removing the admin role');
      const name = change.name?.trim() ?? before.name;
      await tx
        .update(users)
        .set({ name, roles, discipline, ...(passwordHash ? { passwordHash } : {}) })
        .where(eq(users.id, id));
      // A new password or fewer roles end the user's open sessions: what they could do a moment ago no longer holds.
      const lostRoles = (before.roles as Role[]).some((role) => !roles.includes(role));
      if (passwordHash || lostRoles || discipline !== before.discipline)
        await tx.delete(sessions).where(eq(sessions.userId, id));
      const changed: Record<string, unknown> = {};
      if (name !== before.name) changed.name = { from: before.name, to: name };
      if (JSON.stringify(roles) !== JSON.stringify(before.roles)) changed.roles = { from: before.roles, to: roles };
      if (discipline !== before.discipline) changed.discipline = { from: before.discipline, to: discipline };
      if (passwordHash) changed.password = 'changed';
      await appendAudit(tx, { actor, action: 'user.updated', entityType: 'user', entityId: id, data: changed });
    },
    { behavior: 'immediate' },
  );
  return getUser(db, id);
}

/** Disabling ends every session of the user at once; they cannot log in until re-enabled. */
export async function setUserDisabled(db: Database, actor: string, id: string, disabled: boolean): Promise<UserView> {
  await db.transaction(
    async (tx) => {
      const before = await loadForChange(tx, id);
      if ((before.disabledAt !== null) === disabled) return;
      if (disabled && actor === id) throw new ConflictError('self-disable', 'You cannot disable your own account.');
      if (disabled && (before.roles as Role[]).includes('admin'))
        await assertAnotherAdmin(tx, id, 'Disabling this admin');
      await tx
        .update(users)
        .set({ disabledAt: disabled ? new Date().toISOString() : null })
        .where(eq(users.id, id));
      if (disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
      await appendAudit(tx, {
        actor,
        action: disabled ? 'user.disabled' : 'user.enabled',
        entityType: 'user',
        entityId: id,
      });
    },
    { behavior: 'immediate' },
  );
  return getUser(db, id);
}
