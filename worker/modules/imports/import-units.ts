import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { units, zones } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { addIssues, type ColumnValue, RowErrors, readTable } from '../../spreadsheet/table';
import { UNIT_VALUE_KEYS } from '../units/records';
import { UnitFields } from '../units/schemas';
import { isGuardFailure, zoneCapacityGuard } from '../zones/guard';
import {
  choiceFinder,
  chunks,
  commit,
  type ImportResult,
  importReport,
  isExample,
  NameIndex,
  type Statement,
} from './common';
import { type UnitColumnKey, unitColumns } from './units-sheet';
import { checkZoneCapacity, ZoneRefs } from './zone-refs';

const UnitRow = v.object(UnitFields);
type UnitRecord = typeof units.$inferSelect;

const keyOf = (parentId: string | null, name: string) => `${parentId ?? ''}\u0000${name}`;
const str = (value: ColumnValue | undefined) => (typeof value === 'string' ? value : null);

/** Fields of a unit an import may set (those of the form); absent columns are left as they are. */
const EDITABLE = UNIT_VALUE_KEYS;
type Editable = (typeof EDITABLE)[number];
type UnitValues = Partial<Pick<UnitRecord, Editable>>;

/**
 * Imports the units list: every row is checked first and nothing is written if any row is wrong.
 * A row matches an existing unit by 单位代码, else by (上级单位, 名称); an unchanged row writes
 * nothing, so importing the same file twice changes nothing.
 */
