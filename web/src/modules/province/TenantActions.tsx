import { Show } from 'solid-js';
import { api, type TenantOverview } from '../../api';
import { texts } from '../../texts';
import { provinceTexts } from '../../texts/province';
import { ConfirmButton } from '../../ui/ConfirmButton';

/** 停用 / 恢复 for operators; a tenant still pending has neither (it is opened by approving its application). */
export function TenantActions(props: { tenant: TenantOverview; onDone: (message: string) => void }) {
  const p = provinceTexts;
  return (
    <>
      <Show when={props.tenant.status === 'active'}>
        <ConfirmButton
          label={p.suspend}
          question={p.confirmSuspend(props.tenant.name)}
          danger
          progress={texts.confirmStep.working}
          run={async () => {
            await api.province.suspend(props.tenant.slug);
            props.onDone(p.suspended(props.tenant.name));
          }}
        />
      </Show>
      <Show when={props.tenant.status === 'suspended'}>
        <ConfirmButton
          label={p.resume}
          question={p.confirmResume(props.tenant.name)}
          progress={texts.confirmStep.working}
          run={async () => {
            await api.province.resume(props.tenant.slug);
            props.onDone(p.resumed(props.tenant.name));
          }}
        />
      </Show>
    </>
  );
}
