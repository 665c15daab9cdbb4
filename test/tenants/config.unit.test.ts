import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { TenantConfig } from '../../tenants/config/schema';
import { TENANT_KINDS, TenantConfigSchema } from '../../tenants/config/schema';
import type { DemoTenant } from '../../tenants/demo';
import { DEMO_TENANTS, demoTenant } from '../../tenants/demo';
import { presetFor } from '../../tenants/presets';
import { MIN_RESPONSES_FLOOR } from '../../tenants/surveys/questions';

/** DOMAIN.md §6 (seed 003, 相山区 2023). */
const XIANGSHAN_THEMES = [
  '校风教风学风及期末工作',
  '春季开学综合督导',
  '校园安全、传染病防控和心理健康',
  '学生学习、课业负担和体艺2+1',
  '课程开设、课堂教学和控辍保学',
  '校园及周边安全、交通和防溺水',
  '学前教育普及普惠、义务教育优质均衡',
  '教师假期培训和学生假期生活',
  '招生、收费、择校',
  '教师师德和专业发展、减轻教师负担',
  '食堂、食品、饮水、宿舍卫生和劳动教育',
  '期末工作、绩效考核、责任督学考评',
];

const USERNAME = /^[a-z][a-z0-9_]{2,31}$/;
const PHONE = /^(0\d{2,3}-\d{7,8}|1[3-9]\d{9})$/;

function issueMessages(input: unknown): string[] {
  const result = v.safeParse(TenantConfigSchema, input);
  return result.success ? [] : result.issues.map((issue) => issue.message);
}

function groupKinds(config: TenantConfig): Set<string> {
  return new Set(config.unitKinds.filter((k) => k.isGroup).map((k) => k.key));
}

function schoolsOf(tenant: DemoTenant) {
  const groups = groupKinds(tenant.config);
  return tenant.units.filter((u) => !groups.has(u.kind));
}

function mustFind(slug: string): DemoTenant {
  const tenant = demoTenant(slug);
  if (!tenant) throw new Error(`no demo tenant ${slug}`);
  return tenant;
}

