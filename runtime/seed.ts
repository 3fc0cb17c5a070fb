/** First-start data: the local admin login, and the example journeys as drafts to open in the designer. */
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Database } from './db/client.js';
import { and, eq, sql } from 'drizzle-orm';
import { journeys, users } from './db/schema.js';
import type { Role } from './people/roles.js';
import { ensureUser } from './people/users.js';
import { createJourney } from './journeys/repository.js';
import { validateJourney } from '../schema/validate.js';

export const LOCAL_ADMIN_EMAIL = 'admin@carepath.local';

/** The local admin's password: from the environment, else generated once and kept (0600) under the data folder. */
export function localAdminPassword(dataDir: string, fromEnv?: string): string {
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'local-login.json');
  if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { password: string }).password;
  const password = randomBytes(9).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ email: LOCAL_ADMIN_EMAIL, password }, null, 2) + '\n', { mode: 0o600 });
  return password;
}

/** Admin is not a wildcard role, so the local login also designs journeys and enrolls patients, as the tour needs. */
export const LOCAL_ADMIN_ROLES: Role[] = ['admin', 'program-manager'];

export async function seedLocalAdmin(db: Database, password: string): Promise<void> {
  await ensureUser(db, { email: LOCAL_ADMIN_EMAIL, name: 'Local Admin', password, roles: LOCAL_ADMIN_ROLES });
  // A local login made when admin still admitted everything keeps what it could do.
  await db
    .update(users)
    .set({ roles: LOCAL_ADMIN_ROLES })
    .where(and(eq(users.email, LOCAL_ADMIN_EMAIL), sql`${users.roles} = '["admin"]'`));
}

const examplesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../examples/journeys');

/** Loads each example journey once (matched by name), so a second start keeps what the first one and its user made. */
export async function seedExamples(db: Database, actor: string): Promise<string[]> {
  if (!existsSync(examplesDir)) return [];
  const existing = new Set((await db.select({ name: journeys.name }).from(journeys)).map((r) => r.name));
  const loaded: string[] = [];
  for (const file of readdirSync(examplesDir)
    .filter((f) => f.endsWith('.journey.json'))
    .sort()) {
    const result = validateJourney(JSON.parse(readFileSync(join(examplesDir, file), 'utf8')));
    if (!result.document || existing.has(result.document.name)) continue;
    await createJourney(db, actor, result.document.name, result.document);
    loaded.push(result.document.name);
  }
  return loaded;
}
