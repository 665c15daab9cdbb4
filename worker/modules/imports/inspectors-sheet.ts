import { asc } from 'drizzle-orm';
import { inspectors, inspectorUnits, inspectorZones, units, zones } from '../../../db/schema/tenant';
import type { TenantConfig } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import type { Column } from '../../spreadsheet/table';
import { workbookBytes } from '../../spreadsheet/write';
import { INSPECTOR_TYPE_LABELS } from '../inspectors/schemas';
import { EXAMPLE_MARK } from './common';
import { instructionsSheet } from './instructions';

export type InspectorColumnKey =
  | 'certificateNo'
  | 'name'
  | 'type'
  | 'termStart'
  | 'termEnd'
  | 'trainingHours'
  | 'phone'
  | 'email'
  | 'workplace'
  | 'zones'
  | 'units';

export function inspectorColumns(config: TenantConfig): Column<InspectorColumnKey>[] {
  const { unit, zone, inspector } = config.vocabulary;
  return [
    {
      key: 'certificateNo',
      header: '督学证号',
      aliases: [`${inspector}证号`, '证号', '督学证编号'],
      type: 'text',
    },
    { key: 'name', header: '姓名', aliases: [`${inspector}姓名`], required: true, type: 'text' },
    { key: 'type', header: '类型', aliases: ['督学类型', `${inspector}类型`], required: true, type: 'text' },
    { key: 'termStart', header: '聘期开始', aliases: ['聘期起', '聘任开始'], type: 'date' },
    { key: 'termEnd', header: '聘期结束', aliases: ['聘期止', '聘任结束'], type: 'date' },
    { key: 'trainingHours', header: '培训学时', aliases: ['学时'], type: 'decimal' },
    { key: 'phone', header: '公开电话', aliases: ['电话', '联系电话', '手机号'], type: 'text' },
    { key: 'email', header: '电子邮箱', aliases: ['邮箱', 'email'], type: 'text' },
    { key: 'workplace', header: '工作单位', aliases: [], type: 'text' },
    { key: 'zones', header: '责任区(多个用、分隔)', aliases: ['责任区', zone], type: 'list' },
    { key: 'units', header: '负责单位(多个用、分隔)', aliases: [`负责${unit}`, '负责单位'], type: 'list' },
  ];
}

export const INSPECTOR_STATUS_LABELS = { active: '在任', archived: '已归档' } as const;

export function inspectorsTemplate(ctx: ServiceContext): Uint8Array {
  authorize(ctx.actor, 'inspectors.manage');
  const config = ctx.tenant.config;
  const { unit, zone, inspector } = config.vocabulary;
  const columns = inspectorColumns(config);
  return workbookBytes([
    {
      name: `${inspector}名单`,
      rows: [
        columns.map((c) => c.header),
        [
          '',
          `${EXAMPLE_MARK}张老师`,
          INSPECTOR_TYPE_LABELS.responsible,
          '2026-09-01',
          '2029-08-31',
          24,
          '13800000000',
          'name@example.cn',
          '县教育局',
          `第一${zone}`,
          '',
        ],
      ],
    },
    instructionsSheet([
      [`每行一名${inspector}；“姓名”和“类型”必须填写，其余可空。`],
      [`以“${EXAMPLE_MARK}”开头的行是示例，不会导入，可以删除。`],
      ['督学证号', '填写后再次导入按证号匹配；没有证号时按“姓名 + 公开电话”匹配。'],
      ['类型', `可填：${Object.values(INSPECTOR_TYPE_LABELS).join('、')}`],
      ['聘期开始、聘期结束', '日期，如 2026-09-01（Excel 日期格式也可以）。'],
      ['培训学时', '数字，如 24 或 12.5。'],
      ['公开电话', '公示牌上显示的电话：11 位手机号或带区号的固定电话。'],
      [`责任区`, `填写${zone}名称，多个用“、”分隔；系统中没有的${zone}会自动新建。`],
      ['负责单位', `除${zone}外直接负责的${unit}名称，多个用“、”分隔；同名${unit}请填单位代码。`],
      ['合并单元格', '请不要合并单元格；每行每格各填一个值。'],
      ['再次导入', '同一文件再次导入不会重复添加；导出的名单改好后可直接导入（“状态”列不导入）。'],
    ]),
  ]);
}

export async function exportInspectors(ctx: ServiceContext): Promise<Uint8Array> {
  authorize(ctx.actor, 'inspectors.read');
  const { db, tenant } = ctx;
  const [rows, zoneRows, unitRows, zoneLinks, unitLinks] = await db.batch([
    db.select().from(inspectors).orderBy(asc(inspectors.name)),
    db.select({ id: zones.id, name: zones.name }).from(zones),
    db.select({ id: units.id, name: units.name, code: units.code }).from(units),
    db.select().from(inspectorZones),
    db.select().from(inspectorUnits),
  ]);
  const zoneName = new Map(zoneRows.map((z) => [z.id, z.name]));
  const nameCount = new Map<string, number>();
  for (const u of unitRows) nameCount.set(u.name, (nameCount.get(u.name) ?? 0) + 1);
  // A unit is written by name, or by its code when two units share the name.
  const unitRef = new Map(
    unitRows.map((u) => [u.id, (nameCount.get(u.name) ?? 0) > 1 && u.code ? u.code : u.name]),
  );
  const zonesOf = new Map<string, string[]>();
  for (const l of zoneLinks)
    zonesOf.set(l.inspectorId, [...(zonesOf.get(l.inspectorId) ?? []), zoneName.get(l.zoneId) ?? '']);
  const unitsOf = new Map<string, string[]>();
  for (const l of unitLinks)
    unitsOf.set(l.inspectorId, [...(unitsOf.get(l.inspectorId) ?? []), unitRef.get(l.unitId) ?? '']);
  const columns = inspectorColumns(tenant.config);
  return workbookBytes([
    {
      name: `${tenant.config.vocabulary.inspector}名单`,
      rows: [
        [...columns.map((c) => c.header), '状态'],
        ...rows.map((i) => [
          i.certificateNo ?? '',
          i.name,
          INSPECTOR_TYPE_LABELS[i.type],
          i.termStart ?? '',
          i.termEnd ?? '',
          i.trainingHours,
          i.phone ?? '',
          i.email ?? '',
          i.workplace ?? '',
          (zonesOf.get(i.id) ?? []).sort().join('、'),
          (unitsOf.get(i.id) ?? []).sort().join('、'),
          INSPECTOR_STATUS_LABELS[i.status],
        ]),
      ],
    },
  ]);
}
