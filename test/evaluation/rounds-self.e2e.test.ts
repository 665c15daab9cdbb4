import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { evaluationRoundUnits, evaluationScores } from '../../db/schema/tenant';
import { BUILTIN_SCHEMES } from '../../tenants/evaluation/builtin';
import { leafIndicators } from '../../tenants/evaluation/scheme';
import { tenantDbOf } from '../support/api';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, url, visible } from '../support/browser';
import { newRound, roundPeople } from './rounds-fixtures';

const T = 'test-county';
const browser = phoneBrowser();
const LEAVES = leafIndicators(
  BUILTIN_SCHEMES.find((s) => s.key === 'developmental_school')?.body ?? { indicators: [] },
);

describe('a unit manager self-evaluates on a phone', () => {
  it('scores as they go (kept across a reload), uploads evidence with the indicator, writes the report and submits', async () => {
    const round = await newRound(T);
    const db = await tenantDbOf(T);
    const people = await roundPeople(T);
    // Most leaves were scored earlier in the year; the last two and the report are left for today.
    const now = new Date().toISOString();
    await db.insert(evaluationScores).values(
      LEAVES.slice(0, -2).map((leaf) => ({
        roundId: round.roundId,
        unitId: round.managerUnit,
        side: 'self' as const,
        indicatorKey: leaf.key,
        score: leaf.points,
        scoredBy: people.manager,
        scoredAt: now,
      })),
    );
    const [last, final] = LEAVES.slice(-2);
    if (!last || !final) throw new Error('the scheme has too few leaves');

    const page = await browser.phone();
    await signInThroughUi(page, T, 'role_unit_manager');
    await mainMenu(page).getByRole('link', { name: '评估', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '评估' }));
    const workbench = url(`/t/${T}/evaluation/rounds/${round.roundId}/units/${round.managerUnit}`);
    await page.goto(workbench);
    await visible(page.getByText(`已自评 ${LEAVES.length - 2}/${LEAVES.length} 项`));
    await visible(page.getByText(`${last.key} ${last.name}：未填自评得分`));

    // A score above the maximum is refused on the spot, then corrected and saved.
    const lastScore = page.locator(`#self-${last.key.replace('.', '\\.')}-score`);
    await lastScore.fill(String(last.points + 1));
    await lastScore.blur();
    await visible(page.getByText(`得分不能超过 ${last.points} 分`));
    await lastScore.fill('3.5');
    await page.locator(`#self-${last.key.replace('.', '\\.')}-note`).fill('家长满意度 92%');
    await lastScore.blur();
    await visible(page.getByText(`已自评 ${LEAVES.length - 1}/${LEAVES.length} 项`));

    // Typed but not yet sent when the page reloads: it comes back and is saved.
    const finalScore = page.locator(`#self-${final.key.replace('.', '\\.')}-score`);
    await finalScore.fill('4');
    await page.reload();
    await visible(page.getByText(`已自评 ${LEAVES.length}/${LEAVES.length} 项`));
    await expect
      .poll(async () => page.locator(`#self-${final.key.replace('.', '\\.')}-score`).inputValue())
      .toBe('4');

    // Evidence for the last indicator, with its name.
    await page.locator(`#evidence-${last.key.replace('.', '\\.')}`).setInputFiles({
      name: '满意度调查.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'),
    });
    await visible(page.getByRole('link', { name: '满意度调查.pdf' }));

    await page.getByLabel('自查报告').fill('一、基本情况：本学年按发展规划推进。');
    await page.getByRole('button', { name: '保存自查报告' }).click();
    await visible(page.getByText('自查报告已保存。'));

    const { scrollWidth, clientWidth } = await pageWidths(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

    await page.getByRole('button', { name: '提交自评' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await visible(page.getByText('等待评估组评审'));

    const [stored] = await db
      .select()
      .from(evaluationRoundUnits)
      .where(
        and(
          eq(evaluationRoundUnits.roundId, round.roundId),
          eq(evaluationRoundUnits.unitId, round.managerUnit),
        ),
      );
    const full = LEAVES.slice(0, -2).reduce((sum, l) => sum + l.points, 0);
    expect(stored).toMatchObject({ status: 'submitted', selfTotal: full + 3.5 + 4 });
    expect(stored?.selfReport).toContain('基本情况');
  });
});
