// Visits being filled in live on the phone, in IndexedDB (ui/deviceStore), from the first keystroke
// until the server has them. One record per visit, keyed by the id the phone made. The template's
// body is kept in the record, so a visit started online can be finished and reopened offline. Photos
// are in ui/photoStore under the scope `visitPhotoScope(id)`.

import type { ModuleKey } from '../../api';
import { createDeviceStore } from '../../ui/deviceStore';
import type { OutboxRecord, OutboxState } from '../../ui/outbox';
import type { ChecklistBody } from '../checklists/api';
import type { AnswerValue, TeamMember, VisitKind, VisitMethod } from './api';

export type VisitState = OutboxState;

export interface VisitDraft extends OutboxRecord {
  module: ModuleKey;
  unitId: string;
  unitName: string;
  templateId: string;
  templateName: string;
  templateVersion: number;
  body: ChecklistBody | null;
  kind: VisitKind;
  visitedOn: string;
  theme: string;
  team: TeamMember[];
  methods: VisitMethod[];
  answers: Record<string, AnswerValue>;
  summary: string;
  feedback: string;
  feedbackSignedBy: string;
  createdAt: number;
}

export const visitPhotoScope = (id: string) => `visit.${id}`;

// The database and store names are those of the first release, so drafts typed before an update stay.
const store = createDeviceStore<VisitDraft>('dudao-visits', 'visits', 'dudao:visit-saved');

export const visitStore = store;
export const isPersistent = store.isPersistent;
export const getDraft = store.get;
export const putDraft = store.put;
export const deleteDraft = store.remove;
export const createSaver = store.createSaver;

/** The drafts and the outbox of one tenant and user on this device (of one module), newest first. */
export async function listDrafts(slug: string, userId: string, module?: ModuleKey): Promise<VisitDraft[]> {
  return (await store.list(slug, userId)).filter((d) => !module || d.module === module);
}
