import type { OutCell, SheetSpec } from '../../spreadsheet/write';

/** The template's second sheet: what each column takes, in the office's own words. */
export function instructionsSheet(lines: OutCell[][]): SheetSpec {
  return { name: '填写说明', rows: [['项目', '说明'], ...lines] };
}
