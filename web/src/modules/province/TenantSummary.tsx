import { Show } from 'solid-js';
import type { TenantOverview } from '../../api';
import { texts } from '../../texts';
import { provinceTexts } from '../../texts/province';
import { totalsOf } from './tenants';

export function TenantSummary(props: { tenants: TenantOverview[] }) {
  const p = provinceTexts;
  const totals = () => totalsOf(props.tenants);
  const kinds = () =>
    (['county', 'district', 'college'] as const)
      .map((k) => `${texts.tenantKinds[k]} ${totals().byKind[k]}`)
      .join(' · ');

  return (
    <div class="summary">
      <dl class="stats">
        <div class="stat">
          <dt>{p.tenantCount}</dt>
          <dd>
            <strong>{props.tenants.length}</strong>
            <span class="stat-note">{kinds()}</span>
          </dd>
        </div>
        <div class="stat">
          <dt>{p.unitTotal}</dt>
          <dd>
            <strong>{totals().units}</strong>
          </dd>
        </div>
        <div class="stat">
          <dt>{p.userTotal}</dt>
          <dd>
            <strong>{totals().users}</strong>
          </dd>
        </div>
      </dl>
      <Show when={totals().unreachable}>
        <p class="warn-text">{p.unreachableNote(totals().unreachable)}</p>
      </Show>
    </div>
  );
}
