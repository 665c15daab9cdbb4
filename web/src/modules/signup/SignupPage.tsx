import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { texts } from '../../texts';
import { Screen } from '../../ui/Screen';
import { SignupDone } from './SignupDone';
import { SignupFormView } from './SignupFormView';

export default function SignupPage() {
  const [done, setDone] = createSignal<{ id: string; slug: string } | null>(null);
  return (
    <Screen title={done() ? texts.signup.doneTitle : texts.signup.title} wide>
      <Show
        when={done()}
        fallback={
          <>
            <p class="page-intro">{texts.signup.intro}</p>
            <SignupFormView onSubmitted={setDone} />
          </>
        }
      >
        {(d) => <SignupDone id={d().id} slug={d().slug} />}
      </Show>
      <p class="screen-links">
        <A href="/">{texts.signup.backToLanding}</A>
      </p>
    </Screen>
  );
}
