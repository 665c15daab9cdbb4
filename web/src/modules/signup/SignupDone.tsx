import { texts } from '../../texts';
import { Notice } from '../../ui/Notice';

export function SignupDone(props: { id: string; slug: string }) {
  return (
    <Notice>
      <p>{texts.signup.doneBody(props.id)}</p>
      <p>{texts.signup.doneAddress(props.slug)}</p>
    </Notice>
  );
}