describe('presets', () => {
  it.each(TENANT_KINDS)('the %s preset validates against the schema', (kind) => {
    expect(() => v.parse(TenantConfigSchema, presetFor(kind))).not.toThrow();
    expect(presetFor(kind).version).toBe(1);
  });

  it('presetFor returns a fresh deep copy each time', () => {
    const first = presetFor('county');
    first.modules.teaching = false;
    first.vocabulary.unit = '改过';
    first.unitKinds.pop();
    first.themeCalendar.splice(0);
    first.observationQuotas.roles.push({ key: 'extra', label: '额外', perSemester: 1 });

    const second = presetFor('county');
    expect(second.modules.teaching).toBe(true);
    expect(second.vocabulary.unit).toBe('学校');
    expect(second.unitKinds.map((k) => k.key)).toContain('special');
    expect(second.themeCalendar).toHaveLength(12);
    expect(second.observationQuotas.roles.map((r) => r.key)).not.toContain('extra');
    // Shared building blocks (county and district use the same school kinds) stay shared-safe.
    expect(presetFor('district').unitKinds.map((k) => k.key)).toContain('special');
  });

  it('turns all four modules on for every kind', () => {
    for (const kind of TENANT_KINDS) {
      expect(presetFor(kind).modules).toEqual({
        teaching: true,
        study: true,
        management: true,
        safety: true,
      });
    }
  });

  it('gives the district the twelve themes of 相山区 2023 (DOMAIN.md §6)', () => {
    const calendar = presetFor('district').themeCalendar;
    expect(calendar.map((t) => t.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(calendar.map((t) => t.theme)).toEqual(XIANGSHAN_THEMES);
  });

  it('gives the college the quotas of seed 000 and one lesson a week for supervisors', () => {
    const quotas = presetFor('college').observationQuotas;
    expect(quotas.roles.map((r) => [r.key, r.label, r.perSemester])).toEqual([
      ['front_line_teacher', '一线教师', 8],
      ['group_head', '教研组长', 16],
      ['middle_manager', '中层以上干部', 20],
    ]);
    expect(quotas.supervisorPerWeek).toBe(1);
  });

  it('uses the vocabulary of each kind', () => {
    expect(presetFor('county').vocabulary).toMatchObject({ unit: '学校', unitGroup: '乡镇', zone: '责任区' });
    expect(presetFor('district').vocabulary.unitGroup).toBe('学区');
    expect(presetFor('college').vocabulary).toMatchObject({
      unit: '部门',
      inspector: '督导员',
      office: '督导室',
    });
  });

  it('has exactly one group kind per preset, so a unit has one obvious kind of parent', () => {
    expect([...groupKinds(presetFor('county'))]).toEqual(['township']);
    expect([...groupKinds(presetFor('district'))]).toEqual(['school_district']);
    expect([...groupKinds(presetFor('college'))]).toEqual(['department']);
  });
});

describe('schema', () => {
  it('rejects duplicate unit kind keys with a Chinese message', () => {
    const config = presetFor('county');
    const first = config.unitKinds[1];
    if (!first) throw new Error('county preset has too few unit kinds');
    config.unitKinds.push({ ...first, label: '另一个小学' });
    expect(issueMessages(config)).toContain('单位类型的标识不能重复');
  });

  it('rejects two themes in one month with a Chinese message', () => {
    const config = presetFor('district');
    config.themeCalendar = [
      { month: 3, theme: '校园安全' },
      { month: 3, theme: '心理健康' },
    ];
    expect(issueMessages(config)).toContain('每个月只能有一个督导主题');
  });

  it('accepts a calendar with fewer than twelve months', () => {
    const config = presetFor('college');
    config.themeCalendar = config.themeCalendar.slice(0, 3);
    expect(issueMessages(config)).toEqual([]);
  });
});

describe.each(DEMO_TENANTS.map((t) => [t.slug, t] as const))('demo tenant %s', (_slug, tenant) => {
  const kindKeys = new Set(tenant.config.unitKinds.map((k) => k.key));
  const groups = groupKinds(tenant.config);
  const unitsByKey = new Map(tenant.units.map((u) => [u.key, u]));

  it('has a valid config of its own kind', () => {
    expect(() => v.parse(TenantConfigSchema, tenant.config)).not.toThrow();
    expect(tenant.config).toEqual(presetFor(tenant.kind));
  });

  it('has a well-formed slug, region code and Chinese place names', () => {
    expect(tenant.slug).toMatch(/^demo-[a-z]+$/);
    expect(tenant.regionCode).toMatch(/^[1-8]\d{5}$/);
    expect(tenant.province).toMatch(/省$/);
    expect(tenant.city).toMatch(/市$/);
  });

  it('has unique unit keys that reference unit kinds of its config', () => {
    expect(unitsByKey.size).toBe(tenant.units.length);
    for (const unit of tenant.units) {
      expect(kindKeys, `${unit.name}: ${unit.kind}`).toContain(unit.kind);
    }
  });

  it('hangs units only under existing group units', () => {
    for (const unit of tenant.units) {
      if (unit.parentKey === null) continue;
      const parent = unitsByKey.get(unit.parentKey);
      expect(parent, `${unit.name} → ${unit.parentKey}`).toBeDefined();
      expect(groups, `${unit.name} → ${parent?.name}`).toContain(parent?.kind);
    }
    // Groups are top-level: the tree is two levels deep at most.
    for (const unit of tenant.units.filter((u) => groups.has(u.kind))) {
      expect(unit.parentKey, unit.name).toBeNull();
    }
  });

  it('names units uniquely within a parent', () => {
    const seen = new Set<string>();
    for (const unit of tenant.units) {
      const id = `${unit.parentKey ?? ''}/${unit.name}`;
      expect(seen, id).not.toContain(id);
      seen.add(id);
    }
  });

  it('puts units only in existing zones, none over the limit', () => {
    const zoneKeys = new Set(tenant.zones.map((z) => z.key));
    expect(zoneKeys.size).toBe(tenant.zones.length);
    const perZone = new Map<string, number>();
    for (const unit of tenant.units) {
      if (unit.zoneKey === null) continue;
      expect(zoneKeys, unit.name).toContain(unit.zoneKey);
      perZone.set(unit.zoneKey, (perZone.get(unit.zoneKey) ?? 0) + 1);
    }
    for (const count of perZone.values()) {
      expect(count).toBeLessThanOrEqual(tenant.config.zones.maxUnitsPerZone);
    }
  });

  it('has plausible contact data and sizes', () => {
    for (const unit of tenant.units) {
      if (unit.phone !== null) expect(unit.phone, unit.name).toMatch(PHONE);
      for (const n of [unit.enrolment, unit.staffCount]) {
        if (n !== null) expect(Number.isInteger(n) && n > 0, unit.name).toBe(true);
      }
    }
  });

  it('has unique, valid usernames, including admin and inspector1', () => {
    const usernames = tenant.users.map((u) => u.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    for (const username of usernames) expect(username).toMatch(USERNAME);
    expect(tenant.users.find((u) => u.username === 'admin')?.role).toBe('admin');
    expect(tenant.users.find((u) => u.username === 'inspector1')?.role).toBe('inspector');
  });

  it('ties unit managers and teachers to existing units, and no one else', () => {
    for (const user of tenant.users) {
      if (user.role === 'unit_manager' || user.role === 'teacher') {
        expect(unitsByKey.has(user.unitKey ?? ''), user.username).toBe(true);
      } else {
        expect(user.unitKey, user.username).toBeNull();
      }
    }
  });
  it('lists inspectors whose zones, units and accounts exist, within the ratio, with valid phones', () => {
    const zoneKeys = new Set(tenant.zones.map((z) => z.key));
    const inspectorAccounts = new Set(
      tenant.users.filter((u) => u.role === 'inspector').map((u) => u.username),
    );
    expect(tenant.inspectors.length).toBeGreaterThan(0);
    for (const inspector of tenant.inspectors) {
      for (const key of inspector.zoneKeys) expect(zoneKeys, inspector.name).toContain(key);
      for (const key of inspector.unitKeys) expect(unitsByKey.has(key), inspector.name).toBe(true);
      if (inspector.username !== null)
        expect(inspectorAccounts, inspector.name).toContain(inspector.username);
      if (inspector.phone !== null) expect(inspector.phone, inspector.name).toMatch(PHONE);
      const units = new Set([
        ...inspector.unitKeys,
        ...tenant.units
          .filter((u) => u.zoneKey !== null && inspector.zoneKeys.includes(u.zoneKey))
          .map((u) => u.key),
      ]);
      // The ratio is a warning, not a rule; demo data shows the normal case except where a zone is large.
      expect(units.size, inspector.name).toBeLessThanOrEqual(tenant.config.zones.maxUnitsPerZone);
    }
    const linked = tenant.inspectors.map((i) => i.username).filter((u) => u !== null);
    expect(new Set(linked).size).toBe(linked.length);
  });
});

describe('demo-county', () => {
  const county = mustFind('demo-county');
  const schools = schoolsOf(county);

  it('has about twenty schools of at least five kinds', () => {
    expect(schools.length).toBeGreaterThanOrEqual(18);
    expect(schools.length).toBeLessThanOrEqual(22);
    expect(new Set(schools.map((s) => s.kind)).size).toBeGreaterThanOrEqual(5);
  });

  it('groups its schools under four or five townships', () => {
    const townships = county.units.filter((u) => u.kind === 'township');
    expect(townships.length).toBeGreaterThanOrEqual(4);
    expect(townships.length).toBeLessThanOrEqual(5);
    for (const township of townships) {
      expect(
        schools.some((s) => s.parentKey === township.key),
        township.name,
      ).toBe(true);
    }
  });

  it('puts every school in one of four responsibility zones', () => {
    expect(county.zones).toHaveLength(4);
    for (const school of schools) expect(school.zoneKey, school.name).not.toBeNull();
    for (const zone of county.zones) {
      expect(
        schools.some((s) => s.zoneKey === zone.key),
        zone.name,
      ).toBe(true);
    }
  });

  it('has a 教学点 with fewer than 50 pupils and full school records', () => {
    const small = schools.filter((s) => s.kind === 'teaching_point' && (s.enrolment ?? 0) < 50);
    expect(small.length).toBeGreaterThanOrEqual(1);
    for (const school of schools) {
      expect([
        school.address,
        school.headName,
        school.phone,
        school.enrolment,
        school.staffCount,
      ]).not.toContain(null);
    }
  });

  it('has a director, four inspectors, unit managers and a viewer', () => {
    const roles = county.users.map((u) => u.role);
    expect(roles.filter((r) => r === 'director')).toHaveLength(1);
    expect(roles.filter((r) => r === 'inspector')).toHaveLength(4);
    expect(roles.filter((r) => r === 'unit_manager').length).toBeGreaterThanOrEqual(2);
    expect(roles).toContain('viewer');
  });
});

describe('demo-district and demo-college', () => {
  it('gives the district about eight schools in two zones', () => {
    const district = mustFind('demo-district');
    expect(schoolsOf(district).length).toBeGreaterThanOrEqual(6);
    expect(schoolsOf(district).length).toBeLessThanOrEqual(10);
    expect(district.zones).toHaveLength(2);
    expect(district.users.map((u) => u.username)).toEqual(
      expect.arrayContaining(['director1', 'inspector1']),
    );
  });

  it('gives the college departments with teaching groups, offices, a training center and teachers', () => {
    const college = mustFind('demo-college');
    const count = (kind: string) => college.units.filter((u) => u.kind === kind).length;
    expect(count('department')).toBeGreaterThanOrEqual(4);
    expect(count('office')).toBeGreaterThanOrEqual(3);
    expect(count('training_center')).toBeGreaterThanOrEqual(1);
    for (const group of college.units.filter((u) => u.kind === 'teaching_group')) {
      expect(group.parentKey, group.name).not.toBeNull();
    }
    const roles = college.users.map((u) => u.role);
    expect(roles).toContain('unit_manager');
    expect(roles.filter((r) => r === 'teacher').length).toBeGreaterThanOrEqual(3);
  });
});

describe('optional teaching settings', () => {
  const withSettings = (extra: Record<string, unknown>) => ({ ...presetFor('college'), ...extra });

  it('takes a default rubric and a survey threshold of at least MIN_RESPONSES_FLOOR', () => {
    const parsed = v.parse(
      TenantConfigSchema,
      withSettings({ observations: { defaultRubric: 'lesson_100' }, surveys: { minResponses: 8 } }),
    );
    expect(parsed.observations?.defaultRubric).toBe('lesson_100');
    expect(parsed.surveys?.minResponses).toBe(8);
    expect(v.parse(TenantConfigSchema, presetFor('county')).surveys).toBeUndefined();
    const low = v.safeParse(
      TenantConfigSchema,
      withSettings({ surveys: { minResponses: MIN_RESPONSES_FLOOR - 1 } }),
    );
    expect(low.success).toBe(false);
    expect(low.issues?.[0]?.message).toBe(`最少答卷数不能少于 ${MIN_RESPONSES_FLOOR} 份`);
  });
});
