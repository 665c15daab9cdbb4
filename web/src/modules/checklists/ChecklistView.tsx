import { For, Show } from 'solid-js';
import { checklistsTexts as s } from '../../texts/checklists';
import type { ChecklistBody, ChecklistItem, Rule } from './api';

/** What a rule asks for, as one line: 选“否”时：须填写说明、须拍照、生成问题. */
export function ruleText(item: Pick<ChecklistItem, 'type'>, rule: Rule): string | null {
  const asks = [
    rule.requireNote ? s.requireNote : '',
    rule.requirePhoto ? s.requirePhoto : '',
    rule.createFinding ? s.createFinding : '',
  ].filter(Boolean);
  if (!asks.length) return null;
  const w = rule.when;
  const when =
    'answer' in w ? s.whenNo : 'below' in w ? s.whenBelow(w.below, item.type) : s.whenChoice(w.choice);
  return `${when}：${asks.join('、')}`;
}

function Item(props: { item: ChecklistItem; n: number }) {
  const i = () => props.item;
  const facts = () =>
    [
      i().type === 'score' && i().max !== undefined ? s.maxScore(i().max as number) : '',
      i().type === 'number' && i().unit ? s.unit(i().unit as string) : '',
      i().type === 'choice' && i().choices?.length ? s.choices(i().choices as string[]) : '',
    ].filter(Boolean);
  return (
    <li class="card">
      <p class="card-title">
        {props.n}. {i().label}
      </p>
      <p class="card-meta">
        <span class="badge">{s.itemTypes[i().type] ?? i().type}</span>{' '}
        <Show when={i().required} fallback={<span class="badge">{s.optional}</span>}>
          <span class="badge badge-primary">{s.required}</span>
        </Show>
        <Show when={i().hazardLevel}>
          {(h) => (
            <>
              {' '}
              <span class={h() === 'general' ? 'badge badge-warn' : 'badge badge-danger'}>
                {s.hazard(s.hazardLevels[h()])}
              </span>
            </>
          )}
        </Show>
      </p>
      <Show when={facts().length}>
        <p class="card-meta">{facts().join(' · ')}</p>
      </Show>
      <Show when={i().guidance}>
        <p class="card-meta">
          {s.guidance}：{i().guidance}
        </p>
      </Show>
      <For each={(i().rules ?? []).map((r) => ruleText(i(), r)).filter(Boolean)}>
        {(line) => <p class="card-meta warn-text">{line}</p>}
      </For>
    </li>
  );
}

/** A checklist read-only, as the inspector meets it on a visit: sections, then numbered items. */
export function ChecklistView(props: { body: ChecklistBody }) {
  // Items are numbered through the whole checklist, as on the paper form.
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
        <section aria-label={sec.title} style={{ margin: '0 0 16px' }}>
          <h3>{sec.title}</h3>
          <ol class="cards">
            <For each={sec.items}>{(item, ii) => <Item item={item} n={(starts()[si()] ?? 1) + ii()} />}</For>
          </ol>
        </section>
      )}
    </For>
  );
}
