import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { suffix } from '../inspectors/fixtures';
import { newTeacher } from '../observations/fixtures';
import {
  mainMenu,
  pageWidths,
  phoneBrowser,
  scriptSizes,
  signInThroughUi,
  url,
  visible,
} from '../support/browser';
import { newSurvey, newTokens, ratingAnswers, respond } from './fixtures';

const T = 'test-college';
/** teacher2 (任佳琪) of the computer group in the demo college is rated. */
const RATED = '任佳琪';
const RATINGS = ['教学态度', '教学内容', '教学方法', '课堂管理', '教学效果'];
const browser = phoneBrowser();

/** Gzipped bytes of every script the page downloaded, fetched again and compressed here. */
async function gzippedScriptKb(page: Page): Promise<number> {
  let bytes = 0;
  for (const s of await scriptSizes(page)) {
    const body = new Uint8Array(
      await (await fetch(s.name, { headers: { connection: 'close' } })).arrayBuffer(),
    );
    bytes += gzipSync(body).length;
  }
  return bytes / 1024;
}

/** Picks `points` on the rating question whose label starts with `label`. */
async function rate(page: Page, label: string, points: number) {
  await page
    .getByRole('group', { name: new RegExp(`^\\d+\\. ${label}`) })
    .getByRole('radio', { name: `${points} 分`, exact: true })
    .check({ force: true });
}

async function answerAll(page: Page, link: string, scores: number[], advice: string) {
  await page.goto(link);
  await visible(page.getByRole('heading', { level: 1 }));
  for (const [i, label] of RATINGS.entries()) await rate(page, label, scores[i] as number);
  await page.getByRole('textbox', { name: '意见和建议' }).fill(advice);
  // The whole questionnaire fits a 360-pixel phone: no sideways scrolling.
  expect((await pageWidths(page)).scrollWidth).toBeLessThanOrEqual(360);
  await page.getByRole('button', { name: '提交问卷' }).click();
  await visible(page.getByText('提交成功，谢谢您！'));
}

