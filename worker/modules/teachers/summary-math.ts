import type { RubricBody } from '../../../tenants/observations/rubric';
import { OBSERVATION_GRADES, type ObservationGrade } from '../../../tenants/observations/rubric';
import { overallPercent, type Question, resultsVisible, summarize } from '../../../tenants/surveys/questions';

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

export interface ScoredObservation {
  total: number;
  grade: ObservationGrade;
  scores: Record<string, number>;
  rubricVersionId: string;
}

export interface SectionAverage {
  key: string;
  title: string;
  /** The section's full marks (in the latest rubric version that has it). */
  max: number;
  /** Mean points over the observations scored with a rubric that has this section. */
  average: number;
  /** Mean of points / max × 100, so sections of different weight compare on one bar. */
  percent: number;
  count: number;
}

/**
 * Count, average total, grade distribution and per-section averages of a teacher's observations.
 * Sections are matched by key across rubric versions; `bodies` maps a version id to its body, and
 * `observations` come newest first, so the first version seen names a section and gives its max.
 */
export function observationStats(observations: ScoredObservation[], bodies: Map<string, RubricBody>) {
  const grades = Object.fromEntries(OBSERVATION_GRADES.map((g) => [g, 0])) as Record<
    ObservationGrade,
    number
  >;
  for (const o of observations) grades[o.grade] += 1;
  const sections = new Map<string, { title: string; max: number; points: number[]; percents: number[] }>();
  for (const o of observations) {
    const body = bodies.get(o.rubricVersionId);
    if (!body) continue;
    for (const section of body.sections) {
      const max = section.items.reduce((n, item) => n + item.max, 0);
      const points = section.items.reduce((n, item) => n + (o.scores[item.key] ?? 0), 0);
      const entry = sections.get(section.key) ?? { title: section.title, max, points: [], percents: [] };
      entry.points.push(points);
      entry.percents.push(max > 0 ? (points / max) * 100 : 0);
      sections.set(section.key, entry);
    }
  }
  const averageTotal = mean(observations.map((o) => o.total));
  return {
    count: observations.length,
    averageTotal: averageTotal === null ? null : round1(averageTotal),
    grades,
    sections: [...sections.entries()].map(
      ([key, s]): SectionAverage => ({
        key,
        title: s.title,
        max: s.max,
        average: round1(mean(s.points) ?? 0),
        percent: round1(mean(s.percents) ?? 0),
        count: s.points.length,
      }),
    ),
  };
}

/**
 * A 评教 survey's result for the rated teacher: the response count always; the averages only when
 * the survey's minimum of responses is reached (`resultsVisible`), never below, so no student can
 * be singled out. The figures are the surveys module's own (`summarize`, `overallPercent`): each
 * rating question's mean over its max on 100, and their plain mean, as the results page shows them.
 */
export function ratingResult(
  questions: readonly Question[],
  minResponses: number,
  responses: readonly Record<string, unknown>[],
) {
  const count = responses.length;
  if (!resultsVisible(count, minResponses)) return { responses: count, minResponses, hidden: true as const };
  const summaries = summarize(questions, responses);
  return {
    responses: count,
    minResponses,
    hidden: false as const,
    average: overallPercent(summaries),
    questions: summaries
      .filter((q) => q.kind === 'rating')
      .map((q) => ({
        key: q.key,
        label: q.label,
        average: q.answered ? round1((q.sum / q.answered / q.max) * 100) : null,
        answers: q.answered,
      })),
  };
}
