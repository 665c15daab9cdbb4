import { createSignal, Show } from 'solid-js';
import { api } from '../../api';
import { texts } from '../../texts';
import { provinceTexts } from '../../texts/province';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { TextAreaField } from '../../ui/TextAreaField';

const FIELDS = ['reason'] as const;

export function RejectForm(props: { id: string; onCancel: () => void; onDone: () => void }) {
  const p = provinceTexts;
  const prefix = `reject-${props.id}`;
  const [reason, setReason] = createSignal('');
  const errors = createFormErrors(FIELDS, prefix);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason().trim()) return errors.setLocal({ reason: texts.common.required(p.rejectReason) });
    await errors.run(async () => {
      await api.province.reject(props.id, reason().trim());
      props.onDone();
    });
  };

  return (
    <form class="form confirm-box" onSubmit={submit} novalidate>
      <Show when={errors.banner()}>{(b) => <ErrorBanner message={b().message} details={b().details} />}</Show>
      <TextAreaField
        id={`${prefix}-reason`}
        label={p.rejectReason}
        value={reason()}
        onValue={(v) => {
          setReason(v);
          errors.clearField('reason');
        }}
        error={errors.field('reason')}
        maxLength={500}
      />
      <div class="actions">
        <Button type="submit" variant="danger" busy={errors.busy()}>
          {p.rejectConfirm}
        </Button>
        <Button onClick={() => props.onCancel()} disabled={errors.busy()}>
          {texts.common.cancel}
        </Button>
      </div>
    </form>
  );
}
