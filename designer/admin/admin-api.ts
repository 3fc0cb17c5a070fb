/** The admin screen's calls: users and roles, the audit trail's verification and export; typed from the server's route schemas. */
import { answer, client } from '../api/client.js';
import type { z } from 'zod';
import type { NewUserInput, UserChangeInput, UserRecord } from '../../runtime/api/schemas/users.js';

export type UserRecord = z.infer<typeof UserRecord>;
export type NewUser = z.input<typeof NewUserInput>;
export type UserChange = z.input<typeof UserChangeInput>;

/** `hc` puts path parameters into the URL as they are: encode them, so an id can never change the path. */
const at = (id: string) => ({ id: encodeURIComponent(id) });

export const adminApi = {
  users: () => answer(client.api.users.$get()),
  createUser: (json: NewUser) => answer(client.api.users.$post({ json })),
  updateUser: (id: string, json: UserChange) => answer(client.api.users[':id'].$patch({ param: at(id), json })),
  setDisabled: (id: string, disabled: boolean) =>
    answer(client.api.users[':id'].status.$put({ param: at(id), json: { disabled } })),
  verifyAudit: () => answer(client.api.audit.verify.$get()),
};

/** The export is a download the browser saves: a plain link carrying the session cookie, not a fetch. */
export function auditExportHref(format: 'csv' | 'json', filter: { entityId?: string; from?: string; to?: string }) {
  const query = new URLSearchParams({ format });
  if (filter.entityId) query.set('entityId', filter.entityId);
  if (filter.from) query.set('from', new Date(filter.from).toISOString());
  if (filter.to) query.set('to', new Date(filter.to).toISOString());
  return `/api/audit/export?${query}`;
}
