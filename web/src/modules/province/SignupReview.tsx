import { createSignal, For, Show } from 'solid-js';
import { api } from '../../api';
import { provinceTexts } from '../../texts/province';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loading } from '../../ui/Loading';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Section';
import { SignupCard } from './SignupCard';

/** Pending applications, for operators; approving one provisions the tenant, so the table reloads too. */
export function SignupReview(props: { onChanged: () => void }) {
  const signups = createLoad(
    () => true,
    () => api.province.signups('pending'),
  );
  // The notice stays here, next to the list the operator is working on, not at the top of the page.
  const [notice, setNotice] = createSignal<string | null>(null);
  const done = (message: string) => {
    setNotice(message);
    signups.reload();
    props.onChanged();
  };

  return (
    <Section title={provinceTexts.signups}>
      <Show when={notice()}>{(m) => <Notice>{m()}</Notice>}</Show>
      <Show when={signups.error()}>
        {(e) => <ErrorBanner message={e().message} onRetry={signups.reload} />}
      </Show>
      <Show when={signups.loading() && !signups.data()}>
        <Loading inline />
      </Show>
      <Show when={signups.data()}>
        {(d) => (
          <Show when={d().applications.length} fallback={<p class="muted">{provinceTexts.noSignups}</p>}>
            <ul class="cards">
              <For each={d().applications}>{(a) => <SignupCard application={a} onDone={done} />}</For>
            </ul>
          </Show>
        )}
      </Show>
    </Section>
  );
}
