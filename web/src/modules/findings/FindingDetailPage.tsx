import { A, useParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { texts } from '../../texts';
import { findingsTexts as s } from '../../texts/findings';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { storedText, storeText } from '../../ui/draftStore';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/TextField';
import { TextStepForm } from '../../ui/TextStepForm';
import { useTenant } from '../shell/context';
import { type FindingDetail, findingsApi } from './api';
import { beijingToday } from './dates';
import { EvidencePhotos, FindingFacts, findingPhotoIds, Timeline } from './FindingView';
import { canManage, findingsHref, useModule } from './permissions';
import './findings.css';

/** Every step's text: up to 1,000 characters, kept for this tab until it is sent. */
const STEP = { rows: 3, maxLength: 1000, savingLabel: s.saving };

/** /t/:tenant/:module/findings/:id: the finding, its photos and steps, and what this role may do next. */
export default function FindingDetailPage() {
  const params = useParams<{ id: string }>();
  const module = useModule();
  const { slug, session, config, notify } = useTenant();
  const item = createLoad(
    () => ({ module: module(), id: params.id }),
    ({ module: m, id }) => findingsApi.get(slug(), m, id).then((r) => r.finding),
  );
  const manage = () => canManage(session().user.role);
  const key = (step: string) => `dudao.finding.${slug()}.${params.id}.${step}`;
  const [newDeadline, setNewDeadline] = createSignal(storedText(key('reject.deadline')));

  const done = (f: FindingDetail, message: string) => {
    item.mutate(f);
    notify(message);
    window.scrollTo(0, 0);
  };

  return (
    <Page title={item.data()?.unitName ?? s.title(texts.modules[module()])}>
      <p>
        <A href={findingsHref(slug(), module())}>{s.backToList}</A>
      </p>
      <Loaded load={item}>
        {(f) => (
          <>
            <FindingFacts finding={f()} unitWord={config().vocabulary.unit} />
            <Show when={findingPhotoIds(f()).length}>
              <section class="section">
                <h2>{s.evidence}</h2>
                <EvidencePhotos slug={slug()} module={f().module} ids={findingPhotoIds(f())} />
              </section>
            </Show>
            <Show when={f().status !== 'open'}>
              <p class="actions">
                <A class="btn btn-secondary" href={findingsHref(slug(), module(), `/${f().id}/notice`)}>
                  {s.print}
                </A>
                <a
                  class="btn btn-secondary"
                  href={findingsApi.noticeDocxUrl(slug(), module(), f().id)}
                  download=""
                >
                  {s.docx}
                </a>
              </p>
            </Show>
            <Show when={manage() && f().status === 'open'}>
              <ConfirmButton
                label={s.issue}
                question={s.issueQuestion}
                run={async () => {
                  const { finding } = await findingsApi.issue(slug(), module(), f().id);
                  done(finding, s.issued(finding.noticeNo ?? ''));
                }}
              />
            </Show>
            <Show when={manage() && f().status === 'reported'}>
              <TextStepForm
                {...STEP}
                id="close"
                title={s.close}
                label={s.closeNote}
                hint={s.closeHint}
                field="note"
                draftKey={key('close')}
                submitLabel={s.close}
                onSend={async (note) => {
                  const { finding } = await findingsApi.close(slug(), module(), f().id, note);
                  done(finding, s.closed);
                }}
              />
              <TextStepForm
                {...STEP}
                id="reject"
                title={s.reject}
                label={s.rejectReason}
                hint={s.rejectReasonHint}
                field="reason"
                draftKey={key('reject')}
                submitLabel={s.reject}
                variant="secondary"
                extra={
                  <TextField
                    id="reject-deadline"
                    type="date"
                    label={s.newDeadline}
                    hint={s.newDeadlineHint}
                    optional
                    min={beijingToday()}
                    value={newDeadline()}
                    onValue={(v) => {
                      setNewDeadline(v);
                      storeText(key('reject.deadline'), v);
                    }}
                  />
                }
                onSend={async (reason) => {
                  const deadline = newDeadline();
                  const { finding } = await findingsApi.reject(slug(), module(), f().id, {
                    reason,
                    ...(deadline ? { deadline } : {}),
                  });
                  setNewDeadline('');
                  storeText(key('reject.deadline'), '');
                  done(finding, s.rejected);
                }}
              />
            </Show>
            <Timeline finding={f()} slug={slug()} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
