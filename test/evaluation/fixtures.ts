import { eq } from 'drizzle-orm';
import { evaluationSchemes } from '../../db/schema/tenant';
import type { SchemeBody } from '../../tenants/evaluation/scheme';
import { workbookBytes } from '../../worker/spreadsheet/write';
import { tenantDbOf } from '../support/api';

export function schemesPath(tenant = 'test-county') {
  return `/api/t/${tenant}/evaluation/schemes`;
}

/** The id of a shipped scheme in a tenant (put there at provisioning). */
export async function builtinSchemeId(key = 'developmental_school', tenant = 'test-county'): Promise<string> {
  const db = await tenantDbOf(tenant);
  const [row] = await db
    .select({ id: evaluationSchemes.id })
    .from(evaluationSchemes)
    .where(eq(evaluationSchemes.builtinKey, key));
  if (!row) throw new Error(`no shipped scheme ${key} in ${tenant}`);
  return row.id;
}

export const smallScheme = (): SchemeBody => ({
  indicators: [
    {
      key: 'A1',
      name: '组织领导',
      points: 10,
      children: [
        { key: 'A1.1', name: '专题研究', points: 6, criteria: '每年不少于 2 次', evidence: '会议纪要' },
        { key: 'A1.2', name: '责任落实', points: 4 },
      ],
    },
    { key: 'A2', name: '经费保障', points: 10, guidance: '按时足额拨付得满分' },
  ],
});

export const schemeSheetBytes = (): Uint8Array =>
  workbookBytes([
    {
      name: '指标',
      rows: [
        ['一级指标', '二级指标', '分值', '评估要点', '佐证材料'],
        ['A1 组织领导', 'A1.1 专题研究', 6, '每年不少于 2 次', '会议纪要'],
        ['A1 组织领导', 'A1.2 责任落实', 4, null, null],
        ['A2 经费保障', null, 10, null, null],
      ],
    },
  ]);
