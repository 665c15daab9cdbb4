import type { TenantDb } from '../../db/client';
import { developmentTargets, type TargetStatus } from '../../db/schema/tenant';
import type { DemoTenant } from './types';

interface DemoTarget {
  title: string;
  measure: string;
  /** An indicator of the shipped 中小学校发展性评估方案. */
  indicatorKey: string | null;
  status: TargetStatus;
  progress?: string;
  adjustment?: string;
}

/**
 * Two schools' development-plan targets for the current school year (seed 004: 学校发展规划 →
 * 年度目标 → 下学年目标调整), half-way through the year: some already reviewed, one with next
 * year's adjustment, so the targets page and the round pages have something true to show.
 */
const DEMO_TARGETS: Record<string, DemoTarget[]> = {
  sch_cg_junior: [
    {
      title: '骨干教师队伍建设',
      measure: '县级以上骨干教师达到 12 人',
      indicatorKey: 'A3.3',
      status: 'partly',
      progress: '新增县级骨干教师 2 人，现有 10 人。',
      adjustment: '县级以上骨干教师达到 13 人，其中市级 3 人',
    },
    {
      title: '课堂教学质量提升',
      measure: '推门听课优良率达到 85%',
      indicatorKey: 'A4.2',
      status: 'met',
      progress: '本学年推门听课 126 节，优良率 87%。',
    },
    {
      title: '体育运动场馆改造',
      measure: '完成 300 米塑胶跑道改造',
      indicatorKey: 'A5',
      status: 'planned',
    },
  ],
  sch_cg_primary_1: [
    {
      title: '书香校园建设',
      measure: '生均图书达到 35 册，每班建图书角',
      indicatorKey: 'A5.3',
      status: 'met',
      progress: '生均图书 36 册，24 个班全部建成图书角。',
      adjustment: '开展整本书阅读，每学期每生读完 4 本',
    },
    {
      title: '作业管理',
      measure: '一、二年级不布置书面作业，三至六年级书面作业不超过 60 分钟',
      indicatorKey: 'A4.3',
      status: 'planned',
    },
  ],
};

/** The demo targets' rows for the unit keys the tenant has; nothing for a tenant without them. */
export function demoTargetRows(
  demo: DemoTenant,
  unitIds: Map<string, string>,
  schoolYear: number,
  userId: string,
  now = new Date().toISOString(),
) {
  return demo.units.flatMap((u) => {
    const unitId = unitIds.get(u.key);
    const targets = DEMO_TARGETS[u.key];
    if (!unitId || !targets) return [];
    return targets.map((t, sort) => ({
      id: crypto.randomUUID(),
      unitId,
      schoolYear,
      indicatorKey: t.indicatorKey,
      title: t.title,
      measure: t.measure,
      status: t.status,
      progress: t.progress ?? null,
      adjustment: t.adjustment ?? null,
      sort,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    }));
  });
}

export async function seedDemoTargets(
  db: TenantDb,
  demo: DemoTenant,
  unitIds: Map<string, string>,
  schoolYear: number,
  userId: string,
) {
  const rows = demoTargetRows(demo, unitIds, schoolYear, userId);
  if (rows.length) await db.insert(developmentTargets).values(rows);
}
