// Observations being typed during the lesson live on the phone (ui/deviceStore) from the first
// keystroke until the server has them. The rubric's body is kept in the record, so an observation
// started online can be finished, reopened and submitted without a network.

import { createDeviceStore } from '../../ui/deviceStore';
import type { OutboxRecord } from '../../ui/outbox';
import type { LessonType, ObservationKind, RubricBody } from './api';

export interface ObservationDraft extends OutboxRecord {
  teacherId: string;
  teacherName: string;
  course: string;
  className: string;
  observedOn: string;
  /** As typed; a number once sent. */
  period: string;
  lessonType: LessonType;
  kind: ObservationKind;
  rubricId: string;
  rubricName: string;
  rubricVersion: number;
  rubricVersionId: string;
  body: RubricBody | null;
  /** Per item key, as typed (a half point is '13.5'). */
  scores: Record<string, string>;
  strengths: string;
  problems: string;
  suggestions: string;
  createdAt: number;
}

export const observationStore = createDeviceStore<ObservationDraft>(
  'dudao-observations',
  'observations',
  'dudao:observation-saved',
);
