import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { addSchemeVersion } from './add-scheme-version';
import { createScheme } from './create-scheme';
import { readSchemeSheet } from './scheme-sheet';

/** A scheme from an Excel sheet in the usual layout; nothing is kept unless every row is good. */
export async function importScheme(
  ctx: ServiceContext,
  input: { name: string; kind: Parameters<typeof createScheme>[1]['kind'] },
  bytes: Uint8Array,
) {
  authorize(ctx.actor, 'evaluation.manage');
  const body = readSchemeSheet(bytes);
  return createScheme(ctx, { ...input, body }, 'sheet');
}

/** An office's edit made in Excel (export, change, import): a new version on top of the scheme. */
export async function importSchemeVersion(
  ctx: ServiceContext,
  id: string,
  note: string | undefined,
  bytes: Uint8Array,
) {
  authorize(ctx.actor, 'evaluation.manage');
  const body = readSchemeSheet(bytes);
  return addSchemeVersion(ctx, id, { body, note: note ?? '从表格导入' });
}
