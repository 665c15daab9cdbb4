import { texts } from '../texts';
import { Button } from './Button';

interface PagerProps {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

export function Pager(props: PagerProps) {
  return (
    <nav class="pager" aria-label={texts.pager.label}>
      <Button disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        {texts.pager.prev}
      </Button>
      <span class="pager-status">{texts.pager.pageOf(props.page, props.pages)}</span>
      <Button disabled={props.page >= props.pages} onClick={() => props.onPage(props.page + 1)}>
        {texts.pager.next}
      </Button>
    </nav>
  );
}
