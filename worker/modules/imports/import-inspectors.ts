import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import {
  INSPECTOR_TYPES,
  inspectors,
  inspectorUnits,
  inspectorZones,
  units,
  zones,
} from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { addIssues, type ColumnValue, RowErrors, readTable } from '../../spreadsheet/table';
import {
  INSPECTOR_TYPE_LABELS,
  InspectorInput,
  MAX_ASSIGNED_UNITS,
  MAX_ASSIGNED_ZONES,
} from '../inspectors/schemas';
import {
  choiceFinder,
  chunks,
  commit,
  type ImportResult,
  importReport,
  isExample,
  NameIndex,
  type Statement,
  sameList,
} from './common';
import { type InspectorColumnKey, inspectorColumns } from './inspectors-sheet';
import { ZoneRefs } from './zone-refs';

type InspectorRecord = typeof inspectors.$inferSelect;
const FIELDS = [
  'certificateNo',
  'name',
  'type',
  'termStart',
  'termEnd',
  'trainingHours',
  'phone',
  'email',
  'workplace',
] as const;
type Field = (typeof FIELDS)[number];

const keyOf = (name: string, phone: string | null | undefined) => `${name}\u0000${phone ?? ''}`;
const str = (value: ColumnValue | undefined) => (typeof value === 'string' ? value : null);

const findType = choiceFinder(
  INSPECTOR_TYPES.map((key) => ({ key, label: INSPECTOR_TYPE_LABELS[key] })),
  '督学',
);

/**
 * Imports the inspectors list with their zones and units. A row matches by 督学证号, else by
 * (姓名, 公开电话). Zone and unit columns, when present, replace that inspector's assignments.
 */
