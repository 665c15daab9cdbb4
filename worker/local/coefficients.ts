/**
 * `npm run coefficients -- <file.csv|file.xlsx>`: an office checks its own spreadsheet without the
 * app. One row per school (name, stage, enrolment, the per-stage enrolments of a school with two
 * or three stages, then one column per indicator key holding the school's resource total); prints
 * each stage's seven enrolment-weighted difference coefficients as JSON
 * `{ "primary": { "<key>": { "cv": 0.123, "threshold": 0.5, "pass": true } }, "junior": { … } }`
 * (a stage without schools is `{}`). Bad rows are named on stderr with the exit code 1; schools
 * left out (a 教学点 under 50 students) are said on stderr too, so stdout stays JSON.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../errors';
import { countyCoefficients, type StageResult } from '../modules/balance/coefficients';
import { readSchoolTable } from '../modules/balance/school-table';

interface RowProblem {
  row: number;
  column: string;
  message: string;
}

function stageJson(result: StageResult) {
  if (result.schools === 0) return {};
  return Object.fromEntries(
    Object.values(result.indicators).map((i) => [i.key, { cv: i.cv3, threshold: i.threshold, pass: i.pass }]),
  );
}

function main(args: string[]): number {
  const file = args.find((a) => a !== '--');
  if (!file) {
    console.error('用法：npm run coefficients -- <学校数据.csv 或 .xlsx>');
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (err) {
    console.error(`无法读取文件 ${file}：${(err as Error).message}`);
    return 2;
  }
  try {
    const result = countyCoefficients(readSchoolTable(bytes, { requireAll: true }));
    for (const e of result.excluded) console.error(`未计入：${e.school}（${e.reason}）`);
    console.log(
      JSON.stringify({ primary: stageJson(result.primary), junior: stageJson(result.junior) }, null, 2),
    );
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const problems = (err.details?.errors ?? []) as RowProblem[];
    const count = Number(err.details?.errorCount ?? problems.length);
    console.error(count > 0 ? `表格中有 ${count} 处问题，请按提示修改后重新运行：` : err.message);
    for (const p of problems)
      console.error(`  第 ${p.row} 行${p.column ? `「${p.column}」` : ''}：${p.message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
