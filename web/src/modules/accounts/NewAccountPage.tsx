import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { accountsTexts } from '../../texts/accounts';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { useTenant } from '../shell/context';
import { AccountFormView } from './AccountFormView';
import { accountsApi, type WithPassword } from './api';
import { OneTimePassword } from './OneTimePassword';

const s = accountsTexts;

/** /accounts/new: after creation the one-time password is shown here, once, instead of the form. */
export default function NewAccountPage() {
  const { slug } = useTenant();
  const [created, setCreated] = createSignal<WithPassword | null>(null);
  return (
    <Page title={s.newTitle}>
      <p>
        <A href={`/t/${slug()}/accounts`}>{s.backToList}</A>
      </p>
      <Show
        when={created()}
        fallback={
          <AccountFormView
            slug={slug()}
            record={null}
            submit={async (form) => {
              setCreated(await accountsApi.create(slug(), form));
              window.scrollTo(0, 0);
            }}
          />
        }
      >
        {(c) => (
          <>
            <p role="status">{s.created(c().user.displayName)}</p>
            <OneTimePassword
              displayName={c().user.displayName}
              username={c().user.username}
              password={c().initialPassword}
            >
              <A class="btn btn-secondary" href={`/t/${slug()}/accounts/${c().user.id}`}>
                {s.viewAccount}
              </A>
              <Button onClick={() => setCreated(null)}>{s.createAnother}</Button>
            </OneTimePassword>
          </>
        )}
      </Show>
    </Page>
  );
}
