import type { Context } from 'hono';
import * as v from 'valibot';
import { placeRubricIssues, RubricBodySchema } from '../../../tenants/observations/rubric';
import { AppError, type FieldIssue, validationError } from '../../errors';
import { jsonBody, text } from '../../validation';

const name = text('评课标准名称', 60);
const baseVersion = v.pipe(
  v.number('缺少所依据的版本号，请刷新后重新修改'),
  v.integer('版本号必须是整数'),
  v.minValue(1, '版本号至少为 1'),
);

/** A new office rubric: its first version is `body`. */
export const CreateRubricInput = v.object({ name, body: RubricBodySchema });
export type CreateRubricInput = v.InferOutput<typeof CreateRubricInput>;

/** A copy of a rubric's latest version; without a name it is called “<name>（副本）”. */
export const CopyRubricInput = v.object({ name: v.optional(name) });
export type CopyRubricInput = v.InferOutput<typeof CopyRubricInput>;

/**
 * An edit, which is a new version holding the whole body (and, if given, a new name). `baseVersion`
 * is the version the editor started from: if someone saved another meanwhile, the edit is refused.
 */
export const NewRubricVersionInput = v.object({
  name: v.optional(name),
  body: RubricBodySchema,
  baseVersion,
});
export type NewRubricVersionInput = v.InferOutput<typeof NewRubricVersionInput>;

/**
 * `jsonBody` for inputs holding a rubric `body`: each 422 message about a section or an item starts
 * with where it is (“第 2 部分“教学内容”第 3 项“内容选取”：…”), so the editor can find the item.
 */
export async function rubricJsonBody<S extends v.GenericSchema>(
  c: Context,
  schema: S,
): Promise<v.InferOutput<S>> {
  try {
    return await jsonBody(c, schema);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
    // Hono keeps the parsed body, so this reads no stream twice.
    const raw = (await c.req.json().catch(() => null)) as { body?: unknown } | null;
    const issues = (err.details?.issues ?? []) as FieldIssue[];
    throw validationError(placeRubricIssues(raw?.body, 'body.', issues), err.message);
  }
}
