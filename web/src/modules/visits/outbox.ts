// The visits' outbox (ui/outbox): submitted visits wait on the phone until they reach the server,
// exactly once. Photos go first (POST /:module/evidence/:id, idempotent per id), then the visit (POST
// /:module/visits with the phone-made id; the same content again answers 200 duplicate).

import type { ModuleKey } from '../../api';
import { createOutbox } from '../../ui/outbox';
import { clearPhotos, listPhotos, photoBlob, putPhoto } from '../../ui/photoStore';
import { type AnswerValue, type VisitSubmission, visitsApi } from './api';
import { type VisitDraft, visitPhotoScope, visitStore } from './store';

export interface SentVisit {
  id: string;
  module: ModuleKey;
  unitName: string;
  visitedOn: string;
  duplicate: boolean;
}

/** What is sent: blank answers left out, so a retry of the same draft is byte-for-byte the same visit. */
export function submissionOf(d: VisitDraft): VisitSubmission {
  const answers: Record<string, AnswerValue> = {};
  for (const key of Object.keys(d.answers)) {
    const a = d.answers[key];
    if (!a) continue;
    const out: AnswerValue = {};
    if (a.value !== undefined && a.value !== null && a.value !== '') out.value = a.value;
    if (a.note?.trim()) out.note = a.note;
    if (a.photos?.length) out.photos = a.photos;
    if (Object.keys(out).length) answers[key] = out;
  }
  const body: VisitSubmission = {
    id: d.id,
    kind: d.kind,
    unitId: d.unitId,
    templateId: d.templateId,
    templateVersion: d.templateVersion,
    visitedOn: d.visitedOn,
    methods: d.methods,
    team: d.team.map((m) => m.id),
    answers,
  };
  if (d.theme.trim()) body.theme = d.theme.trim();
  if (d.summary.trim()) body.summary = d.summary.trim();
  if (d.feedback.trim()) body.feedback = d.feedback.trim();
  if (d.feedbackSignedBy.trim()) body.feedbackSignedBy = d.feedbackSignedBy.trim();
  return body;
}

/** Every photo id the draft's answers cite. */
export function photoIdsOf(d: VisitDraft): string[] {
  const ids: string[] = [];
  for (const key of Object.keys(d.answers)) for (const id of d.answers[key]?.photos ?? []) ids.push(id);
  return ids;
}

const box = createOutbox<VisitDraft, SentVisit>({
  store: visitStore,
  async send(d) {
    const cited = new Set(photoIdsOf(d));
    for (const photo of await listPhotos(visitPhotoScope(d.id))) {
      if (photo.uploaded || !cited.has(photo.id)) continue;
      await visitsApi.uploadEvidence(d.slug, d.module, photo.id, photoBlob(photo));
      await putPhoto({ ...photo, uploaded: true });
    }
    const res = await visitsApi.submit(d.slug, d.module, submissionOf(d));
    return {
      id: res.visit?.id ?? d.id,
      module: d.module,
      unitName: d.unitName,
      visitedOn: d.visitedOn,
      duplicate: res.duplicate === true,
    };
  },
  afterSent: (d) => clearPhotos(visitPhotoScope(d.id)),
});

/** This user's visits on this device that are not on the server yet (submitted or refused). */
export const outbox = box.pending;
/** Visits this page sent since it was opened. */
export const sentVisits = box.sent;
export const isOnline = box.isOnline;
/** Sends every queued visit of the signed-in user, one at a time. */
export const flush = box.flush;
/** Puts a finished visit in the outbox and tries to send it at once. */
export const enqueue = box.enqueue;
/** Starts the outbox for the signed-in user of a tenant (called by every visit page). */
export const startOutbox = box.start;
