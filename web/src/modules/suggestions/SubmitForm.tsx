import { createSignal, Show } from 'solid-js';
import { texts } from '../../texts';
import { suggestionsTexts } from '../../texts/suggestions';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { Notice } from '../../ui/Notice';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { type CategoryOption, type SuggestionForm, suggestionsApi } from './api';
import { emptySuggestion, suggestionDraft } from './draft';

const s = suggestionsTexts;
const FIELDS = ['title', 'category', 'body'] as const;

interface Props {
  slug: string;
  userId: string;
  categories: CategoryOption[];
  onSent: () => void;
}

/** The short form every staff member sees first: title, category, text. */
export function SubmitForm(props: Props) {
  const draft = suggestionDraft(props.slug, props.userId);
  const restored = draft.load();
  const [form, setForm] = createSignal<SuggestionForm>(restored ?? emptySuggestion());
  const [notice, setNotice] = createSignal(restored ? s.draftRestored : '');
  const errors = createFormErrors(FIELDS, 'sg');
  const set = (field: (typeof FIELDS)[number], value: string) => {
    const next = { ...form(), [field]: value };
    setForm(next);
    draft.save(next);
    errors.clearField(field);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const f = form();
    const local: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (!f.title.trim()) local.title = texts.common.required(s.fieldTitle);
    if (!f.body.trim()) local.body = texts.common.required(s.body);
    if (local.title || local.body) {
      errors.setLocal(local);
      return;
    }
    setNotice('');
    void errors.run(async () => {
      await suggestionsApi.submit(props.slug, {
        title: f.title.trim(),
        body: f.body.trim(),
        category: f.category,
      });
      draft.clear();
      setForm(emptySuggestion());
      setNotice(s.submitted);
      props.onSent();
    });
  };
  return (
    <form class="form card section" onSubmit={submit} novalidate>
      <h2>{s.newTitle}</h2>
      <Show when={notice()}>
        <Notice tone={notice() === s.submitted ? 'ok' : 'info'}>{notice()}</Notice>
      </Show>
      <Show when={errors.banner()}>{(b) => <ErrorBanner message={b().message} details={b().details} />}</Show>
      <TextField
        id="sg-title"
        label={s.fieldTitle}
        hint={s.titleHint}
        maxLength={60}
        value={form().title}
        onValue={(v) => set('title', v)}
        error={errors.field('title')}
        autocomplete="off"
      />
      <SelectField
        id="sg-category"
        label={s.category}
        optional
        placeholder={s.categoryPlaceholder}
        value={form().category}
        options={props.categories.map((c) => ({ value: c.key, label: c.label }))}
        onValue={(v) => set('category', v)}
        error={errors.field('category')}
      />
      <TextAreaField
        id="sg-body"
        label={s.body}
        hint={s.bodyHint}
        rows={5}
        maxLength={2000}
        value={form().body}
        onValue={(v) => set('body', v)}
        error={errors.field('body')}
      />
      <div class="actions">
        <Button type="submit" variant="primary" busy={errors.busy()}>
          {errors.busy() ? s.submitting : s.submit}
        </Button>
      </div>
    </form>
  );
}
