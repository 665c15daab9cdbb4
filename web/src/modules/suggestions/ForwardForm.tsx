import { createSignal, Show } from 'solid-js';
import { texts } from '../../texts';
import { suggestionsTexts } from '../../texts/suggestions';
import { Button } from '../../ui/Button';
import { storedText, storeText } from '../../ui/draftStore';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { UnitPicker } from '../units/UnitPicker';
import { type CategoryOption, type Suggestion, suggestionsApi } from './api';

const s = suggestionsTexts;
const FIELDS = ['category', 'unitId', 'officeNote'] as const;

interface Props {
  slug: string;
  item: Suggestion;
  categories: CategoryOption[];
  unitWord: string;
  onDone: (item: Suggestion, message: string) => void;
}

/** The office classifies a suggestion and forwards it to a unit (or to another one). */
export function ForwardForm(props: Props) {
  const noteKey = `dudao.suggestionForwardNote.${props.item.id}`;
  const [category, setCategory] = createSignal(props.item.category ?? '');
  const [unit, setUnit] = createSignal(props.item.unit ?? { id: '', name: '' });
  const [note, setNote] = createSignal(storedText(noteKey) || props.item.officeNote || '');
  const errors = createFormErrors(FIELDS, 'sg-forward');
  return (
    <form
      class="form card section"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        const local: Partial<Record<(typeof FIELDS)[number], string>> = {};
        if (!category()) local.category = texts.common.choose(s.category);
        if (!unit().id) local.unitId = s.chooseUnit(props.unitWord);
        if (local.category || local.unitId) {
          errors.setLocal(local);
          return;
        }
        void errors.run(async () => {
          const { suggestion } = await suggestionsApi.forward(props.slug, props.item.id, {
            unitId: unit().id,
            category: category(),
            officeNote: note().trim(),
          });
          storeText(noteKey, '');
          props.onDone(suggestion, s.forwarded(suggestion.unit?.name ?? ''));
        });
      }}
    >
      <h2>{s.forwardTitle}</h2>
      <Show when={errors.banner()}>{(b) => <ErrorBanner message={b().message} details={b().details} />}</Show>
      <SelectField
        id="sg-forward-category"
        label={s.category}
        placeholder={texts.common.choose(s.category)}
        value={category()}
        options={props.categories.map((c) => ({ value: c.key, label: c.label }))}
        onValue={(v) => {
          setCategory(v);
          errors.clearField('category');
        }}
        error={errors.field('category')}
      />
      <UnitPicker
        id="sg-forward-unitId"
        slug={props.slug}
        unitWord={props.unitWord}
        unitId={unit().id}
        unitName={unit().name}
        label={s.forwardUnit(props.unitWord)}
        emptyLabel={s.chooseUnit(props.unitWord)}
        error={errors.field('unitId')}
        onChange={(u) => {
          setUnit(u);
          errors.clearField('unitId');
        }}
      />
      <TextAreaField
        id="sg-forward-officeNote"
        label={s.forwardNote}
        optional
        rows={2}
        maxLength={1000}
        value={note()}
        onValue={(v) => {
          setNote(v);
          storeText(noteKey, v);
          errors.clearField('officeNote');
        }}
        error={errors.field('officeNote')}
      />
      <div class="actions">
        <Button type="submit" variant="primary" busy={errors.busy()}>
          {errors.busy() ? s.saving : s.forward}
        </Button>
      </div>
    </form>
  );
}
