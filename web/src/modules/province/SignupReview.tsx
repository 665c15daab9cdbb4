import { createSignal, For, Show } from 'solid-js';
import { api } from '../../api';
import { provinceTexts } from '../../texts/province';
import { Loaded } from '../../ui/Loaded';
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
      <Loaded load={signups} inline>
        {(d) => (
          <Show when={d().applications.length} fallback={<p class="muted">{provinceTexts.noSignups}</p>}>
            <ul class="cards">
              <For each={d().applications}>{(a) => <SignupCard application={a} onDone={done} />}</For>
            </ul>
          </Show>
        )}
      </Loaded>
    </Section>
  );
}
