/**
 * The Worker the balance bench runs in workerd: `GET /?reps=N` computes every coefficient of the
 * generated county (300 schools, 10 school years) N times and answers with a checksum, so the
 * work cannot be skipped. Timers inside a Worker do not advance while it computes, so the bench
 * times requests from outside (N reps against 0 reps).
 */
import { countyCoefficients } from '../worker/modules/balance/coefficients';
import { benchCounty } from './balance-county';

const years = benchCounty();

export default {
  fetch(request: Request): Response {
    const reps = Number(new URL(request.url).searchParams.get('reps') ?? '1');
    let checksum = 0;
    for (let r = 0; r < reps; r++) {
      for (const schools of years) {
        const result = countyCoefficients(schools);
        checksum += result.primary.indicators.teaching_area.cv ?? 0;
        checksum += result.junior.indicators.equipment_value.cv ?? 0;
      }
    }
    return Response.json({ checksum, years: years.length, schools: years[0]?.length ?? 0 });
  },
};
