import { A } from '@solidjs/router';
import { texts } from '../../texts';
import { Page } from '../../ui/Page';
import { useTenant } from './context';

export default function TenantNotFound() {
  const { slug } = useTenant();
  return (
    <Page title={texts.common.notFoundTitle}>
      <p>{texts.common.notFoundBody}</p>
      <p>
        <A href={`/t/${slug()}/`}>{texts.common.backHome}</A>
      </p>
    </Page>
  );
}
