import type { RouteSectionProps } from '@solidjs/router';
import { ErrorBoundary, Suspense } from 'solid-js';
import { texts } from '../texts';
import { Button } from './Button';
import { Loading } from './Loading';

/**
 * Around every route. Data errors are shown by the pages themselves; what lands here is mostly a lazy
 * chunk that failed to download on a bad connection (or after a deploy), so the way out is a reload.
 */
export function Root(props: RouteSectionProps) {
  return (
    <ErrorBoundary
      fallback={() => (
        <main class="screen">
          <div class="banner banner-error" role="alert">
            <p>{texts.common.chunkError}</p>
            <Button variant="primary" onClick={() => window.location.reload()}>
              {texts.common.reload}
            </Button>
          </div>
        </main>
      )}
    >
      <Suspense fallback={<Loading />}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}
