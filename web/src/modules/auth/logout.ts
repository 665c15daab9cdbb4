import { createSignal } from 'solid-js';
import { toApiError } from '../../api';

/**
 * Logout state shared by the tenant shell and the province page. A 401 means the session had
 * already ended, which is what the user wanted; any other failure may leave it alive, so the
 * user stays and sees why.
 */
export function createLogout(end: () => Promise<unknown>, leave: () => void) {
  const [loggingOut, setLoggingOut] = createSignal(false);
  const [logoutError, setLogoutError] = createSignal<string | null>(null);
  const logout = async () => {
    setLoggingOut(true);
    setLogoutError(null);
    try {
      await end();
    } catch (err) {
      const e = toApiError(err);
      if (e.status !== 401) {
        setLogoutError(e.message);
        setLoggingOut(false);
        return;
      }
    }
    leave();
  };
  return { loggingOut, logoutError, logout };
}
