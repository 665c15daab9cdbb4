import { A } from '@solidjs/router';
import { createSignal, onCleanup, Show } from 'solid-js';
import { toApiError } from '../../api';
import { texts } from '../../texts';
import { boardTexts } from '../../texts/board';
import { Button } from '../../ui/Button';
import { DraftNotice } from '../../ui/DraftNotice';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { createFormErrors } from '../../ui/formErrors';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { type Board, boardApi, type ComplaintForm, type Submitted } from './api';
import { complaintDraft, emptyForm } from './draft';

const FIELDS = ['category', 'topic', 'body', 'contactName', 'contactPhone', 'website'] as const;
const TOPIC_MAX = 40;
const BODY_MIN = 10;
const BODY_MAX = 1000;

interface Props {
  slug: string;
  unitId: string;
  categories: Board['categories'];
}

type PhotoState = { blob: Blob; url: string } | null;

/** The complaint form of the board page; after sending, the tracking code, shown once. */
export function ComplaintFormView(props: Props) {
  const draft = complaintDraft(props.slug, props.unitId);
  const saved = draft.load();
  const [form, setForm] = createSignal<ComplaintForm>(saved ?? emptyForm());
  const [restored, setRestored] = createSignal(!!saved);
  const [photo, setPhoto] = createSignal<PhotoState>(null);
  const [photoBusy, setPhotoBusy] = createSignal(false);
  const [photoError, setPhotoError] = createSignal('');
  const [sent, setSent] = createSignal<Submitted | null>(null);
  const errors = createFormErrors(FIELDS, 'complaint');
  onCleanup(() => {
    const p = photo();
    if (p) URL.revokeObjectURL(p.url);
  });

  const set = (field: keyof ComplaintForm, value: string) => {
    const next = { ...form(), [field]: value };
    setForm(next);
    draft.save(next);
    errors.clearField(field as (typeof FIELDS)[number]);
  };

  const pickPhoto = async (file: File | undefined) => {
    setPhotoError('');
    if (!file) return;
    setPhotoBusy(true);
    try {
      // Loaded only when someone attaches a photo: the board itself stays small.
      const { compressImage, EVIDENCE_PHOTO } = await import('../../ui/compressImage');
      const result = await compressImage(file, EVIDENCE_PHOTO);
      const old = photo();
      if (old) URL.revokeObjectURL(old.url);
      setPhoto({ blob: result.blob, url: URL.createObjectURL(result.blob) });
    } catch (err) {
      setPhotoError(
        err instanceof Error && /[\u4e00-\u9fff]/.test(err.message) ? err.message : texts.common.serverError,
      );
    } finally {
      setPhotoBusy(false);
    }
  };

  const removePhoto = () => {
    const old = photo();
    if (old) URL.revokeObjectURL(old.url);
    setPhoto(null);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const f = form();
    const local: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (!f.category) local.category = texts.common.choose(boardTexts.category);
    if (!f.topic.trim()) local.topic = texts.common.required(boardTexts.topic);
    if (f.body.trim().length < BODY_MIN) local.body = boardTexts.bodyTooShort(BODY_MIN);
    if (Object.keys(local).length) {
      errors.setLocal(local);
      return;
    }
    void errors.run(async () => {
      const result = await boardApi.submit(props.slug, props.unitId, f);
      draft.clear();
      setSent(result);
      window.scrollTo(0, 0);
    });
  };

  const reset = () => {
    setForm(emptyForm());
    setRestored(false);
    removePhoto();
    setSent(null);
  };

  return (
    <Show
      when={sent()}
      fallback={
        <form class="form" onSubmit={submit} noValidate>
          <DraftNotice show={restored()} message={boardTexts.draftRestored} />
          <Show when={errors.banner()}>
            {(b) => <ErrorBanner message={b().message} details={b().details} />}
          </Show>
          <SelectField
            id="complaint-category"
            label={boardTexts.category}
            placeholder={boardTexts.choose}
            value={form().category}
            options={props.categories}
            onValue={(v) => set('category', v)}
            error={errors.field('category')}
          />
          <TextField
            id="complaint-topic"
            label={boardTexts.topic}
            hint={boardTexts.topicHint}
            maxLength={TOPIC_MAX}
            value={form().topic}
            onValue={(v) => set('topic', v)}
            error={errors.field('topic')}
          />
          <TextAreaField
            id="complaint-body"
            label={boardTexts.body}
            hint={boardTexts.bodyHint}
            rows={6}
            maxLength={BODY_MAX}
            value={form().body}
            onValue={(v) => set('body', v)}
            error={errors.field('body')}
          />
          <p class="board-counter" aria-live="polite">
            {boardTexts.counter(form().body.length, BODY_MAX)}
          </p>
          <TextField
            id="complaint-contactName"
            label={boardTexts.contactName}
            optional
            maxLength={20}
            autocomplete="name"
            value={form().contactName}
            onValue={(v) => set('contactName', v)}
            error={errors.field('contactName')}
          />
          <TextField
            id="complaint-contactPhone"
            label={boardTexts.contactPhone}
            hint={boardTexts.contactHint}
            optional
            type="tel"
            inputmode="tel"
            autocomplete="tel"
            value={form().contactPhone}
            onValue={(v) => set('contactPhone', v)}
            error={errors.field('contactPhone')}
          />
          <div class="board-honeypot" aria-hidden="true">
            <label for="complaint-website">{boardTexts.honeypot}</label>
            <input
              id="complaint-website"
              tabIndex={-1}
              autocomplete="off"
              value={form().website ?? ''}
              onInput={(e) => set('website', e.currentTarget.value)}
            />
          </div>
          <Field
            id="complaint-photo"
            label={boardTexts.photo}
            hint={boardTexts.photoHint}
            optional
            error={photoError() || undefined}
          >
            <input
              id="complaint-photo"
              type="file"
              accept="image/*"
              onChange={(e) => {
                void pickPhoto(e.currentTarget.files?.[0]);
                e.currentTarget.value = '';
              }}
            />
          </Field>
          <Show when={photoBusy()}>
            <p class="muted" role="status">
              {boardTexts.compressing}
            </p>
          </Show>
          <Show when={photo()}>
            {(p) => (
              <div>
                <img class="board-photo-preview" src={p().url} alt={boardTexts.photo} />
                <Button onClick={removePhoto}>{boardTexts.removePhoto}</Button>
              </div>
            )}
          </Show>
          <div class="actions">
            <Button type="submit" variant="primary" busy={errors.busy() || photoBusy()}>
              {errors.busy() ? boardTexts.submitting : boardTexts.submit}
            </Button>
          </div>
        </form>
      }
    >
      {(s) => <SentCard slug={props.slug} sent={s()} photo={photo()?.blob ?? null} onAnother={reset} />}
    </Show>
  );
}

