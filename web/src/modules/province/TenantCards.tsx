import { For, Show } from 'solid-js';
import { texts } from '../../texts';
import { provinceTexts } from '../../texts/province';
import { formatCount } from '../../ui/format';
import { SchemaVersion } from './SchemaVersion';
import { StatusBadge } from './StatusBadge';
import { TenantActions } from './TenantActions';
import { TenantReach } from './TenantReach';
import type { TenantListProps } from './TenantTable';
import { groupByRegion } from './tenants';

export function TenantCards(props: TenantListProps) {
  const p = provinceTexts;
  return (
    <For each={groupByRegion(props.tenants)}>
      {(group) => (
        <section class="group">
          <h2 class="group-title">{group.title}</h2>
          <ul class="cards">
            <For each={group.tenants}>
              {(t) => (
                <li class="card" classList={{ unreachable: !t.reachable && t.status !== 'pending' }}>
                  <h3 class="card-title">
                    {t.name} <StatusBadge status={t.status} />
                  </h3>
                  <TenantReach tenant={t} showReason={props.operator} />
                  <p class="card-meta">
                    {texts.tenantKinds[t.kind]} · {t.regionCode} · {t.slug}
                  </p>
                  <p class="card-meta">
                    {p.unitCount} {formatCount(t.unitCount)} · {p.userCount} {formatCount(t.userCount)} ·{' '}
                    {p.schema} <SchemaVersion version={t.schemaVersion} latest={props.latestSchemaVersion} />
                  </p>
                  <Show when={props.operator}>
                    <TenantActions tenant={t} onDone={props.onChanged} />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </section>
      )}
    </For>
  );
}
