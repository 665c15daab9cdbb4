import type { Context } from 'hono';
import * as v from 'valibot';
import { isCalendarDate } from './dates';
import { AppError, type FieldIssue, validationError } from './errors';

/**
 * Field issues for the 422 body. valibot reports a missing key and a body that is not an object
 * with its own English text; those two get Chinese messages here, the rest carry the schema's.
 */
export function issuesOf(issues: v.BaseIssue<unknown>[]): FieldIssue[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue) ?? '';
    if (issue.kind === 'schema' && issue.type === 'object') {
      return { path, message: path ? `缺少必填项“${path}”，请填写` : '请求内容应为 JSON 对象' };
    }
    return { path, message: issue.message };
  });
}

export function parseWith<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (!result.success) throw validationError(issuesOf(result.issues));
  return result.output;
}

/** Reads a JSON body and validates it: 415 for another content type, 400 for broken JSON, 422 for bad fields. */
export async function jsonBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let input: unknown;
  try {
    input = await c.req.json();
  } catch {
    throw new AppError('INVALID_JSON');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw validationError([{ path: '', message: '请求内容应为 JSON 对象' }]);
  }
  return parseWith(schema, input);
}

export function queryParams<S extends v.GenericSchema>(c: Context, schema: S): v.InferOutput<S> {
  return parseWith(schema, c.req.query());
}

/** Messages shared by many schemas, so each says in Chinese what to fix. */
export const text = (label: string, max: number) =>
  v.pipe(
    v.string(`${label}必须是文字`),
    v.trim(),
    v.nonEmpty(`请填写${label}`),
    v.maxLength(max, `${label}不能超过 ${max} 个字`),
  );

export const optionalText = (label: string, max: number) =>
  v.optional(
    v.nullable(
      v.pipe(v.string(`${label}必须是文字`), v.trim(), v.maxLength(max, `${label}不能超过 ${max} 个字`)),
    ),
  );

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;

/** A mainland mobile (13812345678) or landline (0561-6010001, extension allowed); blanks become null. */
export const optionalPhone = (label: string) =>
  v.optional(
    v.nullable(
      v.pipe(
        v.string(`${label}必须是文字`),
        v.trim(),
        v.transform((s) => s.replace(/[\s（）()]/g, '')),
        v.check(
          (s) => s === '' || MOBILE.test(s) || LANDLINE.test(s),
          `${label}格式不正确，应为 11 位手机号或带区号的固定电话（如 0561-6010001）`,
        ),
        v.transform((s) => (s === '' ? null : s)),
      ),
    ),
  );

export const optionalEmail = (label: string) =>
  v.optional(
    v.nullable(
      v.pipe(
        v.string(`${label}必须是文字`),
        v.trim(),
        v.maxLength(100, `${label}不能超过 100 个字符`),
        v.check(
          (s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
          `${label}格式不正确，应类似 name@example.cn`,
        ),
        v.transform((s) => (s === '' ? null : s)),
      ),
    ),
  );

/** A calendar date as YYYY-MM-DD that exists (no 2026-02-30). */
export const optionalDate = (label: string) =>
  v.optional(
    v.nullable(
      v.pipe(
        v.string(`${label}必须是日期`),
        v.trim(),
        v.check(
          (s) => s === '' || isCalendarDate(s),
          `${label}应为 YYYY-MM-DD 格式的有效日期，如 2026-09-01`,
        ),
        v.transform((s) => (s === '' ? null : s)),
      ),
    ),
  );

/** A non-negative whole number such as an enrolment; blank means unknown (null). */
export const optionalCount = (label: string, max: number) =>
  v.optional(
    v.nullable(
      v.pipe(
        v.number(`${label}必须是数字`),
        v.integer(`${label}必须是整数`),
        v.minValue(0, `${label}不能是负数`),
        v.maxValue(max, `${label}不能超过 ${max}`),
      ),
    ),
  );

/** Ids in paths are UUIDs; anything else is a 404 before any lookup. */
export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function pathId(c: Context, name = 'id'): string {
  const id = c.req.param(name) ?? '';
  if (!ID_PATTERN.test(id)) throw new AppError('NOT_FOUND');
  return id;
}

/**
 * A page number or page size from the query string: whole, from 1 to `max`, `fallback` when absent.
 * `page: pageParam('页码', 10_000, '1')`, `pageSize: pageParam('每页条数', 100, '20')`.
 */
export function pageParam(label: string, max: number, fallback: string) {
  return v.optional(
    v.pipe(
      v.string(),
      v.toNumber(`${label}必须是数字`),
      v.integer(`${label}必须是整数`),
      v.minValue(1, `${label}至少为 1`),
      v.maxValue(max, `${label}不能超过 ${max}`),
    ),
    fallback,
  );
}
