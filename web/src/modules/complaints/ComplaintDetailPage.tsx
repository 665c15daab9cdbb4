import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { complaintsTexts } from '../../texts/complaints';
import { formatTime } from '../../ui/format';
import { InfoList } from '../../ui/InfoList';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { TextStepForm } from '../../ui/TextStepForm';
import { useTenant } from '../shell/context';
import { type ComplaintDetail, complaintsApi } from './api';

const HANDLERS = ['admin', 'director', 'inspector'];
const ASSIGNERS = ['admin', 'director'];
/** Every step on a complaint: a short text, up to 1,000 characters. */
const STEP = { rows: 3, maxLength: 1000, savingLabel: complaintsTexts.saving };

/** One complaint: what the sender wrote, the full record (受理核实投诉记录) and the next steps. */
export default function ComplaintDetailPage() {
  const params = useParams<{ id: string }>();
  const { slug, session, config, notify } = useTenant();
  const item = createLoad(
    () => params.id,
    (id) => complaintsApi.get(slug(), id).then((r) => r.complaint),
  );
  const role = () => session().user.role;
  const canHandle = () => HANDLERS.indexOf(role()) >= 0;
  const canAssign = () => ASSIGNERS.indexOf(role()) >= 0;
  const inspectors = createLoad(
    () => canAssign() && slug(),
    (s) => complaintsApi.inspectors(s).then((r) => r.items),
  );
  const [assignee, setAssignee] = createSignal('');

  const done = (c: ComplaintDetail) => {
    item.mutate(c);
    notify(complaintsTexts.done);
  };
  const key = (action: string) => `dudao.complaint.${params.id}.${action}`;

  return (
    <Page title={item.data()?.topic ?? complaintsTexts.title}>
      <p>
        <A href={`/t/${slug()}/complaints`}>{complaintsTexts.backToList}</A>
      </p>
      <Loaded load={item}>
        {(c) => (
          <>
            <section class="section card">
              <InfoList
                items={[
                  { label: complaintsTexts.status, value: <strong>{c().statusLabel}</strong> },
                  { label: complaintsTexts.category, value: c().categoryLabel },
                  { label: config().vocabulary.unit, value: c().unit.name },
                  { label: complaintsTexts.code, value: <code>{c().trackingCode}</code> },
                  { label: complaintsTexts.createdAt, value: formatTime(c().createdAt) },
                  {
                    label: complaintsTexts.assignee,
                    value: c().assignee?.name ?? complaintsTexts.unassigned,
                  },
                  {
                    label: complaintsTexts.contact,
                    value: (
                      <Show when={c().contactName || c().contactPhone} fallback={complaintsTexts.noContact}>
                        {c().contactName ?? ''}{' '}
                        <Show when={c().contactPhone}>{(p) => <a href={`tel:${p()}`}>{p()}</a>}</Show>
                      </Show>
                    ),
                  },
                  ...(c().closedAt
                    ? [{ label: complaintsTexts.closedAt, value: formatTime(c().closedAt as string) }]
                    : []),
                ]}
              />
            </section>
            <section class="section">
              <h2>{complaintsTexts.body}</h2>
              <p class="board-reply" style={{ 'white-space': 'pre-wrap', 'word-break': 'break-word' }}>
                {c().body}
              </p>
              <Show when={c().hasPhoto}>
                <h3>{complaintsTexts.photo}</h3>
                <img
                  src={complaintsApi.photoUrl(slug(), c().id)}
                  alt={complaintsTexts.photoAlt}
                  style={{ 'max-width': '100%', 'max-height': '320px' }}
                />
              </Show>
            </section>
            <section class="section">
              <h2>{complaintsTexts.reply}</h2>
              <p style={{ 'white-space': 'pre-wrap' }}>{c().publicReply ?? complaintsTexts.noReply}</p>
            </section>
            <section class="section">
              <h2>{complaintsTexts.events}</h2>
              <ol class="cards">
                <For each={c().events}>
                  {(e) => (
                    <li class="card">
                      <p class="card-meta">
                        {formatTime(e.at)} · {e.actorName ?? ''} · <strong>{e.actionLabel}</strong>
                      </p>
                      <Show when={e.note}>
                        <p style={{ 'white-space': 'pre-wrap' }}>{e.note}</p>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </section>
            <Show when={c().status !== 'closed'}>
              <Show when={canAssign()}>
                <TextStepForm
                  {...STEP}
                  id="assign"
                  title={complaintsTexts.assign}
                  label={complaintsTexts.assignNote}
                  field="note"
                  required={false}
                  draftKey={key('assign')}
                  submitLabel={complaintsTexts.assign}
                  extra={
                    <SelectField
                      id="assign-inspectorId"
                      label={complaintsTexts.assignTo}
                      placeholder={complaintsTexts.assignPlaceholder}
                      value={assignee()}
                      options={(inspectors.data() ?? []).map((i) => ({ value: i.id, label: i.name }))}
                      onValue={setAssignee}
                    />
                  }
                  onSend={async (note) =>
                    done(
                      (
                        await complaintsApi.assign(slug(), c().id, {
                          inspectorId: assignee(),
                          ...(note ? { note } : {}),
                        })
                      ).complaint,
                    )
                  }
                />
              </Show>
              <Show when={canHandle()}>
                <TextStepForm
                  {...STEP}
                  id="note"
                  title={complaintsTexts.note}
                  label={complaintsTexts.noteLabel}
                  field="note"
                  required
                  draftKey={key('note')}
                  submitLabel={complaintsTexts.save}
                  onSend={async (note) => done((await complaintsApi.note(slug(), c().id, note)).complaint)}
                />
                <TextStepForm
                  {...STEP}
                  id="reply"
                  title={complaintsTexts.replyAction}
                  label={complaintsTexts.replyLabel}
                  field="publicReply"
                  required
                  draftKey={key('reply')}
                  submitLabel={complaintsTexts.replyAction}
                  onSend={async (text) => done((await complaintsApi.reply(slug(), c().id, text)).complaint)}
                />
                <TextStepForm
                  {...STEP}
                  id="close"
                  title={complaintsTexts.close}
                  label={complaintsTexts.closeNote}
                  field="note"
                  required={false}
                  draftKey={key('close')}
                  submitLabel={complaintsTexts.close}
                  onSend={async (note) =>
                    done((await complaintsApi.close(slug(), c().id, note ? { note } : {})).complaint)
                  }
                />
              </Show>
            </Show>
            <Show when={c().status === 'closed' && canAssign()}>
              <TextStepForm
                {...STEP}
                id="reopen"
                title={complaintsTexts.reopen}
                label={complaintsTexts.reopenNote}
                field="note"
                required
                draftKey={key('reopen')}
                submitLabel={complaintsTexts.reopen}
                onSend={async (note) => done((await complaintsApi.reopen(slug(), c().id, note)).complaint)}
              />
            </Show>
          </>
        )}
      </Loaded>
    </Page>
  );
}
