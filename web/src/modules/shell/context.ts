import { type Accessor, createContext, useContext } from 'solid-js';
import type { TenantConfig, TenantSession } from '../../api';

export interface TenantContextValue {
  slug: Accessor<string>;
  session: Accessor<TenantSession>;
  config: Accessor<TenantConfig>;
}

export const TenantContext = createContext<TenantContextValue>();

/** For pages under /t/:tenant/: the shell renders them only once the session and config are loaded. */
export function useTenant(): TenantContextValue {
  const value = useContext(TenantContext);
  if (!value) throw new Error('useTenant outside the tenant shell');
  return value;
}
