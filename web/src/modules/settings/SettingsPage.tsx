import { Show } from 'solid-js';
import { texts } from '../../texts';
import { calendarTexts } from '../../texts/calendar';
import { settingsTexts } from '../../texts/settings';
import { InfoList } from '../../ui/InfoList';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { useTenant } from '../shell/context';
import { UnitKindList } from './UnitKindList';

const MODULES = ['teaching', 'study', 'management', 'safety'] as const;
const VOCABULARY = ['unit', 'unitGroup', 'zone', 'inspector', 'office'] as const;

export default function SettingsPage() {
  const { config } = useTenant();
  const s = settingsTexts;

  return (
    <Page title={s.title} intro={s.intro}>
      <Section title={s.modules}>
        <InfoList
          items={MODULES.map((key) => ({
            label: texts.modules[key],
            value: (
              <span class={config().modules[key] ? 'badge badge-ok' : 'badge'}>
                {config().modules[key] ? s.on : s.off}
              </span>
            ),
          }))}
        />
      </Section>
      <Section title={s.vocabulary}>
        <InfoList
          items={VOCABULARY.map((key) => ({ label: s.vocab[key], value: config().vocabulary[key] }))}
        />
      </Section>
      <Section title={s.unitKinds}>
        <UnitKindList kinds={config().unitKinds} />
      </Section>
      <Section title={s.zones}>
        <InfoList
          items={[
            { label: s.maxUnitsPerZone, value: String(config().zones.maxUnitsPerZone) },
            { label: s.unitsPerInspector, value: String(config().zones.unitsPerInspector) },
          ]}
        />
      </Section>
      <Section title={s.quotas}>
        <Show when={config().observationQuotas.roles.length} fallback={<p class="muted">{s.noQuotas}</p>}>
          <InfoList
            items={config().observationQuotas.roles.map((r) => ({
              label: r.label,
              value: s.perSemester(r.perSemester),
            }))}
          />
        </Show>
        <InfoList
          items={[
            { label: s.supervisorPerWeek, value: s.perWeek(config().observationQuotas.supervisorPerWeek) },
          ]}
        />
      </Section>
      <Section title={s.semesters}>
        <InfoList
          items={[
            { label: s.autumnStart, value: calendarTexts.month(config().semesters.autumnStartMonth) },
            { label: s.springStart, value: calendarTexts.month(config().semesters.springStartMonth) },
          ]}
        />
      </Section>
      <Section title={s.visits}>
        <InfoList
          items={[
            { label: s.routineFrequency, value: s.frequency[config().visits.routineFrequency] },
            { label: s.ownUnitsOnly, value: config().visits.ownUnitsOnly ? s.yes : s.no },
            { label: s.defaultDeadlineDays, value: s.days(config().visits.defaultDeadlineDays) },
            { label: s.escalateAfterDays, value: s.afterDays(config().visits.escalateToDirectorAfterDays) },
          ]}
        />
      </Section>
      <Section title={s.themes}>
        <Show when={config().themeCalendar.length} fallback={<p class="muted">{calendarTexts.noTheme}</p>}>
          <InfoList
            items={[...config().themeCalendar]
              .sort((a, b) => a.month - b.month)
              .map((t) => ({ label: calendarTexts.month(t.month), value: t.theme }))}
          />
        </Show>
      </Section>
    </Page>
  );
}
