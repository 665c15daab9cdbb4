import { createSignal, Show } from 'solid-js';
import { api, type SignupApplication } from '../../api';
import { texts } from '../../texts';
import { provinceTexts } from '../../texts/province';
import { signupTexts } from '../../texts/signup';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatTime } from '../../ui/format';
import { InfoList } from '../../ui/InfoList';
import { RejectForm } from './RejectForm';

interface SignupCardProps {
  application: SignupApplication;
  onDone: (message: string) => void;
}

export function SignupCard(props: SignupCardProps) {
  const p = provinceTexts;
  const a = () => props.application;
  const [rejecting, setRejecting] = createSignal(false);

  return (
    <li class="card">
      <h3 class="card-title">{a().orgName}</h3>
      <p class="card-meta">
        {signupTexts.kinds[a().kind]} · {a().province} {a().city}（{a().regionCode}）
      </p>
      <InfoList
        items={[
          { label: p.contact, value: a().contactName },
          { label: p.phone, value: <a href={`tel:${a().contactPhone}`}>{a().contactPhone}</a> },
          { label: p.email, value: a().contactEmail ?? texts.common.none },
          { label: p.desiredSlug, value: <code>{a().desiredSlug}</code> },
          { label: p.note, value: a().note || texts.common.none },
        ]}
      />
      <p class="card-meta">{p.appliedAt(formatTime(a().createdAt))}</p>
      <Show
        when={!rejecting()}
        fallback={
          <RejectForm
            id={a().id}
            onCancel={() => setRejecting(false)}
            onDone={() => props.onDone(p.rejected(a().orgName))}
          />
        }
      >
        <div class="actions">
          <ConfirmButton
            label={p.approve}
            question={`${p.approve}“${a().orgName}”？`}
            progress={p.approving}
            run={async () => {
              const { tenant, admin } = await api.province.approve(a().id);
              props.onDone(p.approved(a().orgName, tenant.slug, admin.username, admin.initialPassword));
            }}
          />
          <Button variant="danger" onClick={() => setRejecting(true)}>
            {p.reject}
          </Button>
        </div>
      </Show>
    </li>
  );
}
