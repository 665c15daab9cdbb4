import { createSignal, For, type JSX, Show, untrack } from 'solid-js';
import { ANSWER_LIMITS } from '../../../../tenants/checklists/answers';
import { texts } from '../../texts';
import { visitsTexts as s } from '../../texts/visits';
import { compressImage, EVIDENCE_PHOTO, formatBytes, ImageCompressError } from '../../ui/compressImage';
import { bytesOf, putPhoto, type StoredPhoto } from '../../ui/photoStore';
import { newUuid } from '../../ui/uuid';
import type { ChecklistBody, ChecklistItem, Rule } from '../checklists/api';
import type { AnswerValue } from './api';

export interface ShownPhoto {
  url: string;
  originalBytes: number;
  bytes: number;
}

interface ChecklistFormProps {
  body: ChecklistBody;
  answers: Record<string, AnswerValue>;
  /** Field errors by `answers.<key>.<field>`. */
  errors: Record<string, string>;
  /** Item keys whose answer drafts a finding. */
  findingKeys: Set<string>;
  photos: Record<string, ShownPhoto>;
  photoScope: string;
  disabled: boolean;
  onAnswer: (key: string, patch: AnswerValue) => void;
  onPhoto: (photo: StoredPhoto, url: string) => void;
}

/** Whether `rule` fires for `value` (the same test as tenants/checklists/answers.ts). */
function fires(rule: Rule, value: AnswerValue['value']): boolean {
  const when = rule.when;
  if ('answer' in when) return value === false;
  if ('below' in when) return typeof value === 'number' && value < when.below;
  return value === when.choice;
}

function numberOf(text: string): number | string | null {
  const t = text.trim();
  if (!t) return null;
  const n = Number(t);
  // A half-typed number stays text, so the check says what is wrong instead of losing it.
  return Number.isFinite(n) ? n : t;
}

