import * as v from 'valibot';
import { TENANT_KINDS } from '../../../tenants/config/schema';
import { isReservedSlug, SLUG_PATTERN } from '../../../tenants/config/slug';
import { optionalText, text } from '../../validation';

export const SignupInput = v.object({
  orgName: text('单位名称', 60),
  kind: v.picklist(TENANT_KINDS, '单位类型只能是县（county）、区（district）或职业院校（college）'),
  regionCode: v.pipe(
    v.string('请填写行政区划代码'),
    v.trim(),
    v.regex(/^\d{6}$/, '行政区划代码应为 6 位数字（GB/T 2260）'),
  ),
  province: text('所在省份', 20),
  city: text('所在城市', 20),
  contactName: text('联系人', 20),
  contactPhone: v.pipe(
    v.string('请填写联系电话'),
    v.trim(),
    v.regex(/^1\d{10}$/, '联系电话应为 11 位手机号码'),
  ),
  contactEmail: v.optional(
    v.nullable(
      v.union(
        [
          v.literal(''),
          v.pipe(v.string(), v.trim(), v.email('邮箱格式不正确'), v.maxLength(100, '邮箱过长')),
        ],
        '邮箱格式不正确',
      ),
    ),
  ),
  desiredSlug: v.pipe(
    v.string('请填写单位代码'),
    v.trim(),
    v.toLowerCase(),
    v.regex(SLUG_PATTERN, '单位代码应以小写字母开头，由 3–30 个小写字母、数字或连字符组成'),
    v.check((slug) => !isReservedSlug(slug), '该单位代码为系统保留，请换一个'),
  ),
  note: optionalText('备注', 500),
});

export type SignupInput = v.InferOutput<typeof SignupInput>;

export const RejectInput = v.object({ reason: text('驳回理由', 200) });
