import { For, Show } from 'solid-js';
import type { TenantOverview } from '../../api';
import { texts } from '../../texts';
import { provinceTexts } from '../../texts/province';
import { formatCount } from '../../ui/format';
import { SchemaVersion } from './SchemaVersion';
import { StatusBadge } from './StatusBadge';
import { TenantActions } from './TenantActions';
import { TenantReach } from './TenantReach';
import { groupByRegion } from './tenants';

export interface TenantListProps {
  tenants: TenantOverview[];
  latestSchemaVersion: number;
  operator: boolean;
  onChanged: (message: string) => void;
}

export function TenantTable(props: TenantListProps) {
  const p = provinceTexts;
  const columns = () => (props.operator ? 8 : 7);
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{p.name}</th>
            <th scope="col">{p.kind}</th>
            <th scope="col">{p.region}</th>
            <th scope="col">{p.status}</th>
            <th scope="col" class="num">
              {p.unitCount}
            </th>
            <th scope="col" class="num">
              {p.userCount}
            </th>
            <th scope="col">{p.schema}</th>
            <Show when={props.operator}>
              <th scope="col">{p.actions}</th>
            </Show>
          </tr>
        </thead>
        <For each={groupByRegion(props.tenants)}>
          {(group) => (
            <tbody>
              <tr class="group-row">
                <th scope="colgroup" colSpan={columns()}>
                  {group.title}
                </th>
              </tr>
              <For each={group.tenants}>
                {(t) => (
                  <tr classList={{ unreachable: !t.reachable && t.status !== 'pending' }}>
                    <th scope="row">
                      {t.name}
                      <span class="sub">{t.slug}</span>
                      <TenantReach tenant={t} showReason={props.operator} />
                    </th>
                    <td>{texts.tenantKinds[t.kind]}</td>
                    <td>{t.regionCode}</td>
                    <td>
                      <StatusBadge status={t.status} />
                    </td>
                    <td class="num">{formatCount(t.unitCount)}</td>
                    <td class="num">{formatCount(t.userCount)}</td>
                    <td>
                      <SchemaVersion version={t.schemaVersion} latest={props.latestSchemaVersion} />
                    </td>
                    <Show when={props.operator}>
                      <td>
                        <TenantActions tenant={t} onDone={props.onChanged} />
                      </td>
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          )}
        </For>
      </table>
    </div>
  );
}
