import { asc } from 'drizzle-orm';
import { TENANT_ROLES, units, users } from '../../../db/schema/tenant';
import type { TenantConfig } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import type { Column } from '../../spreadsheet/table';
import { workbookBytes } from '../../spreadsheet/write';
import { ROLE_LABELS, UNIT_REQUIRED_MESSAGE, USER_STATUS_LABELS } from '../accounts/schemas';
import { EXAMPLE_MARK } from './common';
import { instructionsSheet } from './instructions';

export type UserColumnKey = 'username' | 'displayName' | 'role' | 'unit' | 'phone' | 'quotaRole';

export function userColumns(config: TenantConfig): Column<UserColumnKey>[] {
  const { unit } = config.vocabulary;
  return [
    { key: 'username', header: '用户名', aliases: ['账号', '登录名'], required: true, type: 'text' },
    { key: 'displayName', header: '姓名', aliases: [], required: true, type: 'text' },
    { key: 'role', header: '角色', aliases: [], required: true, type: 'text' },
    { key: 'unit', header: '所属单位', aliases: [`所属${unit}`, '单位'], type: 'text' },
    { key: 'phone', header: '手机号', aliases: ['手机', '电话', '联系电话'], type: 'text' },
    // The observation quota (听课任务) the person is held to: a quota role's label or key.
    { key: 'quotaRole', header: '听课类别', aliases: ['听课任务', '听课任务类别'], type: 'text' },
  ];
}

export function usersTemplate(ctx: ServiceContext): Uint8Array {
  authorize(ctx.actor, 'users.manage');
  const config = ctx.tenant.config;
  const columns = userColumns(config);
  return workbookBytes([
    {
      name: '账号名单',
      rows: [
        columns.map((c) => c.header),
        ['zhangsan', `${EXAMPLE_MARK}张三`, ROLE_LABELS.inspector, '', '13800000000', ''],
      ],
    },
    instructionsSheet([
      ['每行一个账号；“用户名”“姓名”“角色”必须填写。'],
      [`以“${EXAMPLE_MARK}”开头的行是示例，不会导入，可以删除。`],
      [
        '用户名',
        '3–32 位小写字母、数字、下划线、点或连字符，以字母或数字开头；已有的用户名会更新姓名、角色、单位和手机号，不会改密码。',
      ],
      ['角色', `可填：${TENANT_ROLES.map((r) => ROLE_LABELS[r]).join('、')}`],
      ['所属单位', `填写${config.vocabulary.unit}名称（同名时填单位代码）。${UNIT_REQUIRED_MESSAGE}。`],
      ['手机号', '11 位手机号，可空。'],
      [
        '听课类别',
        config.observationQuotas.roles.length
          ? `每学期听课任务的类别，可填：${config.observationQuotas.roles.map((r) => `${r.label}（${r.perSemester} 节）`).join('、')}；可空（不计听课任务）。${ROLE_LABELS.inspector}按每周听课任务计算，不必填写。`
          : '本单位未设置听课任务类别，请留空。',
      ],
      ['初始密码', '新账号的一次性密码在导入完成后显示一次，请打印或转告本人；首次登录须修改密码。'],
      ['合并单元格', '请不要合并单元格；每行每格各填一个值。'],
    ]),
  ]);
}

/** Every account (disabled ones marked), never a password or its hash. */
export async function exportUsers(ctx: ServiceContext): Promise<Uint8Array> {
  authorize(ctx.actor, 'users.read');
  const { db, tenant } = ctx;
  const [rows, unitRows] = await db.batch([
    db
      .select({
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        unitId: users.unitId,
        phone: users.phone,
        quotaRole: users.quotaRole,
        status: users.status,
      })
      .from(users)
      .orderBy(asc(users.username)),
    db.select({ id: units.id, name: units.name, code: units.code }).from(units),
  ]);
  const nameCount = new Map<string, number>();
  for (const u of unitRows) nameCount.set(u.name, (nameCount.get(u.name) ?? 0) + 1);
  const unitRef = new Map(
    unitRows.map((u) => [u.id, (nameCount.get(u.name) ?? 0) > 1 && u.code ? u.code : u.name]),
  );
  const columns = userColumns(tenant.config);
  const quotaLabel = new Map(tenant.config.observationQuotas.roles.map((r) => [r.key, r.label]));
  return workbookBytes([
    {
      name: '账号名单',
      rows: [
        [...columns.map((c) => c.header), '状态'],
        ...rows.map((u) => [
          u.username,
          u.displayName,
          ROLE_LABELS[u.role],
          u.unitId ? (unitRef.get(u.unitId) ?? '') : '',
          u.phone ?? '',
          u.quotaRole ? (quotaLabel.get(u.quotaRole) ?? u.quotaRole) : '',
          USER_STATUS_LABELS[u.status],
        ]),
      ],
    },
  ]);
}
