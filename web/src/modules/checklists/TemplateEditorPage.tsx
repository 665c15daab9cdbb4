import { A, useNavigate, useParams } from '@solidjs/router';
import { createSignal, Index, type JSX, Show } from 'solid-js';
import { toApiError } from '../../api';
import { texts } from '../../texts';
import { checklistsTexts as s } from '../../texts/checklists';
import { Button } from '../../ui/Button';
import { DraftNotice } from '../../ui/DraftNotice';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { checklistsApi, HAZARD_LEVELS, ITEM_TYPES, type TemplateDetail } from './api';
import {
  blankItem,
  blankTemplate,
  bodyOf,
  draftOf,
  type ItemDraft,
  keysOf,
  nextKey,
  placeIssues,
  type SectionDraft,
  type TemplateDraft,
  templateDraft,
} from './draft';
import { canManage, templatesHref, useModule } from './permissions';

/** /templates/new, and /templates/:id/edit, which saves a new version of the template. */
export default function TemplateEditorPage() {
  const params = useParams();
  const { slug, session } = useTenant();
  const module = useModule();
  const record = createLoad(
    () => (params.id && canManage(session().user.role) ? { module: module(), id: params.id } : false),
    ({ module: m, id }) => checklistsApi.get(slug(), m, id),
  );
  const back = () => templatesHref(slug(), module(), params.id ? `/${params.id}` : '');
  const title = () => {
    const r = record.data()?.template;
    return params.id ? (r ? s.editTitle(r.name) : s.edit) : s.newTitle;
  };
  return (
    <Page title={title()}>
      <p>
        <A href={back()}>{params.id ? texts.common.cancel : s.backToList}</A>
      </p>
      <Show when={canManage(session().user.role)} fallback={<p>{texts.common.forbidden}</p>}>
        <Show when={params.id} fallback={<Editor template={null} />}>
          <Loaded load={record}>{(d) => <Editor template={d().template} />}</Loaded>
        </Show>
      </Show>
    </Page>
  );
}

const box = { border: '1px solid var(--border)', 'border-radius': 'var(--radius)', 'min-width': '0' };
const sectionBox = { ...box, padding: '12px', margin: '0 0 16px', background: '#fafbfc' };
const itemBox = { ...box, padding: '12px', margin: '0 0 12px', background: 'var(--surface)' };
const legend = { padding: '0 4px', 'font-weight': '700' };

