import { For } from 'solid-js';
import { themeOf } from '../../config';
import { calendarTexts } from '../../texts/calendar';
import { currentMonth } from '../../ui/format';
import { Page } from '../../ui/Page';
import { useTenant } from '../shell/context';

// The seeds plan 一月一主题 by calendar year (January to December), so the months run 1–12.
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export default function CalendarPage() {
  const { config } = useTenant();
  const now = currentMonth();

  return (
    <Page title={calendarTexts.title} intro={calendarTexts.intro}>
      <ol class="months">
        <For each={MONTHS}>
          {(month) => {
            const theme = () => themeOf(config(), month);
            return (
              <li
                class="month"
                classList={{ 'month-current': month === now, 'month-empty': !theme() }}
                aria-current={month === now ? 'date' : undefined}
              >
                <h2 class="month-name">
                  {calendarTexts.month(month)}
                  {month === now ? <span class="badge badge-primary">{calendarTexts.current}</span> : null}
                </h2>
                <p>{theme() ?? calendarTexts.noTheme}</p>
              </li>
            );
          }}
        </For>
      </ol>
    </Page>
  );
}