export async function importInspectors(
  ctx: ServiceContext,
  bytes: Uint8Array,
  dryRun: boolean,
): Promise<ImportResult> {
  authorize(ctx.actor, 'inspectors.manage');
  const { db, tenant } = ctx;
  const config = tenant.config;
  const columns = inspectorColumns(config);
  const headerOf = (key: string) => columns.find((c) => c.key === key)?.header ?? key;
  const errors = new RowErrors();
  const table = readTable<InspectorColumnKey>(bytes, columns, errors);
  const has = (key: InspectorColumnKey) => table.present.has(key);

  const [existing, zoneRows, unitRows, zoneLinks, unitLinks] = await db.batch([
    db.select().from(inspectors),
    db.select({ id: zones.id, name: zones.name }).from(zones),
    db.select({ id: units.id, name: units.name, code: units.code, status: units.status }).from(units),
    db.select().from(inspectorZones),
    db.select().from(inspectorUnits),
  ]);
  const zoneRefs = new ZoneRefs(zoneRows);
  const unitIndex = new NameIndex();
  // Archived units stay findable so existing assignments re-import unchanged; new links are refused.
  const archived = new Map(unitRows.filter((u) => u.status !== 'active').map((u) => [u.id, u.name]));
  for (const u of unitRows) {
    unitIndex.add(u.name, u.id);
    unitIndex.add(u.code, u.id);
  }
  const byCert = new Map(existing.filter((i) => i.certificateNo).map((i) => [i.certificateNo as string, i]));
  const byKey = new Map(existing.map((i) => [keyOf(i.name, i.phone), i]));
  const byName = new NameIndex();
  for (const i of existing) byName.add(i.name, i.id);
  const existingById = new Map(existing.map((i) => [i.id, i]));
  const zonesOf = new Map<string, string[]>();
  for (const l of zoneLinks) zonesOf.set(l.inspectorId, [...(zonesOf.get(l.inspectorId) ?? []), l.zoneId]);
  const unitsOf = new Map<string, string[]>();
  for (const l of unitLinks) unitsOf.set(l.inspectorId, [...(unitsOf.get(l.inspectorId) ?? []), l.unitId]);

  const fileCerts = new Map<string, number>();
  const fileKeys = new Map<string, number>();
  const claimed = new Map<string, number>();
  const inserts: (typeof inspectors.$inferInsert)[] = [];
  const updates: { id: string; set: Partial<InspectorRecord> }[] = [];
  const zoneSets: { id: string; zoneIds: string[] }[] = [];
  const unitSets: { id: string; unitIds: string[] }[] = [];
  let unchanged = 0;
  let rows = 0;
  const now = new Date().toISOString();

  for (const { row, values } of table.records) {
    if (isExample(values.name)) continue;
    rows++;
    const before = errors.list.length;
    const typeText = str(values.type) ?? '';
    const type = typeText ? findType(typeText) : null;
    if (!type && !errors.has(row, headerOf('type'))) {
      errors.add(
        row,
        headerOf('type'),
        typeText
          ? `类型“${typeText}”无效，可填：${Object.values(INSPECTOR_TYPE_LABELS).join('、')}`
          : '请填写类型',
      );
    }
    const input: Record<string, unknown> = { name: str(values.name) ?? '', type: type ?? 'full_time' };
    for (const key of FIELDS) {
      if (key === 'name' || key === 'type' || values[key] === undefined) continue;
      // A blank 培训学时 is 0, the form's default.
      if (key === 'trainingHours' && values[key] === null) continue;
      input[key] = values[key];
    }
    const parsed = v.safeParse(InspectorInput, input);
    if (!parsed.success) addIssues(errors, row, parsed.issues, headerOf);
    const fields = parsed.success ? parsed.output : null;
    const name = fields?.name ?? '';
    const cert = fields?.certificateNo ?? null;

    let target: InspectorRecord | undefined = cert ? byCert.get(cert) : undefined;
    if (!target && fields && has('phone')) {
      const same = byKey.get(keyOf(name, fields.phone));
      if (same && (!cert || !same.certificateNo)) target = same;
    }
    if (!target && fields && !has('phone')) {
      const named = byName.find(name);
      if (named.length > 1) {
        errors.add(row, headerOf('name'), `有多名叫“${name}”的督学：请加上“公开电话”列或填写督学证号`);
      } else if (named.length === 1) {
        const only = existingById.get(named[0] as string) as InspectorRecord;
        if (!cert || !only.certificateNo) target = only;
      }
    }
    const finalKey = keyOf(name, has('phone') ? fields?.phone : (target?.phone ?? null));

    if (fields && errors.list.length === before) {
      if (cert) {
        const first = fileCerts.get(cert);
        if (first !== undefined) {
          errors.add(first, headerOf('certificateNo'), `督学证号 ${cert} 与第 ${row} 行重复`);
          errors.add(row, headerOf('certificateNo'), `督学证号 ${cert} 与第 ${first} 行重复`);
        } else fileCerts.set(cert, row);
      }
      const firstKey = fileKeys.get(finalKey);
      if (firstKey !== undefined) {
        errors.add(firstKey, headerOf('name'), `与第 ${row} 行重复：姓名和公开电话都相同`);
        errors.add(row, headerOf('name'), `与第 ${firstKey} 行重复：姓名和公开电话都相同`);
      } else fileKeys.set(finalKey, row);
      if (target) {
        const firstClaim = claimed.get(target.id);
        if (firstClaim !== undefined && firstClaim !== firstKey) {
          errors.add(firstClaim, headerOf('name'), `与第 ${row} 行是同一名督学，请删除其中一行`);
          errors.add(row, headerOf('name'), `与第 ${firstClaim} 行是同一名督学，请删除其中一行`);
        } else claimed.set(target.id, row);
      }
    }

    let zoneIds: string[] | undefined;
    if (has('zones')) {
      const names = (values.zones as string[] | undefined) ?? [];
      if (names.length > MAX_ASSIGNED_ZONES) {
        errors.add(row, headerOf('zones'), `一名督学最多 ${MAX_ASSIGNED_ZONES} 个责任区`);
      }
      zoneIds = names
        .map((z) => zoneRefs.resolve(z, errors, row, headerOf('zones')))
        .filter((z): z is string => z !== null);
    }
    let unitIds: string[] | undefined;
    if (has('units')) {
      const refs = (values.units as string[] | undefined) ?? [];
      if (refs.length > MAX_ASSIGNED_UNITS) {
        errors.add(row, headerOf('units'), `一名督学最多直接负责 ${MAX_ASSIGNED_UNITS} 个单位`);
      }
      unitIds = [];
      for (const ref of refs) {
        const found = unitIndex.find(ref);
        if (found.length === 1) unitIds.push(found[0] as string);
        else if (found.length > 1)
          errors.add(row, headerOf('units'), `有多个名为“${ref}”的单位，请改填它的单位代码`);
        else errors.add(row, headerOf('units'), `单位“${ref}”不存在，请核对名称`);
      }
      unitIds = [...new Set(unitIds)];
      const current = new Set(target ? (unitsOf.get(target.id) ?? []) : []);
      for (const id of unitIds) {
        if (archived.has(id) && !current.has(id)) {
          errors.add(row, headerOf('units'), `“${archived.get(id)}”已归档，不能再分配给督学`);
        }
      }
    }

    if (!fields || !type || errors.list.length > before) continue;
    const id = target?.id ?? crypto.randomUUID();
    const next: Partial<InspectorRecord> = { name, type: fields.type };
    if (cert) next.certificateNo = cert;
    for (const key of FIELDS) {
      if (key === 'name' || key === 'type' || key === 'certificateNo' || !has(key)) continue;
      (next as Record<string, unknown>)[key] = fields[key] ?? (key === 'trainingHours' ? 0 : null);
    }
    let changed = false;
    if (zoneIds && !sameList(zoneIds, zonesOf.get(id) ?? [])) {
      zoneSets.push({ id, zoneIds });
      changed = true;
    }
    if (unitIds && !sameList(unitIds, unitsOf.get(id) ?? [])) {
      unitSets.push({ id, unitIds });
      changed = true;
    }
    if (!target) {
      inserts.push({
        id,
        ...next,
        name,
        type: fields.type,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      });
      continue;
    }
    const set: Partial<InspectorRecord> = {};
    for (const key of FIELDS as readonly Field[]) {
      if (key in next && next[key] !== target[key]) (set as Record<string, unknown>)[key] = next[key];
    }
    if (Object.keys(set).length > 0) {
      updates.push({ id, set });
      changed = true;
    }
    if (!changed) unchanged++;
  }
  errors.throwIfAny();

  const updatedIds = new Set([...updates, ...zoneSets, ...unitSets].map((u) => u.id));
  for (const i of inserts) updatedIds.delete(i.id as string);
  const { result, nothingToWrite } = importReport(dryRun, table, {
    rows,
    created: inserts.length,
    updated: updatedIds.size,
    unchanged,
    zonesCreated: zoneRefs.created.map((z) => z.name),
  });
  if (nothingToWrite) return result;

  const statements: Statement[] = [
    ...zoneRefs.inserts(db),
    ...chunks(inserts).map((batch) => db.insert(inspectors).values(batch)),
    ...updates.map((u) =>
      db
        .update(inspectors)
        .set({ ...u.set, updatedAt: now })
        .where(eq(inspectors.id, u.id)),
    ),
    ...zoneSets.flatMap((s) => [
      db.delete(inspectorZones).where(eq(inspectorZones.inspectorId, s.id)),
      ...(s.zoneIds.length > 0
        ? [db.insert(inspectorZones).values(s.zoneIds.map((zoneId) => ({ inspectorId: s.id, zoneId })))]
        : []),
    ]),
    ...unitSets.flatMap((s) => [
      db.delete(inspectorUnits).where(eq(inspectorUnits.inspectorId, s.id)),
      ...(s.unitIds.length > 0
        ? [db.insert(inspectorUnits).values(s.unitIds.map((unitId) => ({ inspectorId: s.id, unitId })))]
        : []),
    ]),
    tenantAudit(db, actorWho(ctx), {
      action: 'import.inspectors',
      entityType: 'inspector',
      details: {
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        zonesCreated: result.zonesCreated,
        format: result.format,
      },
    }),
  ];
  await commit(db, statements);
  return result;
}
