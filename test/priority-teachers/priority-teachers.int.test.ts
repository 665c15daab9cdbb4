import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications, priorityTeachers } from '../../db/schema/tenant';
import { addDays, beijingDate } from '../../worker/dates';
import { notifyPriorityWarnings } from '../../worker/modules/priority-teachers/warning-job';
import { semesterKeyOf, semesterSpan } from '../../worker/semesters';
import { createUser } from '../accounts/fixtures';
import {
  cookieOf,
  lessonDay,
  newObservation,
  newTeacher,
  SEMESTERS,
  unitOf,
  userIdOf,
} from '../observations/fixtures';
import { type ApiResponse, api, expectErrorShape, stack, tenantDbOf } from '../support/api';
import { TEST_TENANTS } from '../support/tenants';
import { flagSemester, newFlag, priorityPath } from './fixtures';

const TENANTS = ['test-county', 'test-college'] as const;

function issuesOf(res: ApiResponse) {
  return (res.body.error.details?.issues ?? []) as { path: string; message: string }[];
}

async function flagsOf(tenant: string, teacherId: string) {
  const db = await tenantDbOf(tenant);
  return db.select().from(priorityTeachers).where(eq(priorityTeachers.teacherId, teacherId));
}

async function auditCount(tenant: string, entityId: string) {
  const db = await tenantDbOf(tenant);
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'priority_teacher'), eq(auditLog.entityId, entityId)));
  return row?.n ?? 0;
}

interface Item {
  id: string;
  teacherId: string;
  reason: string;
  observationCount: number;
  lastObservedOn: string | null;
  averageTotal: number | null;
  clearedAt: string | null;
  warnings: { key: string; label: string }[];
}

