import * as v from 'valibot';
import { TENANT_ROLES } from '../../../db/schema/tenant';
import { optionalPhone, text } from '../../validation';

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

export const UserInput = v.object({
  ...UserFields,
  unitId: v.optional(v.nullable(v.string())),
});
export type UserInput = v.InferOutput<typeof UserInput>;
