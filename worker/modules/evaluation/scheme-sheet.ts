import * as v from 'valibot';
import {
  type SchemeBody,
  SchemeBodySchema,
  type SchemeIndicator,
  walkIndicators,
} from '../../../tenants/evaluation/scheme';
import { type CellValue, readSheetFile, type SheetRow } from '../../spreadsheet/file';
import { fileError, normalizeHeader, type RowError } from '../../spreadsheet/table';
import type { OutCell, SheetSpec } from '../../spreadsheet/write';

/**
 * A scheme as offices keep it in Excel: 一级指标 | 二级指标 | (三级指标) | 分值 | 评估要点 | 评分说明 |
 * 佐证材料, one row per scored indicator, the upper levels usually in merged cells. Names may start
 * with their code ("A1 学校发展规划", "1.2、经费投入"); without one, codes are numbered 1, 1.1, 1.1.1.
 */
const COLUMNS = {
  level1: ['一级指标', '一级指标名称', 'a级指标'],
  level2: ['二级指标', '二级指标名称', 'b级指标'],
  level3: ['三级指标', '三级指标名称', 'c级指标'],
  points: ['分值', '分数', '标准分', '满分'],
  criteria: ['评估要点', '评估内容', '评价要点', '评估标准', '考核内容'],
  guidance: ['评分说明', '评分标准', '评分细则', '计分办法'],
  evidence: ['佐证材料', '佐证资料', '评估方式', '材料'],
} as const;
type ColumnKey = keyof typeof COLUMNS;

export const SCHEME_SHEET_HEADERS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '分值',
  '评估要点',
  '评分说明',
  '佐证材料',
];

const CODE = /^([A-Za-z]?\d+(?:\.\d+)*)[\s、.．:：]+(.+)$/s;

function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return '';
  return String(cell).trim();
}

function findHeader(rows: SheetRow[]): { row: number; at: Map<ColumnKey, number> } | null {
  for (const line of rows.slice(0, 10)) {
    const at = new Map<ColumnKey, number>();
    line.cells.forEach((cell, index) => {
      const text = normalizeHeader(cellText(cell));
      for (const [key, names] of Object.entries(COLUMNS) as [ColumnKey, readonly string[]][]) {
        if (!at.has(key) && names.some((n) => normalizeHeader(n) === text)) at.set(key, index);
      }
    });
    if (at.has('level1') && at.has('points')) return { row: line.row, at };
  }
  return null;
}

