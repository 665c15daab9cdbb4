import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../worker/context';
import { AppError } from '../../worker/errors';
import { hazardLedgerXlsx } from '../../worker/modules/hazards/ledger-xlsx';
import { listHazards } from '../../worker/modules/hazards/register';

/** A context of a tenant with the safety module off; its database is never reached. */
function ctxWithoutSafety(): ServiceContext {
  return {
    tenant: { config: { modules: { teaching: true, study: true, management: true, safety: false } } },
    actor: {
      id: 'u1',
      username: 'a',
      displayName: 'a',
      role: 'admin',
      unitId: null,
      mustChangePassword: false,
    },
    db: new Proxy(
      {},
      {
        get: () => {
          throw new Error('database reached');
        },
      },
    ),
    requestId: 'r',
    clientIp: null,
  } as unknown as ServiceContext;
}

describe('hazard register with the safety module off', () => {
  it('refuses the list and the spreadsheet with 403 MODULE_DISABLED', async () => {
    for (const call of [
      () =>
        listHazards(ctxWithoutSafety(), {
          status: '',
          level: '',
          unitId: '',
          overdue: '',
          page: 1,
          pageSize: 20,
        }),
      () => hazardLedgerXlsx(ctxWithoutSafety(), { status: '', level: '', unitId: '', overdue: '' }),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('MODULE_DISABLED');
      expect((error as AppError).message).toContain('督安全');
    }
  });
});