/** The tracking code, big, with a copy button; then the photo follows in the background. */
function SentCard(props: { slug: string; sent: Submitted; photo: Blob | null; onAnother: () => void }) {
  const [copyState, setCopyState] = createSignal('');
  const [photoState, setPhotoState] = createSignal(props.photo ? boardTexts.photoUploading : '');
  const [photoFailed, setPhotoFailed] = createSignal('');
  const code = props.sent.trackingCode;

  if (props.photo) {
    boardApi.photo(props.slug, code, props.photo).then(
      () => setPhotoState(boardTexts.photoUploaded),
      (err: unknown) => {
        setPhotoState('');
        setPhotoFailed(boardTexts.photoFailed(toApiError(err).message));
      },
    );
  }

  const copy = async () => {
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(code);
      } else {
        const area = document.createElement('textarea');
        area.value = code;
        document.body.appendChild(area);
        area.select();
        const ok = document.execCommand('copy');
        area.remove();
        if (!ok) throw new Error('copy');
      }
      setCopyState(boardTexts.copied);
    } catch {
      setCopyState(boardTexts.copyFailed);
    }
  };

  return (
    <div class="card" role="status">
      <h3>{boardTexts.sentTitle}</h3>
      <p class="muted">{boardTexts.codeLabel}</p>
      <p class="board-code" data-testid="tracking-code">
        {code}
      </p>
      <p>{props.sent.hint}</p>
      <div class="actions">
        <Button variant="primary" onClick={() => void copy()}>
          {boardTexts.copy}
        </Button>
        <A class="btn btn-secondary" href={`/t/${props.slug}/track/${code}`}>
          {boardTexts.trackLink}
        </A>
      </div>
      <Show when={copyState()}>
        <p aria-live="polite">{copyState()}</p>
      </Show>
      <Show when={photoState()}>
        <p class="muted">{photoState()}</p>
      </Show>
      <Show when={photoFailed()}>
        <ErrorBanner message={photoFailed()} />
      </Show>
      <Button variant="link" onClick={props.onAnother}>
        {boardTexts.another}
      </Button>
    </div>
  );
}
