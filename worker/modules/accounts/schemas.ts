import * as v from 'valibot';
import { TENANT_ROLES } from '../../../db/schema/tenant';
import { optionalPhone, pageParam, text } from '../../validation';

/** Chinese role names, as forms, lists and spreadsheets show them. */
export const ROLE_LABELS: Record<(typeof TENANT_ROLES)[number], string> = {
  admin: '系统管理员',
  director: '督导室主任',
  inspector: '督学',
  unit_manager: '单位负责人',
  teacher: '教师',
  viewer: '查阅人员',
};

export const Username = v.pipe(
  v.string('用户名必须是文字'),
  v.trim(),
  v.toLowerCase(),
  v.nonEmpty('请填写用户名'),
  v.regex(
    /^[a-z0-9][a-z0-9_.-]{2,31}$/,
    '用户名须为 3–32 位小写字母、数字、下划线、点或连字符，以字母或数字开头',
  ),
);

export const UserFields = {
  username: Username,
  displayName: text('姓名', 30),
  role: v.picklist(TENANT_ROLES, '角色无效，请从列表中选择'),
  phone: optionalPhone('手机号'),
};

/** 听课类别: a key of the tenant's observation quota roles, checked by the verb (it knows the tenant); blank is none. */
const QuotaRoleField = v.optional(
  v.nullable(
    v.pipe(
      v.string('听课类别无效，请从列表中选择'),
      v.trim(),
      v.transform((s) => (s === '' ? null : s)),
    ),
  ),
);

export const UserInput = v.object({
  ...UserFields,
  unitId: v.optional(v.nullable(v.string())),
  quotaRole: QuotaRoleField,
});
export type UserInput = v.InferOutput<typeof UserInput>;

/** Roles that act for one unit (a principal, a teacher): their account must name it. */
export const UNIT_ROLES: readonly (typeof TENANT_ROLES)[number][] = ['unit_manager', 'teacher'];

export function roleNeedsUnit(role: (typeof TENANT_ROLES)[number]): boolean {
  return UNIT_ROLES.includes(role);
}

export const UNIT_REQUIRED_MESSAGE = '单位负责人和教师账号必须选择所属单位';

export const USER_STATUSES = ['active', 'disabled'] as const;

export const USER_STATUS_LABELS: Record<(typeof USER_STATUSES)[number], string> = {
  active: '正常',
  disabled: '已停用',
};

/** What an admin may change on an existing account (the username stays: it is how people sign in). */
export const UserPatch = v.object({
  displayName: v.optional(UserFields.displayName),
  role: v.optional(UserFields.role),
  phone: UserFields.phone,
  unitId: v.optional(v.nullable(v.string('所属单位无效，请从列表中选择'))),
  quotaRole: QuotaRoleField,
});
export type UserPatch = v.InferOutput<typeof UserPatch>;

export const ListUsersQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(50, '搜索词不能超过 50 个字')), ''),
  role: v.optional(v.union([v.literal(''), v.picklist(TENANT_ROLES)], '角色无效，请从列表中选择'), ''),
  status: v.optional(
    v.union([v.literal(''), v.picklist(USER_STATUSES)], '状态只能是 active 或 disabled'),
    '',
  ),
  unitId: v.optional(v.pipe(v.string(), v.maxLength(40, '所属单位无效')), ''),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '20'),
});
export type ListUsersQuery = v.InferOutput<typeof ListUsersQuery>;
