import type { MiddlewareHandler } from 'hono';
import { MODULE_KEYS, type ModuleKey } from '../../tenants/config/schema';
import type { AppEnv } from '../context';
import { AppError } from '../errors';

const MODULE_NAMES: Record<ModuleKey, string> = {
  teaching: '督教',
  study: '督学',
  management: '督管理',
  safety: '督安全',
};

export function isModuleKey(value: string): value is ModuleKey {
  return (MODULE_KEYS as readonly string[]).includes(value);
}

/** Every module's routes live under `/api/t/:tenant/<module>/...`; a module the tenant has off answers 403. */
export const moduleGate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.param('module') ?? '';
  if (isModuleKey(key) && !c.get('tenant').config.modules[key]) {
    throw new AppError(
      'MODULE_DISABLED',
      `本单位未开通“${MODULE_NAMES[key]}”模块，请联系管理员在单位配置中开启。`,
      {
        module: key,
      },
    );
  }
  await next();
};
