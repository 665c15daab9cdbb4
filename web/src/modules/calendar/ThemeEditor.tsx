import { For, Show } from 'solid-js';
import { ApiError, toApiError } from '../../api';
import { calendarTexts as s } from '../../texts/calendar';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { DraftNotice } from '../../ui/DraftNotice';
import { createDraftForm } from '../../ui/draftForm';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { TextField } from '../../ui/TextField';
import { type CalendarMonth, calendarApi, type YearThemes } from './api';
import { THEME_FIELDS, type ThemeField, type ThemesDraft, themesDraft } from './draft';

const MAX_THEME = 60;

interface ThemeEditorProps {
  slug: string;
  year: number;
  months: CalendarMonth[];
  /** The year's themes come from the office (not the preset): they can be given back to the preset. */
  ownThemes: boolean;
  onSaved: (themes: YearThemes, message: string) => void;
  onClose: () => void;
}

const fieldOf = (month: number) => THEME_FIELDS[month - 1] as ThemeField;

/** The server names a month by its place in the list sent (themes.3.theme is April): put it at that field. */
function atMonthFields(err: unknown): ApiError {
  const e = toApiError(err);
  if (!e.issues.length) return e;
  const issues = e.issues.map((issue) => {
    const m = /^themes\.(\d+)/.exec(String(issue.path ?? ''));
    return m ? { ...issue, path: fieldOf(Number(m[1]) + 1) } : issue;
  });
  return new ApiError(e.status, e.code, e.message, { ...e.details, issues }, e.requestId);
}

/**
 * The twelve themes of one year for the office to edit. What is typed is kept on this device (per
 * year) until it is saved or dropped, so a reload or a closed tab loses nothing.
 */
export function ThemeEditor(props: ThemeEditorProps) {
  const initial = {} as ThemesDraft;
  for (const m of props.months) initial[fieldOf(m.month)] = m.theme ?? '';
  const slot = themesDraft(props.slug, String(props.year));
  const form = createDraftForm({ slot, initial, fields: THEME_FIELDS, idPrefix: 'theme' });
  const { errors, field } = form;

  const submit = form.onSubmit(
    (d) => {
      const local: Partial<Record<ThemeField, string>> = {};
      props.months.forEach((m) => {
        if (d[fieldOf(m.month)].trim().length > MAX_THEME) local[fieldOf(m.month)] = s.themeTooLong(m.month);
      });
      return local;
    },
    async (d) => {
      const themes = props.months.map((m) => ({ month: m.month, theme: d[fieldOf(m.month)].trim() }));
      const saved = await calendarApi.saveThemes(props.slug, props.year, themes).catch((err: unknown) => {
        throw atMonthFields(err);
      });
      form.clear();
      props.onSaved(saved, s.saved(props.year));
    },
  );

  return (
    <section class="section">
      <h2>{s.editTitle(props.year)}</h2>
      <form class="form" onSubmit={submit} novalidate>
        <DraftNotice
          show={form.restored}
          message={s.draftRestored}
          discardLabel={s.discardDraft}
          onDiscard={form.discard}
        />
        <For each={props.months}>
          {(m) => (
            <TextField
              {...field(fieldOf(m.month), s.themeLabel(m.month), { optional: true })}
              maxLength={MAX_THEME}
              autocomplete="off"
            />
          )}
        </For>
        <p class="field-hint">{s.themeHint}</p>
        <Show when={errors.banner()}>
          {(b) => <ErrorBanner message={b().message} details={b().details} />}
        </Show>
        <div class="actions">
          <Button type="submit" variant="primary" busy={errors.busy()}>
            {errors.busy() ? s.saving : s.save}
          </Button>
          <Button onClick={() => props.onClose()}>{s.closeEditor}</Button>
        </div>
      </form>
      <Show when={props.ownThemes}>
        <ConfirmButton
          label={s.resetPreset}
          question={s.resetQuestion(props.year)}
          run={async () => {
            const saved = await calendarApi.saveThemes(props.slug, props.year, []);
            form.clear();
            props.onSaved(saved, s.resetDone(props.year));
          }}
        />
      </Show>
    </section>
  );
}