export async function importUnits(
  ctx: ServiceContext,
  bytes: Uint8Array,
  dryRun: boolean,
): Promise<ImportResult> {
  authorize(ctx.actor, 'units.manage');
  const { db, tenant } = ctx;
  const config = tenant.config;
  const word = config.vocabulary.unit;
  const columns = unitColumns(config);
  const headerOf = (key: string) => columns.find((c) => c.key === key)?.header ?? key;
  const errors = new RowErrors();
  const table = readTable<UnitColumnKey>(bytes, columns, errors);
  const has = (key: UnitColumnKey) => table.present.has(key);

  const [existing, zoneRows] = await db.batch([
    db.select().from(units),
    db.select({ id: zones.id, name: zones.name }).from(zones),
  ]);
  const findKind = choiceFinder(config.unitKinds);
  const groupKinds = new Set(config.unitKinds.filter((k) => k.isGroup).map((k) => k.key));
  const groupLabels = config.unitKinds.filter((k) => k.isGroup).map((k) => k.label);
  const zoneRefs = new ZoneRefs(zoneRows);
  const byCode = new Map(existing.filter((u) => u.code).map((u) => [u.code as string, u]));
  const byKey = new Map(existing.map((u) => [keyOf(u.parentId, u.name), u]));
  const byName = new NameIndex();
  const groups = new NameIndex();
  for (const u of existing) {
    byName.add(u.name, u.id);
    // Archived groups stay findable so their units re-import unchanged; new links to them are refused below.
    if (groupKinds.has(u.kind)) {
      groups.add(u.name, u.id);
      groups.add(u.code, u.id);
    }
  }
  const existingById = new Map(existing.map((u) => [u.id, u]));

  const fileCodes = new Map<string, number>();
  const fileKeys = new Map<string, number>();
  const claimed = new Map<string, number>();
  const inserts: (typeof units.$inferInsert)[] = [];
  const updates: { id: string; set: UnitValues }[] = [];
  const moves = new Map<string, string | null>();
  const rowsByZone = new Map<string, number[]>();
  let unchanged = 0;
  let rows = 0;
  const now = new Date().toISOString();

  for (const { row, values } of table.records) {
    if (isExample(values.name)) continue;
    rows++;
    const before = errors.list.length;
    const input: Record<string, unknown> = { name: str(values.name) ?? '', kind: str(values.kind) ?? '' };
    for (const key of ['code', 'address', 'headName', 'phone', 'enrolment', 'staffCount'] as const) {
      if (values[key] !== undefined) input[key] = values[key];
    }
    const parsed = v.safeParse(UnitRow, input);
    if (!parsed.success) addIssues(errors, row, parsed.issues, headerOf);
    const fields = parsed.success ? parsed.output : null;
    const name = fields?.name ?? str(values.name) ?? '';

    // Checked even when another column of the row is wrong, so one pass reports every problem.
    const kindText = (fields?.kind ?? str(values.kind) ?? '').trim();
    const kind = kindText ? findKind(kindText) : null;
    if (kindText && !kind && !errors.has(row, headerOf('kind'))) {
      errors.add(
        row,
        headerOf('kind'),
        `类型“${kindText}”不在本单位的类型中，可填：${config.unitKinds.map((k) => k.label).join('、')}`,
      );
    }

    // 上级单位: a group unit (乡镇/学区/系部) that exists or is added by an earlier row of this file.
    let parentId: string | null | undefined;
    if (has('parent')) {
      const ref = str(values.parent);
      if (ref) {
        const found = groups.find(ref);
        if (found.length === 1) parentId = found[0];
        else if (found.length > 1) {
          errors.add(row, headerOf('parent'), `有多个名为“${ref}”的上级单位，请改填它的单位代码`);
        } else {
          const what = groupLabels.length > 0 ? groupLabels.join('或') : '可作上级的单位';
          errors.add(
            row,
            headerOf('parent'),
            `上级单位“${ref}”不存在或不是${what}：请填写已有的${what}名称，或在本表前面的行中先添加它`,
          );
        }
      } else parentId = null;
    }

    const code = fields?.code ?? null;
    let target: UnitRecord | undefined = code ? byCode.get(code) : undefined;
    if (!target && fields && parentId !== undefined) {
      const same = byKey.get(keyOf(parentId, name));
      if (same && (!code || !same.code)) target = same;
    }
    if (!target && fields && parentId === undefined) {
      const named = byName.find(name);
      if (named.length > 1) {
        errors.add(row, headerOf('name'), `有多个名为“${name}”的${word}：请加上“上级单位”列或填写单位代码`);
      } else if (named.length === 1) {
        const only = existingById.get(named[0] as string) as UnitRecord;
        if (!code || !only.code) target = only;
      }
    }
    const finalParent = parentId !== undefined ? parentId : (target?.parentId ?? null);
    const finalKey = keyOf(finalParent, name);

    if (fields && errors.list.length === before) {
      const other = byKey.get(finalKey);
      if (other && other.id !== target?.id) {
        errors.add(
          row,
          headerOf('name'),
          other.code
            ? `同一上级下已有名为“${name}”的${word}（单位代码 ${other.code}），请核对单位代码或名称`
            : `同一上级下已有名为“${name}”的${word}，请修改名称或上级单位`,
        );
      }
      if (target && parentId === target.id) errors.add(row, headerOf('parent'), '上级单位不能是它自己');
      const parent = parentId ? existingById.get(parentId) : undefined;
      if (parent?.status === 'archived' && parentId !== target?.parentId) {
        errors.add(row, headerOf('parent'), `上级单位“${parent.name}”已归档，请选择在用的上级单位`);
      }
      if (code) {
        const first = fileCodes.get(code);
        if (first !== undefined) {
          errors.add(first, headerOf('code'), `单位代码 ${code} 与第 ${row} 行重复`);
          errors.add(row, headerOf('code'), `单位代码 ${code} 与第 ${first} 行重复`);
        } else fileCodes.set(code, row);
      }
      const firstKey = fileKeys.get(finalKey);
      if (firstKey !== undefined) {
        errors.add(firstKey, headerOf('name'), `与第 ${row} 行重复：同一上级下有两个“${name}”`);
        errors.add(row, headerOf('name'), `与第 ${firstKey} 行重复：同一上级下有两个“${name}”`);
      } else fileKeys.set(finalKey, row);
      if (target) {
        const firstClaim = claimed.get(target.id);
        if (firstClaim !== undefined && firstClaim !== firstKey) {
          errors.add(firstClaim, headerOf('name'), `与第 ${row} 行是同一个${word}，请删除其中一行`);
          errors.add(row, headerOf('name'), `与第 ${firstClaim} 行是同一个${word}，请删除其中一行`);
        } else claimed.set(target.id, row);
      }
    }

    let zoneId: string | null | undefined;
    if (has('zone')) {
      const zoneName = str(values.zone);
      zoneId = zoneName ? zoneRefs.resolve(zoneName, errors, row, headerOf('zone')) : null;
    }

    if (!fields || !kind || errors.list.length > before) continue;
    const id = target?.id ?? crypto.randomUUID();
    if (groupKinds.has(kind)) {
      groups.add(name, id);
      groups.add(code, id);
    }
    const next: UnitValues = { name, kind };
    if (code) next.code = code;
    if (parentId !== undefined) next.parentId = parentId;
    if (zoneId !== undefined) next.zoneId = zoneId;
    for (const key of ['address', 'headName', 'phone', 'enrolment', 'staffCount'] as const) {
      if (fields[key] !== undefined) (next as Record<string, unknown>)[key] = fields[key];
    }

    const zoneMoved = zoneId !== undefined && zoneId !== (target?.zoneId ?? null);
    if (zoneMoved && (!target || target.status === 'active')) {
      moves.set(id, zoneId ?? null);
      if (zoneId) rowsByZone.set(zoneId, [...(rowsByZone.get(zoneId) ?? []), row]);
    }
    if (!target) {
      inserts.push({ id, parentId: null, zoneId: null, ...next, name, kind, updatedAt: now });
      continue;
    }
    const set: UnitValues = {};
    for (const key of EDITABLE) {
      if (key in next && next[key] !== target[key]) (set as Record<string, unknown>)[key] = next[key];
    }
    if (Object.keys(set).length === 0) unchanged++;
    else updates.push({ id, set });
  }

  await checkZoneCapacity(db, config, moves, rowsByZone, zoneRefs, errors, headerOf('zone'));
  errors.throwIfAny();

  const { result, nothingToWrite } = importReport(dryRun, table, {
    rows,
    created: inserts.length,
    updated: updates.length,
    unchanged,
    zonesCreated: zoneRefs.created.map((z) => z.name),
  });
  if (nothingToWrite) return result;

  const statements: Statement[] = [
    ...zoneRefs.inserts(db),
    ...chunks(inserts).map((batch) => db.insert(units).values(batch)),
    ...updates.map((u) =>
      db
        .update(units)
        .set({ ...u.set, updatedAt: now })
        .where(eq(units.id, u.id)),
    ),
    tenantAudit(db, actorWho(ctx), {
      action: 'import.units',
      entityType: 'unit',
      details: {
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        zonesCreated: result.zonesCreated,
        format: result.format,
      },
    }),
  ];
  // Zones filled by someone else since the check above: the batch rolls back and says so.
  const guard = zoneCapacityGuard(db, [...rowsByZone.keys()], config.zones.maxUnitsPerZone);
  if (guard) statements.push(guard);
  await commit(db, statements).catch((err: unknown) => {
    if (!isGuardFailure(err)) throw err;
    throw new AppError(
      'CONFLICT',
      `导入时发现有${config.vocabulary.zone}已被其他人加满，本次没有导入任何数据：请重新预检后再导入。`,
    );
  });
  return result;
}
