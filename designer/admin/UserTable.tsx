/** The users of this Carepath: roles, discipline, whether they can log in, and the admin's actions on each. */
import type { UserRecord } from './admin-api.js';

interface Props {
  users: UserRecord[];
  currentUserId: string;
  onEdit: (user: UserRecord) => void;
  onSetDisabled: (user: UserRecord, disabled: boolean) => void;
}

export function UserTable({ users, currentUserId, onEdit, onSetDisabled }: Props) {
  return (
    <table className="table" data-testid="users-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Email</th>
          <th>Roles</th>
          <th>Discipline</th>
          <th>Status</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-testid={`user-row-${user.email}`} className={user.disabled ? 'muted' : undefined}>
            <td>{user.name}</td>
            <td>{user.email}</td>
            <td>{user.roles.join(', ')}</td>
            <td>{user.discipline ?? '—'}</td>
            <td data-testid="user-status">{user.disabled ? 'Disabled' : 'Active'}</td>
            <td className="admin-row-actions">
              <button type="button" className="link" onClick={() => onEdit(user)} data-testid="user-edit">
                Edit
              </button>
              {user.id !== currentUserId && (
                <button
                  type="button"
                  className="link"
                  onClick={() => onSetDisabled(user, !user.disabled)}
                  data-testid="user-toggle-disabled"
                >
                  {user.disabled ? 'Enable' : 'Disable'}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