function Item(props: ChecklistFormProps & { item: ChecklistItem; n: number }) {
  const item = () => props.item;
  const key = () => props.item.key;
  const id = () => `item-${props.item.key}`;
  const answer = (): AnswerValue => props.answers[key()] ?? {};
  const err = (field: string) => props.errors[`answers.${key()}.${field}`];
  const triggered = () => (item().rules ?? []).filter((r) => fires(r, answer().value));
  const needsNote = () => triggered().some((r) => r.requireNote);
  const needsPhoto = () => triggered().some((r) => r.requirePhoto);
  // Note and photos of an item that does not ask for them are one tap away (60 open boxes are too many).
  const [open, setOpen] = createSignal(false);
  const showExtra = () =>
    open() ||
    item().type === 'photo' ||
    triggered().some((r) => r.requireNote || r.requirePhoto || r.createFinding) ||
    !!answer().note ||
    !!answer().photos?.length;
  const [compressing, setCompressing] = createSignal(false);
  const [photoError, setPhotoError] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;

  const addPhotos = async (files: FileList | null | undefined) => {
    setPhotoError(null);
    if (!files?.length) return;
    setCompressing(true);
    try {
      for (let i = 0; i < files.length; i++) {
        const have = answer().photos ?? [];
        if (have.length >= ANSWER_LIMITS.photos) {
          setPhotoError(s.tooManyPhotos(ANSWER_LIMITS.photos));
          break;
        }
        const image = await compressImage(files[i] as File, EVIDENCE_PHOTO);
        const photo: StoredPhoto = {
          id: newUuid(),
          scope: props.photoScope,
          bytes: await bytesOf(image.blob),
          type: image.blob.type || 'image/jpeg',
          originalBytes: image.originalBytes,
          uploaded: false,
          addedAt: Date.now(),
        };
        await putPhoto(photo);
        props.onPhoto(photo, URL.createObjectURL(image.blob));
        props.onAnswer(key(), { photos: [...have, photo.id] });
      }
    } catch (e) {
      setPhotoError(e instanceof ImageCompressError ? e.message : texts.common.serverError);
    } finally {
      setCompressing(false);
      if (input) input.value = '';
    }
  };

  const control = (): JSX.Element => {
    const i = item();
    // Built once per item (its type never changes); the value and error below are read in the
    // attributes, so typing updates the input in place instead of replacing it (and its focus).
    const v = () => answer().value;
    const described = () => (err('value') ? `${id()}-value-error` : undefined);
    switch (i.type) {
      case 'yes_no':
        return (
          <div class="visit-yesno" role="radiogroup" aria-labelledby={`${id()}-label`}>
            <label class="visit-choice">
              <input
                type="radio"
                name={id()}
                checked={v() === true}
                disabled={props.disabled}
                onChange={() => props.onAnswer(key(), { value: true })}
              />
              {s.yes}
            </label>
            <label class="visit-choice">
              <input
                type="radio"
                name={id()}
                checked={v() === false}
                disabled={props.disabled}
                onChange={() => props.onAnswer(key(), { value: false })}
              />
              {s.no}
            </label>
          </div>
        );
      case 'score':
      case 'number':
        return (
          <div class="visit-number">
            <input
              id={`${id()}-value`}
              type="text"
              inputmode="decimal"
              aria-labelledby={`${id()}-label`}
              aria-describedby={described()}
              aria-invalid={err('value') ? 'true' : undefined}
              placeholder={i.type === 'score' ? s.scorePlaceholder(i.max ?? 0) : ''}
              value={v() === undefined || v() === null ? '' : String(v())}
              disabled={props.disabled}
              onInput={(e) => props.onAnswer(key(), { value: numberOf(e.currentTarget.value) })}
            />
            <span class="muted">{i.type === 'score' ? `/ ${i.max}` : (i.unit ?? '')}</span>
          </div>
        );
      case 'choice':
        return (
          <select
            id={`${id()}-value`}
            aria-labelledby={`${id()}-label`}
            aria-describedby={described()}
            value={typeof v() === 'string' ? (v() as string) : ''}
            disabled={props.disabled}
            onChange={(e) => props.onAnswer(key(), { value: e.currentTarget.value || null })}
          >
            <option value="">{s.choose}</option>
            <For each={i.choices ?? []}>
              {(c) => (
                <option value={c} selected={c === v()}>
                  {c}
                </option>
              )}
            </For>
          </select>
        );
      case 'text':
        return (
          <textarea
            id={`${id()}-value`}
            rows={2}
            maxLength={ANSWER_LIMITS.text}
            aria-labelledby={`${id()}-label`}
            aria-describedby={described()}
            value={typeof v() === 'string' ? (v() as string) : ''}
            disabled={props.disabled}
            onInput={(e) => props.onAnswer(key(), { value: e.currentTarget.value })}
          />
        );
      case 'date':
        return (
          <input
            id={`${id()}-value`}
            type="date"
            aria-labelledby={`${id()}-label`}
            aria-describedby={described()}
            value={typeof v() === 'string' ? (v() as string) : ''}
            disabled={props.disabled}
            onInput={(e) => props.onAnswer(key(), { value: e.currentTarget.value || null })}
          />
        );
      default:
        return null;
    }
  };

  return (
    <li
      class="card visit-item field"
      id={id()}
      classList={{
        'field-invalid': !!(err('value') || err('note') || err('photos')),
        'visit-item-finding': props.findingKeys.has(key()),
      }}
    >
      <p class="visit-item-label" id={`${id()}-label`}>
        {props.n}. {item().label}
        <Show when={item().required}>
          {' '}
          <span class="badge badge-primary">{s.required}</span>
        </Show>
        <Show when={item().hazardLevel}>
          {(h) => (
            <>
              {' '}
              <span class={h() === 'general' ? 'badge badge-warn' : 'badge badge-danger'}>
                {s.hazard(s.hazardLevels[h()] ?? h())}
              </span>
            </>
          )}
        </Show>
      </p>
      <Show when={item().guidance}>
        <p class="field-hint">
          {s.guidance}：{item().guidance}
        </p>
      </Show>
      {untrack(control)}
      <Show when={err('value')}>
        <p class="field-error" id={`${id()}-value-error`}>
          {err('value')}
        </p>
      </Show>
      <Show when={props.findingKeys.has(key())}>
        <p class="warn-text">{s.finding}</p>
      </Show>
      <Show
        when={showExtra()}
        fallback={
          <button type="button" class="btn btn-link visit-extra" onClick={() => setOpen(true)}>
            {s.addNoteOrPhoto}
          </button>
        }
      >
        <Show when={item().type !== 'photo'}>
          <label class="visit-sub" for={`${id()}-note`}>
            {needsNote() ? s.noteRequired : s.note}
          </label>
          <textarea
            id={`${id()}-note`}
            rows={2}
            maxLength={ANSWER_LIMITS.note}
            value={answer().note ?? ''}
            disabled={props.disabled}
            aria-invalid={err('note') ? 'true' : undefined}
            onInput={(e) => props.onAnswer(key(), { note: e.currentTarget.value })}
          />
          <Show when={err('note')}>
            <p class="field-error">{err('note')}</p>
          </Show>
        </Show>
        <label class="visit-sub" for={`${id()}-photos`}>
          {needsPhoto() || (item().type === 'photo' && item().required) ? s.photosRequired : s.photos}
        </label>
        <Show when={answer().photos?.length}>
          <ul class="visit-photos" aria-label={`${props.n}. ${s.photos}`}>
            <For each={answer().photos ?? []}>
              {(pid, pi) => (
                <li>
                  <Show when={props.photos[pid]} fallback={<span class="visit-photo-missing" />}>
                    {(p) => (
                      <figure>
                        <img src={p().url} alt={s.photoAlt(pi() + 1)} />
                        <figcaption>
                          {s.photoSize(formatBytes(p().originalBytes), formatBytes(p().bytes))}
                        </figcaption>
                      </figure>
                    )}
                  </Show>
                  <button
                    type="button"
                    class="btn btn-link"
                    disabled={props.disabled}
                    onClick={() =>
                      props.onAnswer(key(), { photos: (answer().photos ?? []).filter((x) => x !== pid) })
                    }
                  >
                    {s.removePhoto}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <input
          ref={input}
          id={`${id()}-photos`}
          type="file"
          accept="image/*"
          multiple
          disabled={props.disabled || compressing()}
          onChange={(e) => addPhotos(e.currentTarget.files)}
        />
        <Show when={compressing()}>
          <p class="loading loading-inline" role="status">
            {s.compressing}
          </p>
        </Show>
        <Show when={photoError() ?? err('photos')}>{(m) => <p class="field-error">{m()}</p>}</Show>
      </Show>
    </li>
  );
}

/** The checklist as a form: sections, then items numbered through the whole list as on paper. */
export function ChecklistForm(props: ChecklistFormProps) {
  const starts = () => {
    let n = 1;
    return props.body.sections.map((sec) => {
      const start = n;
      n += sec.items.length;
      return start;
    });
  };
  return (
    <For each={props.body.sections}>
      {(sec, si) => (
        <section class="visit-section" aria-label={sec.title}>
          <h3>{sec.title}</h3>
          <ol class="cards">
            <For each={sec.items}>
              {(item, ii) => <Item {...props} item={item} n={(starts()[si()] ?? 1) + ii()} />}
            </For>
          </ol>
        </section>
      )}
    </For>
  );
}
