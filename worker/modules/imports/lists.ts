import type { Context, MiddlewareHandler } from 'hono';
import type { TenantConfig } from '../../../tenants/config/schema';
import { authorize, can, type TenantPermission } from '../../auth/permissions';
import type { AppEnv, ServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { ImportResult } from './common';
import { importInspectors } from './import-inspectors';
import { importUnits } from './import-units';
import { importUsers } from './import-users';
import { exportInspectors, inspectorsTemplate } from './inspectors-sheet';
import { exportUnits, unitsTemplate } from './units-sheet';
import { exportUsers, usersTemplate } from './users-sheet';

interface ListDef {
  read: TenantPermission;
  manage: TenantPermission;
  /** The file name's words: 学校名单, 督学名单, 账号名单. */
  title: (config: TenantConfig) => string;
  template: (ctx: ServiceContext) => Uint8Array;
  export: (ctx: ServiceContext) => Promise<Uint8Array>;
  import: (ctx: ServiceContext, bytes: Uint8Array, dryRun: boolean) => Promise<ImportResult>;
}

/** The lists that can be imported and exported, and who may do which. */
export const LISTS = {
  units: {
    read: 'units.read',
    manage: 'units.manage',
    title: (c) => `${c.vocabulary.unit}名单`,
    template: unitsTemplate,
    export: exportUnits,
    import: importUnits,
  },
  inspectors: {
    read: 'inspectors.read',
    manage: 'inspectors.manage',
    title: (c) => `${c.vocabulary.inspector}名单`,
    template: inspectorsTemplate,
    export: exportInspectors,
    import: importInspectors,
  },
  users: {
    read: 'users.read',
    manage: 'users.manage',
    title: () => '账号名单',
    template: usersTemplate,
    export: exportUsers,
    import: importUsers,
  },
} as const satisfies Record<string, ListDef>;

export type ListName = keyof typeof LISTS;

function isList(name: string): name is ListName {
  return Object.hasOwn(LISTS, name);
}

/**
 * Route guard for /imports/:list and /exports/:list: 401 without a session; for a known list, the
 * list's own permission; for an unknown one, 403 to a role that may touch no list at all and 404
 * otherwise. All of it before any input is read or any row looked up.
 */
export function listPermission(kind: 'read' | 'manage'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const name = c.req.param('list') ?? '';
    if (isList(name)) authorize(actor, LISTS[name][kind]);
    else {
      const any = Object.values(LISTS).find((l) => can(actor, l[kind]));
      if (!any) throw new AppError('FORBIDDEN');
      authorize(actor, any[kind]);
      throw new AppError('NOT_FOUND', '没有这种名单：可导入导出的是单位、督学和账号名单。');
    }
    await next();
  };
}

export function listOf(c: Context<AppEnv>): (typeof LISTS)[ListName] {
  return LISTS[c.req.param('list') as ListName];
}
