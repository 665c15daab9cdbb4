import { A, useLocation, useParams } from '@solidjs/router';
import { createEffect, Show } from 'solid-js';
import { findingsTexts as s } from '../../texts/findings';
import { Button } from '../../ui/Button';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { setTitle } from '../../ui/title';
import { useTenant } from '../shell/context';
import { findingsApi } from './api';
import { NoticeBody } from './FindingView';
import { useModule } from './permissions';
import './findings.css';

/**
 * …/findings/:id/notice (office) and my-findings/:module/:id/notice (the unit): the 整改通知单 on a
 * page that prints on A4 without the menus (the browser's 打印 or 另存为 PDF).
 */
export default function NoticePage() {
  const params = useParams<{ id: string }>();
  const module = useModule();
  const location = useLocation();
  const { slug, session } = useTenant();
  const item = createLoad(
    () => ({ module: module(), id: params.id }),
    ({ module: m, id }) => findingsApi.get(slug(), m, id).then((r) => r.finding),
  );
  const back = () => location.pathname.replace(/\/notice\/?$/, '');
  createEffect(() => setTitle(s.noticeTitle));

  return (
    <div class="page">
      <p class="actions no-print">
        <A href={back()}>{s.backToFinding}</A>
        <Show when={item.data()?.status !== 'open' && item.data()}>
          <Button variant="primary" onClick={() => window.print()}>
            {s.printNow}
          </Button>
          <a
            class="btn btn-secondary"
            href={findingsApi.noticeDocxUrl(slug(), module(), params.id)}
            download=""
          >
            {s.docx}
          </a>
        </Show>
      </p>
      <Loaded load={item}>
        {(f) => (
          <Show when={f().status !== 'open'} fallback={<p>{s.noticeNotIssued}</p>}>
            <NoticeBody finding={f()} office={session().tenant.name} />
          </Show>
        )}
      </Loaded>
    </div>
  );
}
