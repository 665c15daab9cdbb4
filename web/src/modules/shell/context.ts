import { type Accessor, createContext, useContext } from 'solid-js';
import type { TenantConfig, TenantSession, TenantUser } from '../../api';

export interface TenantContextValue {
  slug: Accessor<string>;
  session: Accessor<TenantSession>;
  config: Accessor<TenantConfig>;
  /** After the user's own account changed (e.g. the password page): the shell follows without a /me. */
  setUser: (user: TenantUser) => void;
  /** Shows `message` above the page at `href` (default: this page) until the user moves on. */
  notify: (message: string, href?: string) => void;
}

export const TenantContext = createContext<TenantContextValue>();

/** For pages under /t/:tenant/: the shell renders them only once the session and config are loaded. */
export function useTenant(): TenantContextValue {
  const value = useContext(TenantContext);
  if (!value) throw new Error('useTenant outside the tenant shell');
  return value;
}
