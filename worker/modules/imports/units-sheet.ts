import { asc } from 'drizzle-orm';
import { units, zones } from '../../../db/schema/tenant';
import type { TenantConfig } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import type { Column } from '../../spreadsheet/table';
import { type OutCell, workbookBytes } from '../../spreadsheet/write';
import { EXAMPLE_MARK } from './common';
import { instructionsSheet } from './instructions';

export type UnitColumnKey =
  | 'code'
  | 'name'
  | 'kind'
  | 'parent'
  | 'zone'
  | 'address'
  | 'headName'
  | 'phone'
  | 'enrolment'
  | 'staffCount';

/** The units list's columns; headers are fixed so one file works in every office, aliases follow its words. */
export function unitColumns(config: TenantConfig): Column<UnitColumnKey>[] {
  const { unit, unitGroup, zone } = config.vocabulary;
  return [
    { key: 'code', header: '单位代码', aliases: [`${unit}代码`, '学校标识码', '代码'], type: 'text' },
    { key: 'name', header: '名称', aliases: ['单位名称', `${unit}名称`], required: true, type: 'text' },
    { key: 'kind', header: '类型', aliases: ['单位类型', `${unit}类型`], required: true, type: 'text' },
    { key: 'parent', header: '上级单位', aliases: [unitGroup, `所属${unitGroup}`], type: 'text' },
    { key: 'zone', header: '责任区', aliases: [zone, `督学${zone}`], type: 'text' },
    { key: 'address', header: '地址', aliases: ['单位地址', '详细地址'], type: 'text' },
    { key: 'headName', header: '负责人', aliases: ['校长', '负责人姓名'], type: 'text' },
    { key: 'phone', header: '联系电话', aliases: ['电话', '办公电话'], type: 'text' },
    { key: 'enrolment', header: '在校生数', aliases: ['学生数', '在校学生数'], type: 'integer' },
    { key: 'staffCount', header: '教职工数', aliases: ['教职工人数'], type: 'integer' },
  ];
}

export const UNIT_STATUS_LABELS = { active: '在用', archived: '已归档' } as const;

function example(config: TenantConfig): OutCell[] {
  const kind = config.unitKinds.find((k) => !k.isGroup) ?? config.unitKinds[0];
  const group = config.unitKinds.find((k) => k.isGroup);
  return [
    '',
    `${EXAMPLE_MARK}第一${config.vocabulary.unit}`,
    kind?.label ?? '',
    group ? `（填写已有的${group.label}名称）` : '',
    '',
    '',
    '',
    '0561-6010001',
    1200,
    80,
  ];
}

export function unitsTemplate(ctx: ServiceContext): Uint8Array {
  authorize(ctx.actor, 'units.manage');
  const config = ctx.tenant.config;
  const columns = unitColumns(config);
  const { unit, unitGroup, zone } = config.vocabulary;
  const groups = config.unitKinds.filter((k) => k.isGroup).map((k) => k.label);
  const kinds = config.unitKinds.map((k) => k.label);
  return workbookBytes([
    { name: `${unit}名单`, rows: [columns.map((c) => c.header), example(config)] },
    instructionsSheet([
      [`每行一个${unit}或${unitGroup}；“名称”和“类型”必须填写，其余可空。`],
      [`以“${EXAMPLE_MARK}”开头的行是示例，不会导入，可以删除。`],
      [
        '单位代码',
        '学校标识码或本单位自编代码（数字、字母、连字符）。填写后再次导入按代码匹配，否则按“上级单位 + 名称”匹配。',
      ],
      ['类型', `可填：${kinds.join('、')}`],
      [
        '上级单位',
        groups.length > 0
          ? `填写所属${groups.join('或')}的名称（已有的，或本表中前面几行新增的）；${unit}直属本单位时留空。`
          : '本单位没有可作上级的单位类型，请留空。',
      ],
      [
        zone,
        `填写${zone}名称；系统中没有的${zone}会自动新建。每个${zone}最多 ${config.zones.maxUnitsPerZone} 个${unit}。`,
      ],
      ['联系电话', '11 位手机号或带区号的固定电话，如 0561-6010001。'],
      ['在校生数、教职工数', '填写整数，不要加逗号、空格或“人”。'],
      ['合并单元格', '请不要合并单元格；每行每格各填一个值。'],
      ['再次导入', `同一文件再次导入不会重复添加；导出的${unit}名单改好后可直接导入（“状态”列不导入）。`],
    ]),
  ]);
}

/** Every unit (archived too, marked), groups first so a re-import finds each parent above its children. */
export async function exportUnits(ctx: ServiceContext): Promise<Uint8Array> {
  authorize(ctx.actor, 'units.read');
  const { db, tenant } = ctx;
  const config = tenant.config;
  const [rows, zoneRows] = await db.batch([
    db.select().from(units).orderBy(asc(units.name)),
    db.select({ id: zones.id, name: zones.name }).from(zones),
  ]);
  const kindOrder = new Map(config.unitKinds.map((k, i) => [k.key, i]));
  const kindLabel = new Map(config.unitKinds.map((k) => [k.key, k.label]));
  const groupKinds = new Set(config.unitKinds.filter((k) => k.isGroup).map((k) => k.key));
  const zoneName = new Map(zoneRows.map((z) => [z.id, z.name]));
  const byId = new Map(rows.map((u) => [u.id, u]));
  const nameCount = new Map<string, number>();
  for (const u of rows) if (groupKinds.has(u.kind)) nameCount.set(u.name, (nameCount.get(u.name) ?? 0) + 1);
  // A parent is written by name, or by its code when two groups share the name.
  const parentRef = (id: string | null) => {
    const parent = id ? byId.get(id) : undefined;
    if (!parent) return '';
    return (nameCount.get(parent.name) ?? 0) > 1 && parent.code ? parent.code : parent.name;
  };
  const depth = (u: (typeof rows)[number]) => {
    let d = 0;
    for (let p = u.parentId; p && d < 10; p = byId.get(p)?.parentId ?? null) d++;
    return d;
  };
  const sorted = [...rows].sort(
    (a, b) =>
      Number(groupKinds.has(b.kind)) - Number(groupKinds.has(a.kind)) ||
      depth(a) - depth(b) ||
      (kindOrder.get(a.kind) ?? 99) - (kindOrder.get(b.kind) ?? 99) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  const columns = unitColumns(config);
  return workbookBytes([
    {
      name: `${config.vocabulary.unit}名单`,
      rows: [
        [...columns.map((c) => c.header), '状态'],
        ...sorted.map((u) => [
          u.code ?? '',
          u.name,
          kindLabel.get(u.kind) ?? u.kind,
          parentRef(u.parentId),
          u.zoneId ? (zoneName.get(u.zoneId) ?? '') : '',
          u.address ?? '',
          u.headName ?? '',
          u.phone ?? '',
          u.enrolment,
          u.staffCount,
          UNIT_STATUS_LABELS[u.status],
        ]),
      ],
    },
  ]);
}
