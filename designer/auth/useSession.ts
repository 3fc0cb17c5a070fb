/** The signed-in user: asked of the server on load, set by logging in, cleared by logging out. */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import type { User } from '../api/types.js';

export type SessionState =
  { status: 'loading' } | { status: 'signed-out'; error?: string } | { status: 'signed-in'; user: User };

export function useSession() {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    api.currentUser().then(
      ({ user }) => !cancelled && setSession({ status: 'signed-in', user }),
      (error) =>
        !cancelled &&
        setSession({
          status: 'signed-out',
          error: error instanceof ApiError && error.status === 401 ? undefined : String(error.message ?? error),
        }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  const login = useCallback(async (email: string, password: string) => {
    const { user } = await api.login(email, password);
    setSession({ status: 'signed-in', user });
  }, []);
  const logout = useCallback(async () => {
    await api.logout().catch(() => undefined);
    setSession({ status: 'signed-out' });
  }, []);
  return { session, login, logout };
}
