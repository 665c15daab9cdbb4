import { Show } from 'solid-js';
import { targetsTexts as s } from '../../texts/targets';
import { Button } from '../../ui/Button';
import { DraftNotice } from '../../ui/DraftNotice';
import { createDraftForm } from '../../ui/draftForm';
import type { DraftSlot } from '../../ui/draftStore';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { type Progress, TARGET_STATUSES, type TargetFields, type TargetList, type TargetStatus } from './api';
import { PROGRESS_FIELDS, type ProgressDraft, TARGET_FIELDS, type TargetDraft } from './draft';

interface FieldsFormProps {
  idPrefix: string;
  slot: DraftSlot<TargetDraft>;
  initial: TargetDraft;
  indicators: TargetList['indicators'];
  submitLabel: string;
  busyLabel: string;
  send: (fields: Required<TargetFields>) => Promise<void>;
  onCancel?: () => void;
}

/** Adds or changes a target: its wording, measure and indicator; typed text survives a reload. */
export function TargetFieldsForm(props: FieldsFormProps) {
  const form = createDraftForm({
    slot: props.slot,
    initial: props.initial,
    fields: TARGET_FIELDS,
    idPrefix: props.idPrefix,
  });
  const submit = form.onSubmit(
    (d) => (d.title.trim() ? {} : { title: s.titleMissing }),
    async (d) => {
      await props.send({
        title: d.title.trim(),
        measure: d.measure.trim() || null,
        indicatorKey: d.indicatorKey || null,
      });
      form.clear();
      form.setDraft(() => props.initial);
    },
  );
  return (
    <form class="form" onSubmit={submit} novalidate>
      <DraftNotice
        show={form.restored}
        message={s.draftRestored}
        discardLabel={s.discardDraft}
        onDiscard={form.discard}
      />
      <Show when={form.errors.banner()}>
        {(b) => <ErrorBanner message={b().message} details={b().details} />}
      </Show>
      <TextField {...form.field('title', s.titleField, { hint: s.titleHint })} maxLength={100} />
      <TextAreaField
        {...form.field('measure', s.measure, { hint: s.measureHint, optional: true })}
        rows={2}
        maxLength={500}
      />
      <Show when={props.indicators.length > 0}>
        <SelectField
          {...form.field('indicatorKey', s.indicator, { optional: true })}
          options={[
            { value: '', label: s.noIndicator },
            ...props.indicators.map((i) => ({ value: i.key, label: `${i.key} ${i.name}` })),
          ]}
        />
      </Show>
      <p class="actions">
        <Button type="submit" variant="primary" busy={form.errors.busy()}>
          {form.errors.busy() ? props.busyLabel : props.submitLabel}
        </Button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <Button
              onClick={() => {
                form.discard();
                cancel()();
              }}
            >
              {s.cancel}
            </Button>
          )}
        </Show>
      </p>
    </form>
  );
}

interface ProgressFormProps {
  idPrefix: string;
  slot: DraftSlot<ProgressDraft>;
  initial: ProgressDraft;
  send: (progress: Progress) => Promise<void>;
  onCancel: () => void;
}

/** The year-end review of a target: status, what was done, next year's adjusted target. */
export function ProgressForm(props: ProgressFormProps) {
  const form = createDraftForm({
    slot: props.slot,
    initial: props.initial,
    fields: PROGRESS_FIELDS,
    idPrefix: props.idPrefix,
  });
  const submit = form.onSubmit(
    (d) => ((TARGET_STATUSES as string[]).indexOf(d.status) >= 0 ? {} : { status: s.statusMissing }),
    async (d) => {
      await props.send({
        status: d.status as TargetStatus,
        progress: d.progress.trim() || null,
        adjustment: d.adjustment.trim() || null,
      });
      form.clear();
    },
  );
  return (
    <form class="form" onSubmit={submit} novalidate>
      <DraftNotice
        show={form.restored}
        message={s.draftRestored}
        discardLabel={s.discardDraft}
        onDiscard={form.discard}
      />
      <Show when={form.errors.banner()}>
        {(b) => <ErrorBanner message={b().message} details={b().details} />}
      </Show>
      <SelectField
        {...form.field('status', s.status)}
        options={TARGET_STATUSES.map((st) => ({ value: st, label: s.statuses[st] }))}
      />
      <TextAreaField {...form.field('progress', s.progress, { optional: true })} rows={2} maxLength={2000} />
      <TextAreaField
        {...form.field('adjustment', s.adjustment, { hint: s.adjustmentHint, optional: true })}
        rows={2}
        maxLength={500}
      />
      <p class="actions">
        <Button type="submit" variant="primary" busy={form.errors.busy()}>
          {form.errors.busy() ? s.saving : s.save}
        </Button>
        <Button
          onClick={() => {
            form.discard();
            props.onCancel();
          }}
        >
          {s.cancel}
        </Button>
      </p>
    </form>
  );
}
