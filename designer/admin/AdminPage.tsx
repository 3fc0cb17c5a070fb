/** The admin screen: users and their roles (create, edit, disable), and the audit trail (verify, export). */
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.js';
import type { User } from '../api/types.js';
import { adminApi, type UserRecord } from './admin-api.js';
import { UserForm, type UserFormValues } from './UserForm.js';
import { UserTable } from './UserTable.js';
import { AuditPanel } from './AuditPanel.js';
import './admin.css';

type Editing = { mode: 'new' } | { mode: 'edit'; user: UserRecord } | undefined;

export function AdminPage({ user }: { user: User }) {
  const isAdmin = user.roles.includes('admin');
  const [users, setUsers] = useState<UserRecord[]>();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<Editing>();

  const load = useCallback(async () => {
    try {
      setUsers((await adminApi.users()).users);
      setError(undefined);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    if (isAdmin) void load();
  }, [isAdmin, load]);

  async function save(values: UserFormValues) {
    if (editing?.mode === 'edit') {
      await adminApi.updateUser(editing.user.id, {
        name: values.name,
        roles: values.roles,
        discipline: values.discipline,
        ...(values.password ? { password: values.password } : {}),
      });
    } else {
      await adminApi.createUser({
        email: values.email,
        name: values.name,
        password: values.password,
        roles: values.roles,
        discipline: values.discipline,
      });
    }
    setEditing(undefined);
    await load();
  }

  async function setDisabled(target: UserRecord, disabled: boolean) {
    try {
      await adminApi.setDisabled(target.id, disabled);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <main className="page admin-page" data-testid="admin-page">
      <div className="page-head">
        <h1>{isAdmin ? 'Admin' : 'Audit trail'}</h1>
      </div>
      {isAdmin && (
        <section className="card" aria-labelledby="users-title">
          <div className="page-head">
            <h2 id="users-title">Users and roles</h2>
            <button
              type="button"
              className="primary"
              onClick={() => setEditing({ mode: 'new' })}
              data-testid="user-new"
            >
              New user
            </button>
          </div>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          {editing && (
            <UserForm
              key={editing.mode === 'edit' ? editing.user.id : 'new'}
              user={editing.mode === 'edit' ? editing.user : undefined}
              onSave={save}
              onCancel={() => setEditing(undefined)}
            />
          )}
          {users ? (
            <UserTable
              users={users}
              currentUserId={user.id}
              onEdit={(u) => setEditing({ mode: 'edit', user: u })}
              onSetDisabled={setDisabled}
            />
          ) : (
            !error && <p className="muted">Loading…</p>
          )}
        </section>
      )}
      <AuditPanel />
    </main>
  );
}
