// The observations' outbox (ui/outbox): a submitted observation waits on the phone until the server
// has it, sent exactly once under the id the phone made (a retry answers 200 duplicate).

import { createOutbox } from '../../ui/outbox';
import { type ObservationSubmission, observationsApi } from './api';
import { type ObservationDraft, observationStore } from './store';

export interface SentObservation {
  id: string;
  teacherName: string;
  observedOn: string;
}

/** A typed score as the server takes it; blank or unreadable stays as it is, for the server to name. */
export function scoreValue(typed: string | undefined): number | null {
  const text = (typed ?? '').trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** What is sent: trimmed text, blank comments left out, so a retry of the same draft is the same record. */
export function submissionOf(d: ObservationDraft): ObservationSubmission {
  const scores: Record<string, number> = {};
  for (const key of Object.keys(d.scores)) {
    const n = scoreValue(d.scores[key]);
    if (n !== null) scores[key] = n;
  }
  const body: ObservationSubmission = {
    id: d.id,
    teacherId: d.teacherId,
    course: d.course.trim(),
    className: d.className.trim(),
    observedOn: d.observedOn,
    period: Number(d.period),
    lessonType: d.lessonType,
    kind: d.kind,
    rubricVersionId: d.rubricVersionId,
    scores,
  };
  if (d.strengths.trim()) body.strengths = d.strengths.trim();
  if (d.problems.trim()) body.problems = d.problems.trim();
  if (d.suggestions.trim()) body.suggestions = d.suggestions.trim();
  return body;
}

const box = createOutbox<ObservationDraft, SentObservation>({
  store: observationStore,
  async send(d) {
    const res = await observationsApi.submit(d.slug, submissionOf(d));
    return { id: res.observation.id, teacherName: d.teacherName, observedOn: d.observedOn };
  },
});

export const observationOutbox = box;
