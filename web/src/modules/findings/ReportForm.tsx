import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { ModuleKey } from '../../api';
import { texts } from '../../texts';
import { findingsTexts as s } from '../../texts/findings';
import { Button } from '../../ui/Button';
import { compressImage, EVIDENCE_PHOTO, formatBytes, ImageCompressError } from '../../ui/compressImage';
import { DraftNotice } from '../../ui/DraftNotice';
import { createDraftForm } from '../../ui/draftForm';
import { ErrorBanner } from '../../ui/ErrorBanner';
import {
  bytesOf,
  clearPhotos,
  listPhotos,
  photoBlob,
  putPhoto,
  removePhoto,
  type StoredPhoto,
} from '../../ui/photoStore';
import { TextAreaField } from '../../ui/TextAreaField';
import { newUuid } from '../../ui/uuid';
import { type FindingDetail, findingsApi } from './api';
import { REPORT_FIELDS, reportDraft } from './draft';

const MAX_PHOTOS = 9;

interface ReportFormProps {
  slug: string;
  module: ModuleKey;
  findingId: string;
  onReported: (finding: FindingDetail) => void;
}

interface Shown extends StoredPhoto {
  url: string;
}

/**
 * The unit's rectification report: what was done and photos of it. The note and the chosen photos
 * (compressed, in IndexedDB) survive a reload until the report is sent; each photo is uploaded under
 * the id it got when it was chosen, so a retry after a failure never stores it twice.
 */
export function ReportForm(props: ReportFormProps) {
  const scope = `${props.slug}.${props.module}.${props.findingId}`;
  const form = createDraftForm({
    slot: reportDraft(props.slug, props.module, props.findingId),
    initial: { note: '' },
    fields: REPORT_FIELDS,
    idPrefix: 'report',
  });
  const { errors, field } = form;
  const [photos, setPhotos] = createSignal<Shown[]>([]);
  const [photosRestored, setPhotosRestored] = createSignal(false);
  const [compressing, setCompressing] = createSignal(false);
  const [photoError, setPhotoError] = createSignal<string | null>(null);
  const [progress, setProgress] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;

  const show = (p: StoredPhoto): Shown => ({ ...p, url: URL.createObjectURL(photoBlob(p)) });
  onMount(async () => {
    const stored = await listPhotos(scope);
    if (stored.length) {
      setPhotos(stored.map(show));
      setPhotosRestored(true);
    }
  });
  onCleanup(() => {
    for (const p of photos()) URL.revokeObjectURL(p.url);
  });

  const add = async (files: FileList | null | undefined) => {
    setPhotoError(null);
    if (!files?.length) return;
    setCompressing(true);
    try {
      for (let i = 0; i < files.length; i++) {
        if (photos().length >= MAX_PHOTOS) {
          setPhotoError(s.tooManyPhotos(MAX_PHOTOS));
          break;
        }
        const image = await compressImage(files[i] as File, EVIDENCE_PHOTO);
        const photo: StoredPhoto = {
          id: newUuid(),
          scope,
          bytes: await bytesOf(image.blob),
          type: image.blob.type || 'image/jpeg',
          originalBytes: image.originalBytes,
          uploaded: false,
          addedAt: Date.now(),
        };
        await putPhoto(photo);
        setPhotos([...photos(), show(photo)]);
      }
    } catch (err) {
      setPhotoError(err instanceof ImageCompressError ? err.message : texts.common.serverError);
    } finally {
      setCompressing(false);
      if (input) input.value = '';
    }
  };

  const remove = async (p: Shown) => {
    await removePhoto(p.id);
    URL.revokeObjectURL(p.url);
    setPhotos(photos().filter((x) => x.id !== p.id));
  };

  const submit = form.onSubmit(
    (d) => (d.note.trim() ? {} : { note: texts.common.required(s.reportNote) }),
    async (d) => {
      const list = photos();
      try {
        for (let i = 0; i < list.length; i++) {
          const p = list[i] as Shown;
          if (p.uploaded) continue;
          setProgress(s.uploadingPhotos(i + 1, list.length));
          await findingsApi.uploadEvidence(props.slug, props.module, p.id, photoBlob(p));
          p.uploaded = true;
          const { url: _url, ...stored } = p;
          await putPhoto(stored);
        }
        setProgress(s.sending);
        const { finding } = await findingsApi.report(props.slug, props.module, props.findingId, {
          note: d.note.trim(),
          evidence: list.map((p) => p.id),
        });
        form.clear();
        await clearPhotos(scope);
        props.onReported(finding);
      } finally {
        setProgress(null);
      }
    },
  );

  return (
    <form class="form card section" onSubmit={submit} novalidate>
      <h2>{s.report}</h2>
      <DraftNotice show={form.restored || photosRestored()} message={s.reportDraftRestored} />
      <Show when={errors.banner()}>{(b) => <ErrorBanner message={b().message} details={b().details} />}</Show>
      <TextAreaField {...field('note', s.reportNote, { hint: s.reportNoteHint })} rows={4} maxLength={2000} />
      <div class="field">
        <label for="report-photos">{s.photos}</label>
        <input
          ref={input}
          id="report-photos"
          type="file"
          accept="image/*"
          multiple
          aria-describedby="report-photos-hint"
          disabled={compressing() || errors.busy()}
          onChange={(e) => add(e.currentTarget.files)}
        />
        <p class="field-hint" id="report-photos-hint">
          {s.photosHint}
        </p>
      </div>
      <Show when={compressing()}>
        <p class="loading loading-inline" role="status">
          {s.compressing}
        </p>
      </Show>
      <Show when={photoError()}>{(m) => <ErrorBanner message={m()} />}</Show>
      <Show when={photos().length}>
        <ul class="finding-photos" aria-label={s.reportPhotos}>
          <For each={photos()}>
            {(p, i) => (
              <li>
                <figure style={{ margin: 0 }}>
                  <img src={p.url} alt={s.evidenceAlt(i() + 1)} />
                  <figcaption>
                    {s.photoSize(formatBytes(p.originalBytes), formatBytes(p.bytes.byteLength))}
                  </figcaption>
                </figure>
                <Button variant="secondary" disabled={errors.busy()} onClick={() => remove(p)}>
                  {s.removePhoto}
                </Button>
              </li>
            )}
          </For>
        </ul>
        <p class="muted">{s.photoKept}</p>
      </Show>
      <Show when={progress()}>
        <p class="loading loading-inline" role="status">
          {progress()}
        </p>
      </Show>
      <Button type="submit" variant="primary" class="btn-block" busy={errors.busy()}>
        {errors.busy() ? s.sending : s.report}
      </Button>
    </form>
  );
}
