import type { Context } from 'hono';
import * as v from 'valibot';
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
