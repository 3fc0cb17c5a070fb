/** Assessment web-form links: made once per step visit by the send activity, looked up by token when the patient opens the form. */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { formLinks } from '../db/schema.js';

/** How long a link stays valid; the step's own timeout usually ends the assessment sooner. */
const LINK_DAYS = 30;

export async function linkFor(
  db: Database,
  input: { key: string; enrollmentId: string; workflowId: string; stepId: string; visit: number },
): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + LINK_DAYS * 86_400_000).toISOString();
  await db
    .insert(formLinks)
    .values({ token, ...input, expiresAt })
    .onConflictDoNothing({ target: formLinks.key });
  // A retry of the same send finds the token the first attempt stored, so the patient's link never changes.
  const [row] = await db.select({ token: formLinks.token }).from(formLinks).where(eq(formLinks.key, input.key));
  return row.token;
}

export type FormLink = typeof formLinks.$inferSelect;

/** The link behind a token if it can still be answered, or why not. */
export async function openLink(
  db: Database,
  token: string,
): Promise<{ ok: true; link: FormLink } | { ok: false; why: string }> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return { ok: false, why: 'This link is not valid.' };
  const [link] = await db.select().from(formLinks).where(eq(formLinks.token, token));
  if (!link) return { ok: false, why: 'This link is not valid.' };
  if (link.usedAt) return { ok: false, why: 'These answers have already been sent. Thank you.' };
  if (Date.parse(link.expiresAt) < Date.now()) return { ok: false, why: 'This link has expired.' };
  return { ok: true, link };
}

/** Marks a link used; false when another submission got there first. */
export async function useLink(db: Database, token: string): Promise<boolean> {
  const used = await db
    .update(formLinks)
    .set({ usedAt: new Date().toISOString() })
    .where(and(eq(formLinks.token, token), isNull(formLinks.usedAt)))
    .returning({ token: formLinks.token });
  return used.length === 1;
}

export async function releaseLink(db: Database, token: string): Promise<void> {
  await db.update(formLinks).set({ usedAt: null }).where(eq(formLinks.token, token));
}
