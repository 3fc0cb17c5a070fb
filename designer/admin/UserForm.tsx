/** Create or edit a user: email (fixed once created), name, password, roles, and a discipline for compliance reviewers. */
import { useState } from 'react';
import { useSubmit } from '../app/useSubmit.js';
import type { Discipline, Role } from '../../runtime/people/roles.js';
import type { UserRecord } from './admin-api.js';

export interface UserFormValues {
  email: string;
  name: string;
  /** Empty when editing and the password stays as it is. */
  password: string;
  roles: Role[];
  discipline: Discipline | null;
}

/** Typed against the server's roles, so a role added there fails the build here until it has a label. */
const ROLE_LABELS: Record<Role, string> = {
  'program-manager': 'Program manager',
  'compliance-reviewer': 'Compliance reviewer',
  engineer: 'Engineer',
  'care-team': 'Care team',
  admin: 'Admin',
};
const ROLES = Object.keys(ROLE_LABELS) as Role[];
const DISCIPLINE_LABELS: Record<Discipline, string> = {
  medical: 'Medical',
  legal: 'Legal',
  regulatory: 'Regulatory',
};
const DISCIPLINES = Object.keys(DISCIPLINE_LABELS) as Discipline[];

interface Props {
  /** The user being edited; absent when creating one. */
  user?: UserRecord;
  onSave: (values: UserFormValues) => Promise<void>;
  onCancel: () => void;
}

export function UserForm({ user, onSave, onCancel }: Props) {
  const [email, setEmail] = useState(user?.email ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [discipline, setDiscipline] = useState<Discipline | ''>(user?.discipline ?? '');
  const reviewer = roles.includes('compliance-reviewer');
  const { submit, busy, error } = useSubmit(() =>
    onSave({ email, name, password, roles, discipline: reviewer && discipline ? discipline : null }),
  );
  const toggle = (role: Role) =>
    setRoles((held) => (held.includes(role) ? held.filter((r) => r !== role) : [...held, role]));

  return (
    <form className="card admin-user-form" onSubmit={submit} data-testid="user-form">
      <h2>{user ? `Edit ${user.email}` : 'New user'}</h2>
      {!user && (
        <label className="field">
          Email
          <input
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="user-email"
          />
        </label>
      )}
      <label className="field">
        Printed name
        <input required value={name} onChange={(e) => setName(e.target.value)} data-testid="user-name" />
      </label>
      <label className="field">
        {user ? 'New password (leave empty to keep it)' : 'Password'}
        <input
          type="password"
          autoComplete="new-password"
          required={!user}
          minLength={10}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="user-password"
        />
      </label>
      <fieldset className="checkbox-set">
        <legend>Roles</legend>
        {ROLES.map((role) => (
          <label key={role} className="toggle toggle--inline">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={() => toggle(role)}
              data-testid={`user-role-${role}`}
            />
            {ROLE_LABELS[role]}
          </label>
        ))}
      </fieldset>
      {reviewer && (
        <label className="field">
          Discipline they sign for
          <select
            required
            value={discipline}
            onChange={(e) => setDiscipline(e.target.value as Discipline | '')}
            data-testid="user-discipline"
          >
            <option value="">Choose…</option>
            {DISCIPLINES.map((d) => (
              <option key={d} value={d}>
                {DISCIPLINE_LABELS[d]}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && (
        <p className="error-text" role="alert" data-testid="user-form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || roles.length === 0} data-testid="user-save">
          {user ? 'Save' : 'Create user'}
        </button>
      </div>
    </form>
  );
}
