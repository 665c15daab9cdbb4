import { A, useParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { texts } from '../../texts';
import { accountsTexts } from '../../texts/accounts';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatTime } from '../../ui/format';
import { InfoList } from '../../ui/InfoList';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { useTenant } from '../shell/context';
import { AccountFormView } from './AccountFormView';
import { type Account, accountsApi, type WithPassword } from './api';
import { OneTimePassword } from './OneTimePassword';

const s = accountsTexts;

/** /accounts/:id: the account's facts, its edit form, reset, disable and enable. */
export default function AccountPage() {
  const params = useParams();
  const { slug } = useTenant();
  const record = createLoad(
    () => params.id ?? false,
    (id) => accountsApi.get(slug(), id),
  );
  return (
    <Page title={record.data() ? s.editTitle(record.data()?.user.displayName ?? '') : s.details}>
      <p>
        <A href={`/t/${slug()}/accounts`}>{s.backToList}</A>
      </p>
      <Loaded load={record}>
        {(d) => <AccountView user={d().user} onChange={(user) => record.mutate({ user })} />}
      </Loaded>
    </Page>
  );
}

function AccountView(props: { user: Account; onChange: (user: Account) => void }) {
  const { slug, session, notify } = useTenant();
  const [password, setPassword] = createSignal<WithPassword | null>(null);
  const self = () => props.user.id === session().user.id;
  const u = () => props.user;
  return (
    <>
      <Show when={password()}>
        {(p) => (
          <OneTimePassword
            displayName={p().user.displayName}
            username={p().user.username}
            password={p().initialPassword}
          >
            <Button onClick={() => setPassword(null)}>{s.passwordDone}</Button>
          </OneTimePassword>
        )}
      </Show>
      <Section title={s.details}>
        <InfoList
          items={[
            { label: s.username, value: u().username },
            { label: s.role, value: u().roleLabel },
            { label: s.unit, value: u().unit?.name ?? texts.common.none },
            { label: s.phone, value: u().phone ?? texts.common.none },
            {
              label: s.status,
              value: (
                <>
                  {s.statuses[u().status]}
                  <Show when={u().mustChangePassword}> · {s.mustChange}</Show>
                  <Show when={u().lockedUntil}>{(t) => <> · {s.locked(formatTime(t()))}</>}</Show>
                </>
              ),
            },
            { label: s.createdAt, value: formatTime(u().createdAt) },
          ]}
        />
      </Section>
      <Section title={s.actions}>
        <Show when={!self()} fallback={<p class="muted">{s.self}</p>}>
          <div class="actions">
            <ConfirmButton
              label={s.resetPassword}
              question={s.confirmReset(u().displayName)}
              run={async () => {
                const result = await accountsApi.resetPassword(slug(), u().id);
                props.onChange(result.user);
                setPassword(result);
                window.scrollTo(0, 0);
              }}
            />
            <Show
              when={u().status === 'active'}
              fallback={
                <ConfirmButton
                  label={s.enable}
                  question={s.confirmEnable(u().displayName)}
                  run={async () => {
                    const { user } = await accountsApi.enable(slug(), u().id);
                    props.onChange(user);
                    notify(s.enabled(user.displayName));
                  }}
                />
              }
            >
              <ConfirmButton
                label={s.disable}
                danger
                question={s.confirmDisable(u().displayName)}
                run={async () => {
                  const { user } = await accountsApi.disable(slug(), u().id);
                  props.onChange(user);
                  notify(s.disabled(user.displayName));
                }}
              />
            </Show>
          </div>
        </Show>
      </Section>
      <Section title={s.edit}>
        <AccountFormView
          slug={slug()}
          record={u()}
          self={self()}
          submit={async (form) => {
            const { user } = await accountsApi.update(slug(), u().id, {
              displayName: form.displayName,
              role: form.role,
              unitId: form.unitId,
              phone: form.phone,
              quotaRole: form.quotaRole,
            });
            props.onChange(user);
            notify(s.saved);
          }}
        />
      </Section>
    </>
  );
}
