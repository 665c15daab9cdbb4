// The outbox: submitted visits wait on the phone until they reach the server, exactly once.
// Photos go first (POST /:module/evidence/:id, idempotent per id), then the visit (POST
// /:module/visits with the phone-made id; the same content again answers 200 duplicate). A network
// failure, a 5xx or an expired session leaves the visit queued and it is tried again on the
// browser's 'online' event, every RETRY_MS and whenever a visit page opens; a 4xx refusal marks it
// failed with the server's Chinese message and it becomes editable again: nothing is dropped.

import { createSignal } from 'solid-js';
import { type ApiError, type ModuleKey, toApiError } from '../../api';
import { clearPhotos, listPhotos, photoBlob, putPhoto } from '../../ui/photoStore';
import { type AnswerValue, type VisitSubmission, visitsApi } from './api';
import { deleteDraft, getDraft, listDrafts, putDraft, type VisitDraft, visitPhotoScope } from './store';

const RETRY_MS = 20_000;

export interface SentVisit {
  id: string;
  module: ModuleKey;
  unitName: string;
  visitedOn: string;
  duplicate: boolean;
}

const [pending, setPending] = createSignal<VisitDraft[]>([]);
const [sent, setSent] = createSignal<SentVisit[]>([]);
const [online, setOnline] = createSignal(
  typeof navigator === 'undefined' ? true : navigator.onLine !== false,
);

/** This user's visits on this device that are not on the server yet (submitted or refused). */
export const outbox = pending;
/** Visits this page sent since it was opened. */
export const sentVisits = sent;
export const isOnline = online;

let who: { slug: string; userId: string } | null = null;
let running: Promise<void> | null = null;
/** A flush was asked for while one ran: run once more after it, for what was queued meanwhile. */
let again = false;
let started = false;

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

/** A refusal the user must act on, as opposed to a reason to try again later. */
function isRefusal(err: ApiError): boolean {
  return (
    err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 408 && err.status !== 429
  );
}

async function refresh(): Promise<void> {
  if (!who) return;
  const all = await listDrafts(who.slug, who.userId);
  setPending(all.filter((d) => d.state !== 'draft'));
}

async function sendOne(d: VisitDraft): Promise<void> {
  d.state = 'sending';
  await putDraft(d);
  await refresh();
  try {
    const cited = new Set(photoIdsOf(d));
    for (const photo of await listPhotos(visitPhotoScope(d.id))) {
      if (photo.uploaded || !cited.has(photo.id)) continue;
      await visitsApi.uploadEvidence(d.slug, d.module, photo.id, photoBlob(photo));
      await putPhoto({ ...photo, uploaded: true });
    }
    const res = await visitsApi.submit(d.slug, d.module, submissionOf(d));
    await deleteDraft(d.id);
    await clearPhotos(visitPhotoScope(d.id));
    setSent([
      {
        id: res.visit?.id ?? d.id,
        module: d.module,
        unitName: d.unitName,
        visitedOn: d.visitedOn,
        duplicate: res.duplicate === true,
      },
      ...sent(),
    ]);
  } catch (err) {
    const e = toApiError(err);
    const latest = (await getDraft(d.id)) ?? d;
    latest.state = isRefusal(e) ? 'failed' : 'queued';
    latest.error = e.message;
    latest.errorDetails = e.issues.map((i) => i.message);
    await putDraft(latest);
  }
}

/** Sends every queued visit of the signed-in user, one at a time; one run at a time per page. */
export function flush(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      if (!who) return;
      setOnline(navigator.onLine !== false);
      if (!online()) return;
      const queue = (await listDrafts(who.slug, who.userId)).filter(
        // 'sending' left behind by a closed page is sent again: the ids make that harmless.
        (d) => d.state === 'queued' || d.state === 'sending',
      );
      for (const d of queue.reverse()) {
        await sendOne(d);
        if (navigator.onLine === false) break;
      }
    } finally {
      await refresh();
      running = null;
    }
    if (again) {
      again = false;
      await flush();
    }
  })();
  return running;
}

/** Puts a finished visit in the outbox and tries to send it at once. */
export async function enqueue(d: VisitDraft): Promise<void> {
  d.state = 'queued';
  d.error = null;
  d.errorDetails = [];
  d.updatedAt = Date.now();
  await putDraft(d);
  await refresh();
  void flush();
}

/**
 * Starts the outbox for the signed-in user of a tenant (called by every visit page): loads what is
 * waiting, sends it when possible, and keeps trying while the app is open.
 */
export function startOutbox(slug: string, userId: string): void {
  const changed = !who || who.slug !== slug || who.userId !== userId;
  who = { slug, userId };
  if (changed) setSent([]);
  if (!started) {
    started = true;
    window.addEventListener('online', () => {
      setOnline(true);
      void flush();
    });
    window.addEventListener('offline', () => setOnline(false));
    setInterval(() => void flush(), RETRY_MS);
  }
  void refresh().then(() => flush());
}