describe('student ratings of teaching (评教) from phone-sized browsers', () => {
  it('office builds a 评教, makes 5 slips, five phones answer anonymously (one through a reload), results appear only at 5', async () => {
    const tag = suffix();
    const course = `网络布线${tag}`;
    const office = await browser.phone();
    await signInThroughUi(office, T, 'admin');
    await mainMenu(office).getByRole('link', { name: '问卷与评教', exact: true }).click();
    await visible(office.getByRole('heading', { level: 1, name: '问卷与评教' }));
    await office.getByRole('link', { name: '新建问卷', exact: true }).click();

    // The 评教 preset is filled in; the office picks the teacher and the course.
    await expect.poll(() => office.getByLabel('问卷标题', { exact: true }).inputValue()).toBe('学生评教问卷');
    expect((await pageWidths(office)).scrollWidth).toBeLessThanOrEqual(360);
    await office.getByLabel('问卷标题', { exact: true }).fill(`评教${tag}`);
    await office.getByRole('searchbox', { name: '搜索教师姓名' }).fill('任佳');
    const teacher = office.getByLabel('被评教师', { exact: true });
    await expect.poll(() => teacher.locator('option', { hasText: RATED }).count()).toBe(1);
    await teacher.selectOption({
      label: (await teacher.locator('option', { hasText: RATED }).textContent()) as string,
    });
    await office.getByLabel('课程名称', { exact: true }).fill(course);
    await office.getByRole('button', { name: '保存草稿' }).click();
    await visible(office.getByRole('heading', { level: 1, name: `评教${tag}` }));
    const surveyPath = new URL(office.url()).pathname;

    await office.getByRole('button', { name: '开放问卷', exact: true }).click();
    await office.getByRole('button', { name: '确定开放问卷' }).click();
    await visible(office.getByText(/收集中 · 答卷 0 份/));

    // Five slips for one class; the links are shown once, with a QR code each.
    await office.getByLabel('班级', { exact: true }).fill('23级网络1班');
    await office.getByLabel('份数（学生人数）', { exact: true }).fill('5');
    await office.getByRole('button', { name: '生成链接和二维码' }).click();
    await visible(office.getByText(/链接只显示这一次/));
    const qr = office.locator('svg[data-qr-text]');
    await expect.poll(() => qr.count()).toBe(5);
    const links = await qr.evaluateAll((els) => els.map((e) => e.getAttribute('data-qr-text') as string));
    for (const l of links) expect(l).toMatch(new RegExp(`^${url(`/s/${T}/`)}[A-Za-z0-9_-]{24}$`));
    expect(await office.getByText(links[0] as string).count()).toBe(1);
    expect((await pageWidths(office)).scrollWidth).toBeLessThanOrEqual(360);

    // Printed, a batch of 20 slips fills two A4 pages (ten a page), nothing else of the page on them.
    await office.getByLabel('班级', { exact: true }).fill('23级网络2班');
    await office.getByLabel('份数（学生人数）', { exact: true }).fill('20');
    await office.getByRole('button', { name: '生成链接和二维码' }).click();
    await expect.poll(() => qr.count()).toBe(20);
    await expect.poll(() => office.locator('svg[data-qr-text] path').count()).toBe(20);
    const pdf = (await office.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(2);

    // The first phone: the page's whole JavaScript stays under 30 KB gzipped.
    const first = await browser.phone();
    await answerAll(first, links[0] as string, [5, 4, 4, 5, 4], '讲解清楚');
    const kb = await gzippedScriptKb(first);
    expect(kb).toBeGreaterThan(2);
    expect(kb).toBeLessThan(30);
    expect((await scriptSizes(first)).some((s) => s.name.includes('/assets/index-'))).toBe(false);
    expect((await pageWidths(first)).scrollWidth).toBeLessThanOrEqual(360);

    // The second phone answers half, reloads, finds its answers, finishes.
    const second = await browser.phone();
    await second.goto(links[1] as string);
    await visible(second.getByRole('heading', { level: 1 }));
    await rate(second, '教学态度', 3);
    await rate(second, '教学内容', 2);
    await second.getByRole('textbox', { name: '意见和建议' }).fill('希望多练习');
    await second.reload();
    await visible(second.getByText('已恢复您上次填写的内容。'));
    expect(
      await second
        .getByRole('group', { name: /^\d+\. 教学内容/ })
        .getByRole('radio', { name: '2 分', exact: true })
        .isChecked(),
    ).toBe(true);
    expect(await second.getByRole('textbox', { name: '意见和建议' }).inputValue()).toBe('希望多练习');
    // A missing required answer is named before anything is sent.
    await second.getByRole('button', { name: '提交问卷' }).click();
    await visible(second.getByText('还有 3 道必答题没有作答，请完成后再提交。'));
    for (const label of ['教学方法', '课堂管理', '教学效果']) await rate(second, label, 3);
    await second.getByRole('button', { name: '提交问卷' }).click();
    await visible(second.getByText('提交成功，谢谢您！'));
    // The slip cannot answer twice.
    await second.reload();
    await visible(second.getByText(/此链接已提交过/));

    for (const [i, link] of links.slice(2, 4).entries()) {
      await answerAll(await browser.phone(), link, [4, 4, 3, 4, 4], `建议${i}`);
    }

    // Four responses: the office sees the count only.
    await office.goto(url(`${surveyPath}/results`));
    await visible(office.getByText('答卷还不足 5 份（现有 4 份）', { exact: false }));
    expect(await office.getByText('总体评分').count()).toBe(0);

    await answerAll(await browser.phone(), links[4] as string, [2, 3, 3, 2, 3], '作业太多');
    await office.reload();
    await visible(office.getByText('总体评分'));
    // Attitude: 5, 3, 4, 4, 2 → mean 3.6.
    const attitude = office
      .getByRole('listitem')
      .filter({ has: office.getByRole('heading', { name: /^教学态度/ }) });
    await visible(attitude.getByText('平均 3.6 / 5 分 · 5 人作答'));
    await expect
      .poll(() =>
        office
          .getByRole('table', { name: /^教学态度/ })
          .getByRole('row')
          .count(),
      )
      .toBe(5);
    // Text answers wait for review; one is made public.
    await visible(office.getByText('讲解清楚'));
    const row = office.locator('.survey-texts > li').filter({ hasText: '讲解清楚' });
    await row.getByRole('button', { name: '公开给教师' }).click();
    await visible(row.getByText('已公开'));
    expect((await pageWidths(office)).scrollWidth).toBeLessThanOrEqual(360);
  });

  it('a 评教 under 60% puts the teacher on the priority list from the results page', async () => {
    const teacher = await newTeacher(T);
    const id = await newSurvey(T, { teacherId: teacher, open: true, changes: { minResponses: 3 } });
    const { tokens } = await newTokens(T, id, 3);
    for (const t of tokens) expect((await respond(T, t, ratingAnswers(2))).status).toBe(201);
    const office = await browser.phone();
    await signInThroughUi(office, T, 'admin');
    await office.goto(url(`/t/${T}/teaching/surveys/${id}/results`));
    await visible(office.getByText('总体评分 40%，低于 60%。'));
    await office.getByRole('button', { name: '列为重点关注教师' }).click();
    await visible(office.getByText('已列为重点关注教师'));
    const again = await browser.phone();
    await signInThroughUi(again, T, 'admin');
    await again.goto(url(`/t/${T}/teaching/surveys/${id}/results`));
    await again.getByRole('button', { name: '列为重点关注教师' }).click();
    // The priority list says in Chinese that the teacher is on it already.
    await visible(again.getByRole('alert').getByText(/已在.*以“评教较低”为由列为重点关注教师，无需重复标记/));
  });
});