describe.each(TENANTS)('priority teachers in %s', (tenant) => {
  const path = priorityPath(tenant);
  let director = '';
  let manager = '';
  let teacherCookie = '';
  let homeUnit = '';

  beforeAll(async () => {
    [director, manager, teacherCookie] = await Promise.all([
      cookieOf(tenant, 'role_director'),
      cookieOf(tenant, 'role_unit_manager'),
      cookieOf(tenant, 'role_teacher'),
    ]);
    homeUnit = (await unitOf(tenant, 'role_teacher')) as string;
  });

  it('flags a new teacher for the current semester, with an audit row, and lists them as not observed', async () => {
    const teacherId = await newTeacher(tenant);
    const res = await api(path, {
      cookie: director,
      body: { teacherId, reason: 'new_teacher', note: '2026年新入职' },
    });
    expect(res.status).toBe(201);
    expect(res.body.flag).toMatchObject({
      teacherId,
      reason: 'new_teacher',
      reasonLabel: '新教师',
      semester: flagSemester(),
      note: '2026年新入职',
      observationCount: 0,
      warnings: [{ key: 'not_observed', label: '本学期尚未听课' }],
    });
    expect(await auditCount(tenant, res.body.flag.id)).toBe(1);

    const list = await api(path, { cookie: director });
    expect(list.status).toBe(200);
    expect(list.body.semester).toBe(flagSemester());
    const item = (list.body.items as Item[]).find((i) => i.id === res.body.flag.id);
    expect(item?.warnings.map((w) => w.key)).toEqual(['not_observed']);
  });

  it('carries the semester observations: count, last date, average; not_observed goes away', async () => {
    const teacherId = await newTeacher(tenant);
    const flagId = await newFlag(tenant, teacherId);
    await newObservation(tenant, 'role_inspector', teacherId);
    await newObservation(tenant, 'role_admin', teacherId, {
      scores: {
        discipline: 1,
        attitude: 1,
        preparation: 1,
        objectives: 13,
        selection: 13,
        design: 17,
        methods: 17,
        effect: 16,
      },
    });
    const list = await api(path, { cookie: director });
    const item = (list.body.items as Item[]).find((i) => i.id === flagId);
    // Observations land in lessonDay()'s semester; in the summer holiday that is the spring just past.
    if (semesterKeyOf(lessonDay(), SEMESTERS) !== flagSemester()) return;
    expect(item).toMatchObject({
      observationCount: 2,
      lastObservedOn: lessonDay(),
      averageTotal: 82.5, // (86 + 79) / 2
      warnings: [],
    });
  });

  it('warns course_ending when the course ends within 14 days and nobody observed since the flag', async () => {
    const today = beijingDate();
    const span = semesterSpan(flagSemester(), SEMESTERS);
    const ends = addDays(today, 10) <= span.to ? addDays(today, 10) : span.to;
    if (ends < span.from || ends < today) return; // the holiday before the semester: no day to end on
    const teacherId = await newTeacher(tenant);
    const res = await api(path, {
      cookie: director,
      body: { teacherId, reason: 'external', courseEndsOn: ends },
    });
    expect(res.status).toBe(201);
    expect(res.body.flag.warnings.map((w: { key: string }) => w.key)).toEqual([
      'not_observed',
      'course_ending',
    ]);
  });

  it('refuses the same teacher and reason twice in a semester (409), but takes another reason', async () => {
    const teacherId = await newTeacher(tenant);
    await newFlag(tenant, teacherId, 'low_rating');
    const again = await api(path, { cookie: director, body: { teacherId, reason: 'low_rating' } });
    expectErrorShape(again, 409, 'CONFLICT');
    expect(again.body.error.message).toContain('评教较低');
    expect(await flagsOf(tenant, teacherId)).toHaveLength(1);
    const other = await api(path, { cookie: director, body: { teacherId, reason: 'other' } });
    expect(other.status).toBe(201);
    expect(await flagsOf(tenant, teacherId)).toHaveLength(2);
  });

  it('two flags at once: one 201, one 409, one row and one audit row', async () => {
    const teacherId = await newTeacher(tenant);
    const body = { teacherId, reason: 'new_teacher' };
    const results = await Promise.all([
      api(path, { cookie: director, body }),
      api(path, { cookie: director, body }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await flagsOf(tenant, teacherId);
    expect(rows).toHaveLength(1);
    expect(await auditCount(tenant, rows[0]?.id as string)).toBe(1);
  });

  it('refuses a non-teacher, a disabled teacher and another tenant’s teacher with 422 at teacherId, writing nothing', async () => {
    const other = tenant === 'test-county' ? 'test-college' : 'test-county';
    const viewer = await userIdOf(tenant, 'role_viewer');
    const disabled = await createUser(tenant, { role: 'teacher', unitId: homeUnit });
    const db = await tenantDbOf(tenant);
    const admin = await cookieOf(tenant, 'role_admin');
    const off = await api(`/api/t/${tenant}/users/${disabled.id}/disable`, { cookie: admin, body: {} });
    expect(off.status).toBeLessThan(300);
    const foreign = await newTeacher(other);
    for (const teacherId of [viewer, disabled.id, foreign]) {
      const res = await api(path, { cookie: director, body: { teacherId, reason: 'new_teacher' } });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(issuesOf(res).map((i) => i.path)).toEqual(['teacherId']);
      expect(
        await db.select().from(priorityTeachers).where(eq(priorityTeachers.teacherId, teacherId)),
      ).toEqual([]);
    }
  });

  it('422 in Chinese for a bad reason, a course end outside the semester, a malformed date', async () => {
    const teacherId = await newTeacher(tenant);
    const bad = [
      [{ teacherId, reason: 'lazy' }, 'reason'],
      [{ teacherId, reason: 'other', courseEndsOn: '2020-01-10' }, 'courseEndsOn'],
      [{ teacherId, reason: 'other', courseEndsOn: '2026-02-30' }, 'courseEndsOn'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await api(path, { cookie: director, body });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(issuesOf(res)[0]?.path).toBe(field);
    }
    expect(await flagsOf(tenant, teacherId)).toEqual([]);
  });

  it('clears a flag once (audit row), a second clear is 409; flagging again sets it again', async () => {
    const teacherId = await newTeacher(tenant);
    const flagId = await newFlag(tenant, teacherId);
    const cleared = await api(`${path}/${flagId}/clear`, { cookie: director, body: {} });
    expect(cleared.status).toBe(200);
    expect(cleared.body.flag.clearedAt).toBeTruthy();
    expect(cleared.body.flag.warnings).toEqual([]);
    expectErrorShape(await api(`${path}/${flagId}/clear`, { cookie: director, body: {} }), 409, 'CONFLICT');
    expect(await auditCount(tenant, flagId)).toBe(2); // flag + clear
    const again = await api(path, { cookie: director, body: { teacherId, reason: 'new_teacher' } });
    expect(again.status).toBe(200);
    expect(again.body.flag).toMatchObject({ id: flagId, clearedAt: null });
    expect(await auditCount(tenant, flagId)).toBe(3);
    expectErrorShape(
      await api(`${path}/00000000-0000-4000-8000-000000000000/clear`, { cookie: director, body: {} }),
      404,
      'NOT_FOUND',
    );
  });

  it('a unit manager reads only their unit’s flags and may not flag; a teacher is refused', async () => {
    const mine = await newTeacher(tenant, homeUnit);
    const elsewhere = await newTeacher(tenant);
    const [mineFlag, elsewhereFlag] = await Promise.all([newFlag(tenant, mine), newFlag(tenant, elsewhere)]);
    const list = await api(path, { cookie: manager });
    expect(list.status).toBe(200);
    const ids = (list.body.items as Item[]).map((i) => i.id);
    expect(ids).toContain(mineFlag);
    expect(ids).not.toContain(elsewhereFlag);
    expectErrorShape(
      await api(path, { cookie: manager, body: { teacherId: mine, reason: 'other' } }),
      403,
      'FORBIDDEN',
    );
    expectErrorShape(await api(path, { cookie: teacherCookie }), 403, 'FORBIDDEN');
  });
});

describe('the daily priority-teacher warning', () => {
  const tenant = 'test-college';
  const config = TEST_TENANTS.find((t) => t.slug === tenant)?.config;
  if (!config) throw new Error('no config');

  /** A flag written straight to the database in a chosen semester, so the job can run on a chosen day. */
  async function flagIn(
    teacherId: string,
    reason: 'new_teacher' | 'external',
    fields: { courseEndsOn?: string; flaggedAt: string },
  ) {
    const db = await tenantDbOf(tenant);
    const id = crypto.randomUUID();
    await db.insert(priorityTeachers).values({
      id,
      teacherId,
      semester: '2026-autumn',
      reason,
      note: null,
      courseEndsOn: fields.courseEndsOn ?? null,
      flaggedBy: 'test',
      flaggedAt: fields.flaggedAt,
    });
    return id;
  }

  async function noticesAbout(teacherId: string, userId: string) {
    const db = await tenantDbOf(tenant);
    return db
      .select({ kind: notifications.kind, title: notifications.title, link: notifications.link })
      .from(notifications)
      .where(and(eq(notifications.entityId, `2026-autumn:${teacherId}`), eq(notifications.userId, userId)));
  }

  it('tells directors and inspectors once per teacher, warning and semester, however often it runs', async () => {
    const teacherId = await newTeacher(tenant);
    await flagIn(teacherId, 'new_teacher', { flaggedAt: '2026-11-01T02:00:00.000Z' });
    await flagIn(teacherId, 'external', {
      flaggedAt: '2026-11-01T02:00:00.000Z',
      courseEndsOn: '2026-11-20',
    });
    const db = await tenantDbOf(tenant);
    const [directorId, inspectorId, viewerId] = await Promise.all([
      userIdOf(tenant, 'role_director'),
      userIdOf(tenant, 'role_inspector'),
      userIdOf(tenant, 'role_viewer'),
    ]);
    // 01:00 Beijing on 2026-11-10: not observed, and the course ends in 10 days.
    const now = new Date('2026-11-09T17:00:00.000Z');
    const first = await notifyPriorityWarnings(db, config, now);
    expect(first.notified).toBeGreaterThanOrEqual(4);
    await notifyPriorityWarnings(db, config, new Date('2026-11-10T17:00:00.000Z'));
    for (const userId of [directorId, inspectorId]) {
      const notices = await noticesAbout(teacherId, userId);
      expect(notices.map((n) => n.kind).sort()).toEqual(['priority_course_ending', 'priority_not_observed']);
      expect(notices.every((n) => n.link === 'teaching/priority-teachers')).toBe(true);
    }
    expect(await noticesAbout(teacherId, viewerId)).toEqual([]);
  });

  it('tells nobody in the summer holiday or while the teaching module is off', async () => {
    const db = await tenantDbOf(tenant);
    expect(await notifyPriorityWarnings(db, config, new Date('2026-08-09T17:00:00.000Z'))).toEqual({
      notified: 0,
    });
    const off = { ...config, modules: { ...config.modules, teaching: false } };
    expect(await notifyPriorityWarnings(db, off, new Date('2026-11-09T17:00:00.000Z'))).toEqual({
      notified: 0,
    });
  });

  it('runs with the daily Cron Trigger: a teacher flagged today and not observed is warned', async () => {
    if (!semesterKeyOf(beijingDate(), SEMESTERS)) return; // the summer holiday warns nobody
    const teacherId = await newTeacher(tenant);
    await newFlag(tenant, teacherId);
    const res = await fetch(`${stack.schedulerUrl}?cron=${encodeURIComponent('0 17 * * *')}`, {
      method: 'POST',
    });
    expect(await res.json()).toMatchObject({ outcome: 'ok' });
    const db = await tenantDbOf(tenant);
    const directorId = await userIdOf(tenant, 'role_director');
    const rows = await db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(
        and(
          eq(notifications.entityId, `${flagSemester()}:${teacherId}`),
          eq(notifications.userId, directorId),
        ),
      );
    expect(rows).toEqual([{ kind: 'priority_not_observed' }]);
  });
});
