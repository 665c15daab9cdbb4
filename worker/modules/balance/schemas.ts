import * as v from 'valibot';
import { SCHOOL_KINDS } from './coefficients';
import { BALANCE_INDICATORS, BASIC_ONLY_RESOURCES } from './indicators';

const count = (label: string) =>
  v.pipe(
    v.number(`${label}必须是数字`),
    v.integer(`${label}必须是整数`),
    v.minValue(0, `${label}不能为负数`),
    v.maxValue(100_000, `${label}不能超过 100000`),
  );

/** A blank figure (null or absent) is missing data, which the coefficients name. */
const figure = (label: string) =>
  v.optional(
    v.nullable(
      v.pipe(
        v.number(`${label}必须是数字，不知道可留空`),
        v.finite(`${label}必须是数字`),
        v.minValue(0, `${label}不能为负数`),
        v.maxValue(1e12, `${label}过大，请核对单位`),
      ),
    ),
  );

/** One school's figures for one school year, from the form; the verb checks the stage sums. */
export const FiguresInput = v.object({
  schoolKind: v.optional(v.picklist(SCHOOL_KINDS, `办学类型应为 ${SCHOOL_KINDS.join('、')} 之一`)),
  enrolment: v.pipe(
    v.number('请填写在校生数'),
    v.integer('在校生数必须是整数'),
    v.minValue(1, '在校生数必须大于 0：没有学生的学校不参与计算'),
    v.maxValue(100_000, '在校生数不能超过 100000'),
  ),
  enrolmentByStage: v.optional(
    v.nullable(
      v.object({
        primary: v.optional(v.nullable(count('小学生数'))),
        junior: v.optional(v.nullable(count('初中生数'))),
        senior: v.optional(v.nullable(count('高中生数'))),
      }),
    ),
  ),
  resources: v.object(
    Object.fromEntries(
      [...BALANCE_INDICATORS, ...BASIC_ONLY_RESOURCES].map((i) => [i.key, figure(i.total)]),
    ) as {
      [K in
        | (typeof BALANCE_INDICATORS)[number]['key']
        | (typeof BASIC_ONLY_RESOURCES)[number]['key']]: ReturnType<typeof figure>;
    },
  ),
});
export type FiguresInput = v.InferOutput<typeof FiguresInput>;
