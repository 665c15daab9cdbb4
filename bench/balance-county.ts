import { seededRandom } from '../tenants/demo/seeded-random';
import type { SchoolFigures } from '../worker/modules/balance/coefficients';
import { BALANCE_INDICATORS } from '../worker/modules/balance/indicators';

export const BENCH_SCHOOLS = 300;
export const BENCH_YEARS = 10;

/**
 * A county of 300 schools over 10 school years: 170 小学, 80 初中, 30 九年一贯制, 10 完全中学 and 10
 * 教学点 (some under 50 students), each figure around its 小学 minimum with a spread.
 */
export function benchCounty(): SchoolFigures[][] {
  const next = seededRandom(2017);
  const kinds: SchoolFigures['kind'][] = [
    ...Array<SchoolFigures['kind']>(170).fill('小学'),
    ...Array<SchoolFigures['kind']>(80).fill('初中'),
    ...Array<SchoolFigures['kind']>(30).fill('九年一贯制'),
    ...Array<SchoolFigures['kind']>(10).fill('完全中学'),
    ...Array<SchoolFigures['kind']>(10).fill('教学点'),
  ];
  const years: SchoolFigures[][] = [];
  for (let y = 0; y < BENCH_YEARS; y++) {
    years.push(
      kinds.map((kind, i) => {
        const enrolment = kind === '教学点' ? 20 + Math.round(next() * 60) : 200 + Math.round(next() * 1800);
        const first = Math.round(enrolment * (0.3 + next() * 0.4));
        const enrolmentByStage =
          kind === '九年一贯制'
            ? { primary: first, junior: enrolment - first }
            : kind === '完全中学'
              ? { junior: first, senior: enrolment - first }
              : undefined;
        const resources: SchoolFigures['resources'] = {};
        for (const indicator of BALANCE_INDICATORS) {
          const perStudent = indicator.minimum.primary * (0.7 + next() * 0.9);
          resources[indicator.key] = (perStudent * enrolment) / (indicator.per100 ? 100 : 1);
        }
        return {
          name: `学校${i + 1}`,
          kind,
          enrolment,
          ...(enrolmentByStage ? { enrolmentByStage } : {}),
          resources,
        };
      }),
    );
  }
  return years;
}
