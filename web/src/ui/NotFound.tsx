import { A } from '@solidjs/router';
import { texts } from '../texts';
import { Screen } from './Screen';

export default function NotFound() {
  return (
    <Screen title={texts.common.notFoundTitle}>
      <p>{texts.common.notFoundBody}</p>
      <p>
        <A href="/">{texts.common.backHome}</A>
      </p>
    </Screen>
  );
}
