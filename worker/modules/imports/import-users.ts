import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { TENANT_ROLES, type TenantRole, units, users } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { generatePassword } from '../../auth/one-time-password';
import { hashPassword } from '../../auth/password';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { addIssues, type ColumnValue, RowErrors, readTable } from '../../spreadsheet/table';
import { ROLE_LABELS, roleNeedsUnit, UNIT_REQUIRED_MESSAGE, UserFields } from '../accounts/schemas';
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
import { type UserColumnKey, userColumns } from './users-sheet';

const UserRow = v.object(UserFields);
type UserRecord = typeof users.$inferSelect;
const str = (value: ColumnValue | undefined) => (typeof value === 'string' ? value : null);

const findRole = choiceFinder(TENANT_ROLES.map((key) => ({ key, label: ROLE_LABELS[key] })));

/**
 * New accounts get random 12-character one-time passwords (about 69 bits): no dictionary or
 * brute force can reach them at any iteration count, so they are hashed with fewer PBKDF2
 * iterations than chosen passwords, which keeps a 5,000-account file within a Worker's CPU budget.
 * The holder must change it at first sign-in, and that password gets the full count.
 */
export const ONE_TIME_PASSWORD_ITERATIONS = 1_000;

interface Change {
  id: string;
  username: string;
  set: Partial<Pick<UserRecord, 'displayName' | 'role' | 'unitId' | 'phone' | 'quotaRole'>>;
  from: TenantRole;
}

/**
 * Imports accounts by 用户名: existing ones get their name, role, unit and phone updated (never the
 * password); new ones get one-time passwords, returned once in the answer and never stored in clear.
 */
