import { signupTexts } from '../../texts/signup';
import { Notice } from '../../ui/Notice';

export function SignupDone(props: { id: string; slug: string }) {
  return (
    <Notice>
      <p>{signupTexts.doneBody(props.id)}</p>
      <p>{signupTexts.doneAddress(props.slug)}</p>
    </Notice>
  );
}
