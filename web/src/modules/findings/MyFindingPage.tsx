import { A, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { findingsTexts as s } from '../../texts/findings';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { useTenant } from '../shell/context';
import { findingsApi } from './api';
import {
  EvidencePhotos,
  FindingFacts,
  findingPhotoIds,
  NoticeBody,
  rejectReason,
  Timeline,
} from './FindingView';
import { useModule } from './permissions';
import { ReportForm } from './ReportForm';
import './findings.css';

/**
 * /t/:tenant/my-findings/:module/:id: one finding as its unit sees it: the notice, why a report came
 * back, and the rectification report form while it waits for one.
 */
export default function MyFindingPage() {
  const params = useParams<{ id: string }>();
  const module = useModule();
  const { slug, session, config, notify } = useTenant();
  const item = createLoad(
    () => ({ module: module(), id: params.id }),
    ({ module: m, id }) => findingsApi.get(slug(), m, id).then((r) => r.finding),
  );

  return (
    <Page title={item.data()?.category ?? s.myTitle}>
      <p>
        <A href={`/t/${slug()}/my-findings`}>{s.backToMine}</A>
      </p>
      <Loaded load={item}>
        {(f) => (
          <>
            <Show when={rejectReason(f()) !== null}>
              <div class="banner banner-error" role="alert">
                <p>{s.sentBack}</p>
                <p>
                  <strong>{s.rejectedBecause}：</strong>
                  <span class="finding-text">{rejectReason(f())}</span>
                </p>
              </div>
            </Show>
            <Show when={f().status === 'reported'}>
              <Notice tone="info">{s.waitingRecheck}</Notice>
            </Show>
            <FindingFacts finding={f()} unitWord={config().vocabulary.unit} />
            <Show when={findingPhotoIds(f()).length}>
              <section class="section">
                <h2>{s.evidence}</h2>
                <EvidencePhotos slug={slug()} module={f().module} ids={findingPhotoIds(f())} />
              </section>
            </Show>
            <Show when={f().status === 'issued'}>
              <ReportForm
                slug={slug()}
                module={f().module}
                findingId={f().id}
                onReported={(finding) => {
                  item.mutate(finding);
                  notify(s.reported);
                  window.scrollTo(0, 0);
                }}
              />
            </Show>
            <section class="section">
              <h2>{s.noticeText}</h2>
              <NoticeBody finding={f()} office={session().tenant.name} />
              <p class="actions">
                <A class="btn btn-secondary" href={`/t/${slug()}/my-findings/${f().module}/${f().id}/notice`}>
                  {s.print}
                </A>
              </p>
            </section>
            <Timeline finding={f()} slug={slug()} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
