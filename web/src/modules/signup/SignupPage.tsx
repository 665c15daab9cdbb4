import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { signupTexts } from '../../texts/signup';
import { Screen } from '../../ui/Screen';
import { SignupDone } from './SignupDone';
import { SignupFormView } from './SignupFormView';

export default function SignupPage() {
  const [done, setDone] = createSignal<{ id: string; slug: string } | null>(null);
  return (
    <Screen title={done() ? signupTexts.doneTitle : signupTexts.title} wide>
      <Show
        when={done()}
        fallback={
          <>
            <p class="page-intro">{signupTexts.intro}</p>
            <SignupFormView onSubmitted={setDone} />
          </>
        }
      >
        {(d) => <SignupDone id={d().id} slug={d().slug} />}
      </Show>
      <p class="screen-links">
        <A href="/">{signupTexts.backToLanding}</A>
      </p>
    </Screen>
  );
}