function Check(props: { id: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label for={props.id} style={{ display: 'flex', 'align-items': 'center', 'min-height': '44px' }}>
      <input
        id={props.id}
        type="checkbox"
        style={{ width: '22px', height: '22px', margin: '0 12px 0 0', 'flex-shrink': '0' }}
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

function ItemError(props: { message: string | undefined }) {
  return (
    <Show when={props.message}>
      <p class="field-error" role="alert" style={{ margin: '0 0 8px' }}>
        {props.message}
      </p>
    </Show>
  );
}

/** Move up, move down, remove: the row under a section or an item. */
function MoveButtons(props: {
  what: string;
  idPrefix: string;
  first: boolean;
  last: boolean;
  removeLabel: string;
  canRemove: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <p class="actions">
      <Button
        id={`${props.idPrefix}-up`}
        disabled={props.first}
        aria-label={`${s.moveUp}${props.what}`}
        onClick={() => props.onMove(-1)}
      >
        {s.moveUp}
      </Button>
      <Button
        id={`${props.idPrefix}-down`}
        disabled={props.last}
        aria-label={`${s.moveDown}${props.what}`}
        onClick={() => props.onMove(1)}
      >
        {s.moveDown}
      </Button>
      <Button
        variant="danger"
        disabled={!props.canRemove}
        aria-label={`${props.removeLabel}（${props.what}）`}
        onClick={() => props.onRemove()}
      >
        {props.removeLabel}
      </Button>
    </p>
  );
}

function move<T>(list: T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return list;
  const next = list.slice();
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/** Focus an element once the list has been redrawn (after a move, an add); a disabled one passes to `or`. */
function focusLater(id: string, or?: string) {
  setTimeout(() => {
    const el = document.getElementById(id) as HTMLButtonElement | null;
    (el && !el.disabled ? el : or ? document.getElementById(or) : null)?.focus();
  });
}

function Editor(props: { template: TemplateDetail | null }) {
  const { slug, notify } = useTenant();
  const module = useModule();
  const navigate = useNavigate();
  const tpl = props.template;
  const slot = templateDraft(slug(), module(), tpl?.id ?? null);
  const initial = (): TemplateDraft => (tpl ? draftOf(tpl, tpl.latestVersion) : blankTemplate());
  const saved = slot.load();
  const [draft, setDraft] = createSignal<TemplateDraft>(saved ?? initial());
  const [restored, setRestored] = createSignal(saved !== null);
  // Keys of the version the edit started from are never given to a new item.
  const baseKeys = tpl ? keysOf(tpl.body) : [];

  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [banner, setBanner] = createSignal<{ message: string; details: string[]; stale: boolean } | null>(
    null,
  );
  const [busy, setBusy] = createSignal(false);
  const err = (key: string) => errors()[key];
  const clearErr = (key: string) => {
    if (!errors()[key]) return;
    const next = { ...errors() };
    delete next[key];
    setErrors(next);
  };

  // Every change is kept for this tab at once; a discarded draft leaves nothing behind.
  const update = (patch: Partial<TemplateDraft>) => {
    const next = { ...draft(), ...patch };
    setDraft(next);
    slot.save(next);
  };
  const setSections = (sections: SectionDraft[]) => update({ sections });
  const updSection = (si: number, patch: Partial<SectionDraft>) =>
    setSections(draft().sections.map((sec, i) => (i === si ? { ...sec, ...patch } : sec)));
  const setItems = (si: number, items: ItemDraft[]) => updSection(si, { items });
  const updItem = (si: number, ii: number, patch: Partial<ItemDraft>) => {
    const sec = draft().sections[si];
    if (!sec) return;
    setItems(
      si,
      sec.items.map((it, i) => (i === ii ? { ...it, ...patch } : it)),
    );
    const key = sec.items[ii]?.key;
    for (const field of Object.keys(patch)) clearErr(`i:${key}:${field}`);
    clearErr(`i:${key}:`);
  };
  const addSection = () => {
    const key = nextKey('s', draft(), baseKeys);
    const item = nextKey('i', draft(), baseKeys);
    setSections([...draft().sections, { key, title: '', items: [blankItem(item)] }]);
    focusLater(`tpl-${key}-title`);
  };
  const addItem = (si: number) => {
    const sec = draft().sections[si];
    if (!sec) return;
    const key = nextKey('i', draft(), baseKeys);
    setItems(si, [...sec.items, blankItem(key)]);
    clearErr(`s:${sec.key}:`);
    focusLater(`tpl-${key}-label`);
  };
  const moveSection = (si: number, by: -1 | 1) => {
    const key = draft().sections[si]?.key;
    setSections(move(draft().sections, si, by));
    focusLater(`tpl-${key}-${by < 0 ? 'up' : 'down'}`, `tpl-${key}-${by < 0 ? 'down' : 'up'}`);
  };
  const moveItem = (si: number, ii: number, by: -1 | 1) => {
    const sec = draft().sections[si];
    if (!sec) return;
    const key = sec.items[ii]?.key;
    setItems(si, move(sec.items, ii, by));
    focusLater(`tpl-${key}-${by < 0 ? 'up' : 'down'}`, `tpl-${key}-${by < 0 ? 'down' : 'up'}`);
  };

  // Items are numbered through the whole checklist, as the detail page shows them.
  const starts = () => {
    let n = 1;
    return draft().sections.map((sec) => {
      const start = n;
      n += sec.items.length;
      return start;
    });
  };

  const discard = () => {
    slot.clear();
    setDraft(initial());
    setRestored(false);
    setErrors({});
    setBanner(null);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    const sent = draft();
    setBusy(true);
    setErrors({});
    setBanner(null);
    try {
      const common = {
        name: sent.name.trim(),
        description: sent.description.trim() || null,
        body: bodyOf(sent),
      };
      const saved = tpl
        ? await checklistsApi.newVersion(slug(), module(), tpl.id, {
            ...common,
            note: sent.note.trim() || null,
            baseVersion: sent.baseVersion ?? tpl.latestVersion,
          })
        : { ...(await checklistsApi.create(slug(), module(), common)), unchanged: false };
      const { template } = saved;
      slot.clear();
      const href = templatesHref(slug(), module(), `/${template.id}`);
      navigate(href);
      notify(
        !tpl
          ? s.created(template.name)
          : saved.unchanged
            ? s.unchanged
            : s.savedVersion(template.latestVersion),
        href,
      );
    } catch (caught) {
      const apiErr = toApiError(caught);
      const { placed, rest } = placeIssues(sent, apiErr.issues);
      setErrors(placed);
      setBanner({
        message: Object.keys(placed).length && !rest.length ? s.fixItems : apiErr.message,
        details: rest,
        stale: apiErr.status === 409,
      });
      const first = Object.keys(placed)[0];
      if (first) {
        const [kind, key, field] = first.split(':');
        const id =
          kind === 'i' || kind === 's'
            ? `tpl-${key}-${field || (kind === 'i' ? 'label' : 'title')}`
            : `tpl-${first}`;
        (document.getElementById(id) ?? document.getElementById(`tpl-${key}-label`))?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  const staleDraft = () =>
    restored() && tpl && draft().baseVersion !== null && draft().baseVersion !== tpl.latestVersion;

  return (
    <form class="form" onSubmit={submit} novalidate>
      <DraftNotice
        show={restored()}
        message={
          staleDraft()
            ? `${s.draftRestored}${s.draftStale(draft().baseVersion ?? 0, tpl?.latestVersion ?? 0)}`
            : s.draftRestored
        }
        discardLabel={s.discardDraft}
        onDiscard={discard}
      />
      <p class="page-intro">{tpl ? s.editIntro(tpl.latestVersion) : s.newIntro}</p>
      <TextField
        id="tpl-name"
        label={s.name}
        hint={s.nameHint}
        value={draft().name}
        error={err('name')}
        maxLength={60}
        autocomplete="off"
        onValue={(name) => {
          update({ name });
          clearErr('name');
        }}
      />
      <TextAreaField
        id="tpl-description"
        label={s.description}
        optional
        rows={2}
        maxLength={300}
        value={draft().description}
        error={err('description')}
        onValue={(description) => {
          update({ description });
          clearErr('description');
        }}
      />
      <h2>{s.sections}</h2>
      <Index each={draft().sections}>
        {(sec, si) => (
          <fieldset style={sectionBox}>
            <legend style={legend}>{s.section(si + 1)}</legend>
            <ItemError message={err(`s:${sec().key}:`)} />
            <TextField
              id={`tpl-${sec().key}-title`}
              label={s.sectionTitle}
              value={sec().title}
              error={err(`s:${sec().key}:title`)}
              maxLength={60}
              autocomplete="off"
              onValue={(title) => {
                updSection(si, { title });
                clearErr(`s:${sec().key}:title`);
              }}
            />
            <MoveButtons
              what={s.section(si + 1)}
              idPrefix={`tpl-${sec().key}`}
              first={si === 0}
              last={si === draft().sections.length - 1}
              removeLabel={s.removeSection}
              canRemove={draft().sections.length > 1}
              onMove={(by) => moveSection(si, by)}
              onRemove={() => setSections(draft().sections.filter((_, i) => i !== si))}
            />
            <Index each={sec().items}>
              {(item, ii) => (
                <ItemEditor
                  item={item()}
                  n={(starts()[si] ?? 1) + ii}
                  first={ii === 0}
                  last={ii === sec().items.length - 1}
                  canRemove={sec().items.length > 1}
                  hazard={module() === 'safety' || item().hazardLevel !== ''}
                  err={(field) => err(`i:${item().key}:${field}`)}
                  onChange={(patch) => updItem(si, ii, patch)}
                  onMove={(by) => moveItem(si, ii, by)}
                  onRemove={() =>
                    setItems(
                      si,
                      sec().items.filter((_, i) => i !== ii),
                    )
                  }
                />
              )}
            </Index>
            <Button onClick={() => addItem(si)} aria-label={`${s.addItem}（${s.section(si + 1)}）`}>
              {s.addItem}
            </Button>
          </fieldset>
        )}
      </Index>
      <p class="actions">
        <Button onClick={addSection}>{s.addSection}</Button>
      </p>
      <Show when={tpl}>
        <TextField
          id="tpl-note"
          label={s.note}
          hint={s.noteHint}
          optional
          value={draft().note}
          error={err('note')}
          maxLength={200}
          autocomplete="off"
          onValue={(note) => {
            update({ note });
            clearErr('note');
          }}
        />
      </Show>
      <Show when={banner()}>
        {(b) => (
          <>
            <ErrorBanner message={b().message} details={b().details} />
            <Show when={b().stale && tpl}>
              <p>
                <A href={templatesHref(slug(), module(), `/${tpl?.id}`)}>{s.stale}</A>
              </p>
            </Show>
          </>
        )}
      </Show>
      <Button type="submit" variant="primary" class="btn-block" busy={busy()}>
        {busy() ? s.saving : tpl ? s.saveVersion : s.save}
      </Button>
    </form>
  );
}

interface ItemEditorProps {
  item: ItemDraft;
  n: number;
  first: boolean;
  last: boolean;
  canRemove: boolean;
  /** The hazard level select: safety templates, or an item that already has one. */
  hazard: boolean;
  err: (field: string) => string | undefined;
  onChange: (patch: Partial<ItemDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function ItemEditor(props: ItemEditorProps): JSX.Element {
  const it = () => props.item;
  const id = (field: string) => `tpl-${it().key}-${field}`;
  const what = () => s.item(props.n);
  const setChoice = (k: number, value: string) =>
    props.onChange({ choices: it().choices.map((c, i) => (i === k ? value : c)) });
  return (
    <fieldset style={itemBox}>
      <legend style={legend}>{what()}</legend>
      <ItemError message={props.err('') ?? props.err('rules') ?? props.err('key')} />
      <TextAreaField
        id={id('label')}
        label={s.itemLabel}
        rows={2}
        maxLength={200}
        value={it().label}
        error={props.err('label')}
        onValue={(label) => props.onChange({ label })}
      />
      <SelectField
        id={id('type')}
        label={s.itemType}
        value={it().type}
        error={props.err('type')}
        options={ITEM_TYPES.map((t) => ({ value: t, label: s.itemTypes[t] }))}
        onValue={(v) => {
          const type = v as ItemDraft['type'];
          props.onChange(
            type === 'choice' && it().choices.length < 2
              ? { type, choices: [...it().choices, '', ''].slice(0, Math.max(2, it().choices.length)) }
              : { type },
          );
        }}
      />
      <Check
        id={id('required')}
        label={s.itemRequired}
        checked={it().required}
        onChange={(required) => props.onChange({ required })}
      />
      <Show when={it().type === 'score'}>
        <TextField
          id={id('max')}
          label={s.itemMax}
          inputmode="decimal"
          maxLength={6}
          autocomplete="off"
          value={it().max}
          error={props.err('max')}
          onValue={(max) => props.onChange({ max })}
        />
      </Show>
      <Show when={it().type === 'number'}>
        <TextField
          id={id('unit')}
          label={s.itemUnit}
          hint={s.itemUnitHint}
          optional
          maxLength={10}
          autocomplete="off"
          value={it().unit}
          error={props.err('unit')}
          onValue={(unit) => props.onChange({ unit })}
        />
      </Show>
      <Show when={it().type === 'choice'}>
        <fieldset
          class="field"
          classList={{ 'field-invalid': !!props.err('choices') }}
          style={{ border: '0', padding: '0', 'min-width': '0' }}
        >
          <legend style={{ padding: '0', 'font-weight': '600', margin: '0 0 4px' }}>{s.itemChoices}</legend>
          <Index each={it().choices}>
            {(choice, k) => (
              <div style={{ display: 'flex', 'align-items': 'center', margin: '0 0 8px' }}>
                <input
                  id={k === 0 ? id('choices') : undefined}
                  type="text"
                  aria-label={s.choice(k + 1)}
                  maxLength={40}
                  autocomplete="off"
                  value={choice()}
                  onInput={(e) => setChoice(k, e.currentTarget.value)}
                  style={{
                    flex: '1 1 auto',
                    'min-width': '0',
                    'min-height': '44px',
                    padding: '9px 12px',
                    border: '1px solid #c9cdd4',
                    'border-radius': 'var(--radius)',
                    font: 'inherit',
                    margin: '0 8px 0 0',
                  }}
                />
                <Button
                  style={{ 'flex-shrink': '0', 'white-space': 'nowrap' }}
                  aria-label={`${s.removeChoice}${s.choice(k + 1)}`}
                  onClick={() => props.onChange({ choices: it().choices.filter((_, i) => i !== k) })}
                >
                  {s.removeChoice}
                </Button>
              </div>
            )}
          </Index>
          <Button onClick={() => props.onChange({ choices: [...it().choices, ''] })}>{s.addChoice}</Button>
          <Show when={props.err('choices')}>
            <p class="field-error">{props.err('choices')}</p>
          </Show>
        </fieldset>
      </Show>
      <TextAreaField
        id={id('guidance')}
        label={s.itemGuidance}
        hint={s.itemGuidanceHint}
        optional
        rows={2}
        maxLength={300}
        value={it().guidance}
        error={props.err('guidance')}
        onValue={(guidance) => props.onChange({ guidance })}
      />
      <Show when={props.hazard}>
        <SelectField
          id={id('hazardLevel')}
          label={s.itemHazard}
          optional
          placeholder={s.noHazard}
          value={it().hazardLevel}
          error={props.err('hazardLevel')}
          options={HAZARD_LEVELS.map((h) => ({ value: h, label: s.hazardLevels[h] }))}
          onValue={(v) => props.onChange({ hazardLevel: v as ItemDraft['hazardLevel'] })}
        />
      </Show>
      <Show when={it().type === 'yes_no'}>
        <Check
          id={id('noNote')}
          label={s.noRuleNote}
          checked={it().noNote}
          onChange={(noNote) => props.onChange({ noNote })}
        />
        <Check
          id={id('noPhoto')}
          label={s.noRulePhoto}
          checked={it().noPhoto}
          onChange={(noPhoto) => props.onChange({ noPhoto })}
        />
        <Check
          id={id('noFinding')}
          label={s.noRuleFinding}
          checked={it().noFinding}
          onChange={(noFinding) => props.onChange({ noFinding })}
        />
      </Show>
      <Show when={it().type === 'score' || it().type === 'number'}>
        <TextField
          id={id('below')}
          label={s.belowValue}
          hint={s.belowHint}
          optional
          inputmode="decimal"
          maxLength={8}
          autocomplete="off"
          value={it().below}
          onValue={(below) => props.onChange({ below })}
        />
        <Show when={it().below.trim()}>
          <Check
            id={id('belowNote')}
            label={s.belowRuleNote}
            checked={it().belowNote}
            onChange={(belowNote) => props.onChange({ belowNote })}
          />
          <Check
            id={id('belowPhoto')}
            label={s.belowRulePhoto}
            checked={it().belowPhoto}
            onChange={(belowPhoto) => props.onChange({ belowPhoto })}
          />
          <Check
            id={id('belowFinding')}
            label={s.belowRuleFinding}
            checked={it().belowFinding}
            onChange={(belowFinding) => props.onChange({ belowFinding })}
          />
        </Show>
      </Show>
      <Show when={it().keep.length}>
        <p class="muted">{s.keepsRules(it().keep.length)}</p>
      </Show>
      <MoveButtons
        what={what()}
        idPrefix={`tpl-${it().key}`}
        first={props.first}
        last={props.last}
        removeLabel={s.removeItem}
        canRemove={props.canRemove}
        onMove={props.onMove}
        onRemove={props.onRemove}
      />
    </fieldset>
  );
}
