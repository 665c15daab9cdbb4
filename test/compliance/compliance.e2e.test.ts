import { describe, expect, it } from 'vitest';
import { beijingDate } from '../../worker/dates';
import { expectedByToday, semesterProgress } from '../../worker/modules/compliance/quotas';
import { reportingSemesterKey } from '../../worker/semesters';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, visible } from '../support/browser';
import { SEMESTERS } from './fixtures';

const T = 'test-college';
/** teacher4 (苏婉婷), a front-line teacher (8 a semester) of the Chinese group, observes nobody in these tests. */
const TEACHER = 'teacher4';
const TEACHER_NAME = '苏婉婷';
const browser = phoneBrowser();

describe('听课任务 on a phone: the office reminds those behind, a teacher reads it and their own progress', () => {
  it('director sees a teacher behind, sends reminders once; the teacher is told and sees 已听 0 / 8 节', async () => {
    const progress = semesterProgress(
      reportingSemesterKey(beijingDate(), SEMESTERS),
      SEMESTERS,
      beijingDate(),
    );
    const due = expectedByToday(8, progress);

    const page = await browser.phone();
    await signInThroughUi(page, T, 'director1');
    await mainMenu(page).getByRole('link', { name: '听课任务', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '听课任务' }));
    await visible(page.getByText(`${progress.label}（${progress.from} 至 ${progress.to}）`));
    await visible(page.getByRole('heading', { name: '按单位' }));
    await visible(page.getByRole('heading', { name: '按听课类别' }));
    await visible(page.getByRole('img', { name: /^一线教师：完成 \d+%$/ }));

    // The teacher's card: behind, with the figures of a front-line teacher.
    const card = page.locator('li.card', {
      has: page.getByRole('heading', { name: new RegExp(TEACHER_NAME) }),
    });
    await visible(card);
    await visible(card.getByText('未达进度'));
    await visible(card.getByText(`已听 0 / 8 节，按进度应听 ${due} 节`));

    // Only those behind: the filter keeps 苏婉婷, and nobody done or on track.
    await page.getByLabel('状态', { exact: true }).selectOption({ label: '未达进度' });
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('behind');
    await visible(card);
    expect(await page.locator('li.card .badge-ok').count()).toBe(0);

    const widths = await pageWidths(page);
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.clientWidth);

    // Remind: the confirmation says how many; the answer how many were told.
    await page.getByRole('button', { name: '提醒未达进度者' }).click();
    const question = await visible(page.getByText(/^向 \d+ 位未达进度的人员发送站内提醒？/));
    const asked = Number(/向 (\d+) 位/.exec((await question.textContent()) ?? '')?.[1]);
    expect(asked).toBeGreaterThan(0);
    await page.getByRole('button', { name: '确定' }).click();
    await visible(page.getByText(/^已提醒 \d+ 人/));
    // A second press the same week tells nobody again.
    await page.getByRole('button', { name: '提醒未达进度者' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await visible(page.getByText(new RegExp(`^已提醒 0 人，${asked} 人本周已提醒过，未重复发送。$`)));

    // The teacher: no 听课任务 in the menu; the reminder in 消息通知; their own line on 听课记录.
    const teacher = await browser.phone();
    await signInThroughUi(teacher, T, TEACHER);
    expect(await mainMenu(teacher).getByRole('link', { name: '听课任务', exact: true }).count()).toBe(0);
    await mainMenu(teacher).getByRole('link', { name: '消息通知', exact: true }).click();
    await visible(teacher.getByText('听课任务进度提醒'));
    await visible(
      teacher.getByText(`您已听课 0 节，按进度应听 ${due} 节，本学期应听 8 节（一线教师）`, { exact: false }),
    );
    await mainMenu(teacher).getByRole('link', { name: '听课记录', exact: true }).click();
    await visible(teacher.getByRole('heading', { level: 1, name: '听课记录' }));
    await visible(teacher.getByText(`本学期已听 0 / 8 节，按进度应听 ${due} 节`));
    await visible(teacher.getByText(`还差 ${due} 节达到进度`));
  });
});
