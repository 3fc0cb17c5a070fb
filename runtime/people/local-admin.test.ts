/** The local login: admin and program manager, so the tour works now that admin admits only admin routes; an older login is upgraded. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase, type OpenedDatabase } from '../db/client.js';
import { users } from '../db/schema.js';
import { LOCAL_ADMIN_EMAIL, seedLocalAdmin } from '../seed.js';
import { ensureUser } from './users.js';

let dir: string;
let database: OpenedDatabase;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carepath-local-admin-'));
  database = await openDatabase(`file:${join(dir, 'seed.db')}`);
});
afterAll(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const rolesOfLocalAdmin = async () =>
  (await database.db.select({ roles: users.roles }).from(users).where(eq(users.email, LOCAL_ADMIN_EMAIL)))[0].roles;

describe('the local login', () => {
  it('is upgraded from admin alone to admin and program manager, and keeps roles an admin gave it since', async () => {
    await ensureUser(database.db, { email: LOCAL_ADMIN_EMAIL, name: 'Local Admin', password: 'pw', roles: ['admin'] });
    await seedLocalAdmin(database.db, 'pw');
    expect(await rolesOfLocalAdmin()).toEqual(['admin', 'program-manager']);
    await database.db
      .update(users)
      .set({ roles: ['admin', 'care-team'] })
      .where(eq(users.email, LOCAL_ADMIN_EMAIL));
    await seedLocalAdmin(database.db, 'pw');
    expect(await rolesOfLocalAdmin()).toEqual(['admin', 'care-team']);
  });
});
