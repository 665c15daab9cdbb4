import { Show } from 'solid-js';
import type { TenantsOverview } from '../../api';
import { provinceTexts } from '../../texts/province';
import { formatTime } from '../../ui/format';
import { LoadStatus } from '../../ui/LoadStatus';
import type { Load } from '../../ui/load';
import { createMediaQuery, WIDE } from '../../ui/media';
import { Notice } from '../../ui/Notice';
import { TenantCards } from './TenantCards';
import { TenantSummary } from './TenantSummary';
import { TenantTable } from './TenantTable';

interface TenantOverviewSectionProps {
  load: Load<TenantsOverview>;
  operator: boolean;
  notice: string | null;
  onChanged: (message: string) => void;
}

export function TenantOverviewSection(props: TenantOverviewSectionProps) {
  const wide = createMediaQuery(WIDE);
  const p = provinceTexts;

  return (
    <section class="section">
      <h1>{p.title}</h1>
      <Show when={props.notice}>{(m) => <Notice>{m()}</Notice>}</Show>
      <LoadStatus load={props.load} />
      <Show when={props.load.data()}>
        {(d) => (
          <>
            <p class="muted">{p.generatedAt(formatTime(d().generatedAt))}</p>
            <TenantSummary tenants={d().tenants} />
            <Show when={d().tenants.length} fallback={<p class="muted">{p.empty}</p>}>
              <Show
                when={wide()}
                fallback={
                  <TenantCards
                    tenants={d().tenants}
                    latestSchemaVersion={d().latestSchemaVersion}
                    operator={props.operator}
                    onChanged={props.onChanged}
                  />
                }
              >
                <TenantTable
                  tenants={d().tenants}
                  latestSchemaVersion={d().latestSchemaVersion}
                  operator={props.operator}
                  onChanged={props.onChanged}
                />
              </Show>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