export async function importUsers(
  ctx: ServiceContext,
  bytes: Uint8Array,
  dryRun: boolean,
): Promise<ImportResult> {
  authorize(ctx.actor, 'users.manage');
  const { db, tenant } = ctx;
  const columns = userColumns(tenant.config);
  const headerOf = (key: string) => columns.find((c) => c.key === key)?.header ?? key;
  const errors = new RowErrors();
  const table = readTable<UserColumnKey>(bytes, columns, errors);
  const has = (key: UserColumnKey) => table.present.has(key);
  const quotaRoles = tenant.config.observationQuotas.roles;
  const findQuotaRole = choiceFinder(quotaRoles.map((r) => ({ key: r.key, label: r.label })));

  const [existing, unitRows] = await db.batch([
    db.select().from(users),
    db.select({ id: units.id, name: units.name, code: units.code, status: units.status }).from(units),
  ]);
  const byUsername = new Map(existing.map((u) => [u.username, u]));
  const unitIndex = new NameIndex();
  // Archived units stay findable so accounts linked to them re-import unchanged; new links are refused.
  const archived = new Map(unitRows.filter((u) => u.status !== 'active').map((u) => [u.id, u.name]));
  for (const u of unitRows) {
    unitIndex.add(u.name, u.id);
    unitIndex.add(u.code, u.id);
  }

  const fileUsernames = new Map<string, number>();
  const news: { row: number; values: typeof users.$inferInsert }[] = [];
  const changes: Change[] = [];
  let unchanged = 0;
  let rows = 0;
  const now = new Date().toISOString();

  for (const { row, values } of table.records) {
    if (isExample(values.displayName)) continue;
    rows++;
    const before = errors.list.length;
    const roleText = str(values.role) ?? '';
    const role = roleText ? findRole(roleText) : null;
    if (!role && !errors.has(row, headerOf('role'))) {
      errors.add(
        row,
        headerOf('role'),
        roleText
          ? `角色“${roleText}”无效，可填：${TENANT_ROLES.map((r) => ROLE_LABELS[r]).join('、')}`
          : '请填写角色',
      );
    }
    const input: Record<string, unknown> = {
      username: str(values.username) ?? '',
      displayName: str(values.displayName) ?? '',
      role: role ?? 'viewer',
    };
    if (values.phone !== undefined) input.phone = values.phone;
    const parsed = v.safeParse(UserRow, input);
    if (!parsed.success) addIssues(errors, row, parsed.issues, headerOf);
    const fields = parsed.success ? parsed.output : null;
    const target = fields ? byUsername.get(fields.username) : undefined;

    let unitId: string | null | undefined;
    if (has('unit')) {
      const ref = str(values.unit);
      if (ref) {
        const found = unitIndex.find(ref);
        if (found.length === 1) unitId = found[0];
        else if (found.length > 1)
          errors.add(row, headerOf('unit'), `有多个名为“${ref}”的单位，请改填它的单位代码`);
        else errors.add(row, headerOf('unit'), `单位“${ref}”不存在，请核对名称`);
      } else unitId = null;
    }
    let quotaRole: string | null | undefined;
    if (has('quotaRole')) {
      const text = str(values.quotaRole)?.trim() ?? '';
      quotaRole = text ? findQuotaRole(text) : null;
      if (text && !quotaRole) {
        errors.add(
          row,
          headerOf('quotaRole'),
          quotaRoles.length
            ? `听课类别“${text}”无效，可填：${quotaRoles.map((r) => r.label).join('、')}，或留空`
            : '本单位未设置听课任务类别，请留空',
        );
      }
    }

    if (unitId && archived.has(unitId) && unitId !== target?.unitId) {
      errors.add(row, headerOf('unit'), `“${archived.get(unitId)}”已归档，请选择在用的单位`);
    }

    if (fields) {
      const first = fileUsernames.get(fields.username);
      if (first !== undefined) {
        errors.add(first, headerOf('username'), `用户名 ${fields.username} 与第 ${row} 行重复`);
        errors.add(row, headerOf('username'), `用户名 ${fields.username} 与第 ${first} 行重复`);
      } else fileUsernames.set(fields.username, row);
      const finalUnit = unitId !== undefined ? unitId : (target?.unitId ?? null);
      if (role && roleNeedsUnit(role) && !finalUnit && !errors.has(row, headerOf('unit'))) {
        errors.add(row, headerOf('unit'), UNIT_REQUIRED_MESSAGE);
      }
      if (target && target.id === ctx.actor.id && role && role !== target.role) {
        errors.add(row, headerOf('role'), '不能通过导入修改自己的角色，请删除这一行或保持原角色');
      }
    }
    if (!fields || !role || errors.list.length > before) continue;

    const next: Change['set'] = { displayName: fields.displayName, role };
    if (fields.phone !== undefined) next.phone = fields.phone;
    if (unitId !== undefined) next.unitId = unitId;
    if (quotaRole !== undefined) next.quotaRole = quotaRole;
    if (!target) {
      news.push({
        row,
        values: {
          id: crypto.randomUUID(),
          username: fields.username,
          displayName: fields.displayName,
          role,
          phone: next.phone ?? null,
          unitId: next.unitId ?? null,
          quotaRole: next.quotaRole ?? null,
          passwordHash: '',
          status: 'active',
          mustChangePassword: true,
          createdAt: now,
          updatedAt: now,
        },
      });
      continue;
    }
    const set: Change['set'] = {};
    for (const key of ['displayName', 'role', 'unitId', 'phone', 'quotaRole'] as const) {
      if (key in next && next[key] !== target[key]) (set as Record<string, unknown>)[key] = next[key];
    }
    if (Object.keys(set).length === 0) unchanged++;
    else changes.push({ id: target.id, username: target.username, set, from: target.role });
  }
  errors.throwIfAny();

  const { result, nothingToWrite } = importReport(dryRun, table, {
    rows,
    created: news.length,
    updated: changes.length,
    unchanged,
  });
  if (nothingToWrite) return result;

  const credentials = news.map((n) => ({
    username: n.values.username,
    displayName: n.values.displayName,
    password: generatePassword(),
  }));
  const hashes = await Promise.all(
    credentials.map((c) => hashPassword(c.password, ONE_TIME_PASSWORD_ITERATIONS)),
  );
  news.forEach((n, i) => {
    n.values.passwordHash = hashes[i] as string;
  });
  const roleChanges = changes
    .filter((c) => c.set.role && c.set.role !== c.from)
    .map((c) => ({ username: c.username, from: c.from, to: c.set.role }));
  const statements: Statement[] = [
    ...chunks(news.map((n) => n.values)).map((batch) => db.insert(users).values(batch)),
    ...changes.map((c) =>
      db
        .update(users)
        .set({ ...c.set, updatedAt: now })
        .where(eq(users.id, c.id)),
    ),
    tenantAudit(db, actorWho(ctx), {
      action: 'import.users',
      entityType: 'user',
      details: {
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        createdUsernames: credentials.map((c) => c.username).slice(0, 200),
        roleChanges: roleChanges.slice(0, 200),
        format: result.format,
      },
    }),
  ];
  await commit(db, statements);
  return { ...result, credentials };
}
