import { createSignal, Show } from 'solid-js';
import { api } from '../../api';
import { createLoad } from '../../ui/load';
import { BalanceComparison } from './BalanceComparison';
import { SignupReview } from './SignupReview';
import { TenantOverviewSection } from './TenantOverviewSection';

export function ProvinceContent(props: { operator: boolean }) {
  const [notice, setNotice] = createSignal<string | null>(null);
  const tenants = createLoad(
    () => true,
    () => api.province.tenants(),
  );

  return (
    <>
      <TenantOverviewSection
        load={tenants}
        operator={props.operator}
        notice={notice()}
        onChanged={(message) => {
          setNotice(message);
          tenants.reload();
        }}
      />
      <BalanceComparison />
      <Show when={props.operator}>
        <SignupReview onChanged={tenants.reload} />
      </Show>
    </>
  );
}
