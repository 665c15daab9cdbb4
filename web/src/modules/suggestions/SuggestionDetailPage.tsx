import { A, useParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { suggestionsTexts } from '../../texts/suggestions';
import { formatTime } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { TextStepForm } from '../../ui/TextStepForm';
import { useTenant } from '../shell/context';
import { type Suggestion, suggestionsApi } from './api';
import { ForwardForm } from './ForwardForm';
import { Replies, StatusBadge } from './Replies';
import './suggestions.css';

const s = suggestionsTexts;

/** One suggestion: what was written, what the office and the unit said, and the next step for this user. */
export default function SuggestionDetailPage() {
  const params = useParams();
  const { slug, session, config } = useTenant();
  const one = createLoad(
    () => params.id ?? false,
    (id) => suggestionsApi.get(slug(), id),
  );
  const [message, setMessage] = createSignal('');
  const unitWord = () => config().vocabulary.unit;
  const done = (item: Suggestion, text: string) => {
    const d = one.data();
    if (d) one.mutate({ ...d, suggestion: item });
    setMessage(text);
    window.scrollTo(0, 0);
  };
  const backHref = () => {
    const role = session().user.role;
    const tab =
      role === 'admin' || role === 'director' ? '?tab=office' : role === 'unit_manager' ? '?tab=unit' : '';
    const item = one.data()?.suggestion;
    return `/t/${slug()}/suggestions${item?.mine ? '' : tab}`;
  };

  return (
    <Page title={one.data()?.suggestion.title ?? s.title}>
      <p>
        <A href={backHref()}>{s.backToList}</A>
      </p>
      <Show when={message()}>
        <Notice>{message()}</Notice>
      </Show>
      <Loaded load={one}>
        {(d) => {
          const item = () => d().suggestion;
          return (
            <>
              <section class="card section">
                <p class="card-meta">
                  <StatusBadge item={item()} /> {item().categoryLabel ?? s.noCategory} ·{' '}
                  {formatTime(item().createdAt)}
                </p>
                <Show when={item().author && !item().mine}>
                  <p class="card-meta">
                    {s.author}：{item().author?.name}
                  </p>
                </Show>
                <Show when={item().unit}>
                  {(unit) => (
                    <p class="card-meta">
                      {s.unit(unitWord())}：{unit().name}
                    </p>
                  )}
                </Show>
                <p class="sg-text">{item().body}</p>
                <Replies item={item()} />
              </section>
              <Show when={item().actions.answer}>
                <TextStepForm
                  id="sg-answer"
                  title={s.answerTitle}
                  label={s.answerLabel}
                  field="answer"
                  maxLength={2000}
                  draftKey={`dudao.suggestionAnswer.${item().id}`}
                  submitLabel={s.sendAnswer}
                  savingLabel={s.saving}
                  rows={4}
                  onSend={async (answer) => {
                    const r = await suggestionsApi.answer(slug(), item().id, answer);
                    done(r.suggestion, s.answered);
                  }}
                />
              </Show>
              <Show when={item().actions.forward}>
                <ForwardForm
                  slug={slug()}
                  item={item()}
                  categories={d().categories}
                  unitWord={unitWord()}
                  onDone={done}
                />
              </Show>
              <Show when={item().actions.close}>
                <TextStepForm
                  id="sg-close"
                  title={s.closeTitle}
                  label={s.closeLabel}
                  hint={s.closeHint}
                  field="officeNote"
                  maxLength={1000}
                  variant="secondary"
                  draftKey={`dudao.suggestionClose.${item().id}`}
                  submitLabel={s.close}
                  savingLabel={s.saving}
                  rows={4}
                  onSend={async (note) => {
                    const r = await suggestionsApi.close(slug(), item().id, note);
                    done(r.suggestion, s.closed);
                  }}
                />
              </Show>
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