/** Excel shows a merged cell's value on every row it spans; the file holds it only in the first. */
function fillMerges(rows: SheetRow[], merges: ReturnType<typeof readSheetFile>['merges']): SheetRow[] {
  const byRow = new Map(rows.map((r) => [r.row, { row: r.row, cells: [...r.cells] }]));
  for (const merge of merges) {
    const [start] = merge.ref.split(':');
    const column = columnIndex(start ?? '');
    const value = byRow.get(merge.firstRow)?.cells[column];
    for (let row = merge.firstRow + 1; row <= merge.lastRow; row++) {
      const line = byRow.get(row);
      if (line && (line.cells[column] === null || line.cells[column] === undefined))
        line.cells[column] = value ?? null;
    }
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

interface Draft extends SchemeIndicator {
  children: Draft[];
  statedPoints?: number;
  row: number;
}

/** Reads a scheme sheet; every problem of every row is reported at once (422), nothing is kept. */
export function readSchemeSheet(bytes: Uint8Array): SchemeBody {
  const sheet = readSheetFile(bytes, 1000);
  const header = findHeader(sheet.rows);
  if (!header) {
    throw fileError(
      `没有找到表头：指标体系表应有“一级指标”“分值”等列（${SCHEME_SHEET_HEADERS.join(' | ')}），可先导出一个方案作为模板。`,
    );
  }
  const rows = fillMerges(
    sheet.rows.filter((r) => r.row > header.row),
    sheet.merges,
  );
  const errors: RowError[] = [];
  const cell = (line: SheetRow, key: ColumnKey) => {
    const index = header.at.get(key);
    return index === undefined ? '' : cellText(line.cells[index]);
  };
  const roots: Draft[] = [];
  const levels: ColumnKey[] = ['level1', 'level2', 'level3'];
  for (const line of rows) {
    const names = levels.map((k) => cell(line, k));
    const depth = names.reduce((d, name, i) => (name ? i + 1 : d), 0);
    if (depth === 0) {
      if (Object.keys(COLUMNS).some((k) => cell(line, k as ColumnKey))) {
        errors.push({ row: line.row, column: '一级指标', message: '这一行没有指标名称，请填写或删除这一行' });
      }
      continue;
    }
    if (names.slice(0, depth).some((n) => !n)) {
      errors.push({ row: line.row, column: '一级指标', message: '填写了下级指标却缺少上级指标名称' });
      continue;
    }
    const pointsText = cell(line, 'points');
    const points = pointsText === '' ? undefined : Number(pointsText);
    if (points !== undefined && !Number.isFinite(points)) {
      errors.push({ row: line.row, column: '分值', message: `分值“${pointsText}”不是数字` });
      continue;
    }
    let siblings = roots;
    let node: Draft | undefined;
    for (let level = 0; level < depth; level++) {
      const name = names[level] as string;
      node = siblings.find((s) => s.name === stripCode(name).name);
      if (!node) {
        const { code, name: plain } = stripCode(name);
        node = { key: code ?? '', name: plain, points: 0, children: [], row: line.row };
        siblings.push(node);
      }
      siblings = node.children;
    }
    if (!node) continue;
    if (points === undefined) {
      errors.push({ row: line.row, column: '分值', message: `请填写“${node.name}”的分值` });
      continue;
    }
    if (node.statedPoints !== undefined && node.children.length === 0) {
      errors.push({
        row: line.row,
        column: levels[depth - 1] === 'level1' ? '一级指标' : '二级指标',
        message: `“${node.name}”在第 ${node.row} 行已经填写过，请删除重复的一行`,
      });
      continue;
    }
    node.statedPoints = points;
    const criteria = cell(line, 'criteria');
    const guidance = cell(line, 'guidance');
    const evidence = cell(line, 'evidence');
    if (criteria) node.criteria = criteria;
    if (guidance) node.guidance = guidance;
    if (evidence) node.evidence = evidence;
  }
  if (roots.length === 0 && errors.length === 0) {
    throw fileError(`表格只有表头（第 ${header.row} 行），没有指标：请从下一行起每行填写一个指标。`);
  }
  const body: SchemeBody = { indicators: roots.map((r, i) => finish(r, `${i + 1}`, errors)) };
  if (errors.length > 0)
    throw fileError('指标体系表中有需要修改的地方，请按提示逐行修改后重新导入。', errors);
  const parsed = v.safeParse(SchemeBodySchema, body);
  if (!parsed.success) {
    throw fileError(
      '指标体系表中有需要修改的地方，请按提示修改后重新导入。',
      parsed.issues.map((issue) => ({ row: rowOf(roots, issue.path), column: '', message: issue.message })),
    );
  }
  return parsed.output;
}

function stripCode(text: string): { code?: string; name: string } {
  const match = CODE.exec(text);
  return match ? { code: match[1] as string, name: (match[2] as string).trim() } : { name: text };
}

/** Numbers codes where the sheet gave none; a parent's points are its children's sum (checked if stated). */
function finish(draft: Draft, fallbackKey: string, errors: RowError[]): SchemeIndicator {
  const children = draft.children.map((c, i) => finish(c, `${fallbackKey}.${i + 1}`, errors));
  const sum = children.reduce((s, c) => s + c.points, 0);
  if (children.length > 0 && draft.statedPoints !== undefined && Math.abs(draft.statedPoints - sum) > 1e-9) {
    errors.push({
      row: draft.row,
      column: '分值',
      message: `“${draft.name}”填写 ${draft.statedPoints} 分，但下级指标合计 ${sum} 分：两者应相等`,
    });
  }
  const indicator: SchemeIndicator = {
    key: draft.key || fallbackKey,
    name: draft.name,
    points: children.length > 0 ? sum : (draft.statedPoints ?? 0),
  };
  if (draft.criteria) indicator.criteria = draft.criteria;
  if (draft.guidance) indicator.guidance = draft.guidance;
  if (draft.evidence) indicator.evidence = draft.evidence;
  if (children.length > 0) indicator.children = children;
  return indicator;
}

function rowOf(roots: Draft[], path: v.BaseIssue<unknown>['path']): number {
  let nodes: Draft[] = roots;
  let row = 0;
  for (const step of path ?? []) {
    if (typeof step.key === 'number') {
      const node = nodes[step.key];
      if (!node) break;
      row = node.row;
      nodes = node.children;
    }
  }
  return row;
}

/** The scheme in the same layout, one row per scored indicator, upper levels repeated on each row. */
export function schemeSheet(name: string, body: SchemeBody): SheetSpec {
  const rows: OutCell[][] = [SCHEME_SHEET_HEADERS];
  for (const { indicator } of walkIndicators(body.indicators)) {
    if (indicator.children?.length) continue;
    const trail = ancestry(body.indicators, indicator.key);
    const names = [0, 1, 2].map((i) => {
      const at = trail[i];
      return at ? `${at.key} ${at.name}` : null;
    });
    rows.push([
      ...names,
      indicator.points,
      indicator.criteria ?? null,
      indicator.guidance ?? null,
      indicator.evidence ?? null,
    ]);
  }
  return { name: name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || '指标体系', rows };
}

function ancestry(indicators: readonly SchemeIndicator[], key: string): SchemeIndicator[] {
  for (const indicator of indicators) {
    if (indicator.key === key) return [indicator];
    const below = ancestry(indicator.children ?? [], key);
    if (below.length > 0) return [indicator, ...below];
  }
  return [];
}
