import { type Column, type ColumnValue, RowErrors, readTable } from '../../spreadsheet/table';
import { SCHOOL_KINDS, type SchoolFigures, type SchoolKind, stagesOf } from './coefficients';
import { BALANCE_INDICATORS, BASIC_ONLY_RESOURCES, type BasicOnlyKey, type IndicatorKey } from './indicators';

type Key =
  | 'code'
  | 'name'
  | 'stage'
  | 'enrolment'
  | 'enrolment_primary'
  | 'enrolment_junior'
  | 'enrolment_senior'
  | IndicatorKey
  | BasicOnlyKey;

const STAGE_ENROLMENT = {
  primary: { key: 'enrolment_primary', label: '小学生数' },
  junior: { key: 'enrolment_junior', label: '初中生数' },
  senior: { key: 'enrolment_senior', label: '高中生数' },
} as const;

/**
 * One row per school: `name, stage, enrolment`, the per-stage enrolments of a school with more
 * than one stage, and one column per indicator key holding the school's resource total. The
 * Chinese headers offices write are read as well (学校名称, 学段, 在校生数, 教学及辅助用房面积…).
 */
export const SCHOOL_COLUMNS: readonly Column<Key>[] = [
  // The app matches rows to its schools by 学校标识码 first; the command ignores it.
  { key: 'code', header: 'code', aliases: ['学校标识码', '学校代码', '标识码'], type: 'text' },
  {
    key: 'name',
    header: 'name',
    aliases: ['学校名称', '学校', '名称', '单位名称'],
    required: true,
    type: 'text',
  },
  { key: 'stage', header: 'stage', aliases: ['学段', '办学类型', '学校类型'], required: true, type: 'text' },
  {
    key: 'enrolment',
    header: 'enrolment',
    aliases: ['学生数', '在校生数', '在校学生数'],
    required: true,
    type: 'integer',
  },
  ...Object.values(STAGE_ENROLMENT).map(
    (s): Column<Key> => ({ key: s.key, header: s.key, aliases: [s.label], type: 'integer' }),
  ),
  ...BALANCE_INDICATORS.map(
    (i): Column<Key> => ({ key: i.key, header: i.key, aliases: [i.total], required: true, type: 'decimal' }),
  ),
  // The basic-balance composite's own four totals: optional columns, read when present.
  ...BASIC_ONLY_RESOURCES.map(
    (i): Column<Key> => ({ key: i.key, header: i.key, aliases: [i.total], type: 'decimal' }),
  ),
];

const headerOf = (key: Key) => SCHOOL_COLUMNS.find((c) => c.key === key)?.header ?? key;

function num(value: ColumnValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** A school's row of the file: its figures, where it stands, and the code it gives if any. */
export interface SchoolRow extends SchoolFigures {
  row: number;
  code: string | null;
}

/**
 * Reads a county's school figures from an .xlsx or CSV file. Every problem of every row is
 * collected and thrown at once (422, row and column named); `requireAll` makes a blank figure a
 * problem too, where otherwise it is left out and the school is listed as missing that figure.
 */
export function readSchoolTable(bytes: Uint8Array, options: { requireAll: boolean }): SchoolFigures[] {
  const errors = new RowErrors();
  const schools = collectSchoolRows(bytes, options, errors);
  errors.throwIfAny();
  return schools.map(({ row: _row, code: _code, ...school }) => school);
}

/** The rows that read well; every problem goes to `errors`, so a caller can add its own first. */
export function collectSchoolRows(
  bytes: Uint8Array,
  options: { requireAll: boolean },
  errors: RowErrors,
): SchoolRow[] {
  const table = readTable(bytes, SCHOOL_COLUMNS, errors);
  const schools: SchoolRow[] = [];
  const rowOfName = new Map<string, number>();
  for (const { row, values } of table.records) {
    const problem = (key: Key, message: string) => {
      if (!errors.has(row, headerOf(key))) errors.add(row, headerOf(key), message);
    };
    const code = typeof values.code === 'string' && values.code.trim() ? values.code.trim() : null;
    // A row with 学校标识码 may leave the name blank: the app finds the school by its code.
    const name = (typeof values.name === 'string' ? values.name.trim() : '') || (code ?? '');
    if (!name) problem('name', '学校名称不能为空');
    else if (rowOfName.has(name)) problem('name', `与第 ${rowOfName.get(name)} 行学校同名，每所学校只填一行`);
    else rowOfName.set(name, row);

    const kind = SCHOOL_KINDS.find((k) => k === values.stage);
    if (!kind) problem('stage', `学段应为 ${SCHOOL_KINDS.join('、')} 之一`);

    const enrolment = num(values.enrolment);
    if (enrolment === undefined || enrolment <= 0) {
      problem('enrolment', '学生数必须大于 0：没有学生的学校不参与计算，请删去这一行');
    }

    const enrolmentByStage: SchoolFigures['enrolmentByStage'] = {};
    if (kind && stagesOf(kind).length > 1 && enrolment !== undefined && enrolment > 0) {
      const stages = stagesOf(kind);
      let sum = 0;
      for (const stage of stages) {
        const { key, label } = STAGE_ENROLMENT[stage];
        const n = num(values[key]);
        if (n === undefined)
          problem(
            key,
            `${kind}须分别填写${stages.map((s) => STAGE_ENROLMENT[s].label).join('、')}，缺少${label}`,
          );
        else {
          enrolmentByStage[stage] = n;
          sum += n;
        }
      }
      if (Object.keys(enrolmentByStage).length === stages.length && sum !== enrolment) {
        problem('enrolment', `各学段学生数之和（${sum}）与学生数（${enrolment}）不一致，请核对`);
      }
    }

    const resources: SchoolFigures['resources'] = {};
    for (const indicator of BALANCE_INDICATORS) {
      const total = num(values[indicator.key]);
      if (total === undefined) {
        if (options.requireAll && !errors.has(row, indicator.key)) {
          problem(indicator.key, `缺少${indicator.total}，请补填（没有请填 0）`);
        }
      } else if (total < 0) problem(indicator.key, `${indicator.total}不能为负数`);
      else resources[indicator.key] = total;
    }
    for (const extra of BASIC_ONLY_RESOURCES) {
      const total = num(values[extra.key]);
      if (total === undefined) continue;
      if (total < 0) problem(extra.key, `${extra.total}不能为负数`);
      else resources[extra.key] = total;
    }

    if (name && kind && enrolment !== undefined && enrolment > 0) {
      schools.push({
        row,
        code,
        name,
        kind: kind as SchoolKind,
        enrolment,
        ...(stagesOf(kind).length > 1 ? { enrolmentByStage } : {}),
        resources,
      });
    }
  }
  return schools;
}
