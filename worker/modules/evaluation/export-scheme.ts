import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { workbookBytes } from '../../spreadsheet/write';
import { schemeWithVersion } from './records';
import { schemeSheet } from './scheme-sheet';

/** The scheme as an .xlsx in the layout `import` reads back. */
export async function exportScheme(ctx: ServiceContext, id: string, version?: number) {
  authorize(ctx.actor, 'evaluation.read');
  const scheme = await schemeWithVersion(ctx.db, id, version);
  return { scheme, bytes: workbookBytes([schemeSheet(scheme.name, scheme.body)]) };
}
