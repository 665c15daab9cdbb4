import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../tenants/checklists/builtin';
import { ChecklistBodySchema, TemplateModuleSchema } from '../../tenants/checklists/schema';
import { MODULE_KEYS } from '../../tenants/config/schema';

type BodyInput = v.InferInput<typeof ChecklistBodySchema>;

/** Parses a body; on failure the assertion message lists every issue with its path. */
function parse(body: unknown) {
  return v.safeParse(ChecklistBodySchema, body);
}

function describeIssues(result: ReturnType<typeof parse>): string {
  if (result.success) return '';
  return result.issues
    .map((issue) => `${(issue.path ?? []).map((p) => String(p.key)).join('.')}: ${issue.message}`)
    .join('\n');
}

function messages(body: unknown): string[] {
  const result = parse(body);
  return result.success ? [] : result.issues.map((issue) => issue.message);
}

const items = (body: BodyInput) => body.sections.flatMap((s) => s.items);

describe('builtin checklist templates', () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.key, t] as const))('%s parses with ChecklistBodySchema', (_, t) => {
    const result = parse(t.body);
    expect(result.success, describeIssues(result)).toBe(true);
    expect(v.is(TemplateModuleSchema, t.module)).toBe(true);
    expect(t.key).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
    expect(t.revision).toBeGreaterThanOrEqual(1);
    expect(t.name.trim()).not.toBe('');
    expect(t.description.trim()).not.toBe('');
  });

  it('keeps template keys unique and routine_eight first', () => {
    const keys = BUILTIN_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe('routine_eight');
  });

  it('ships the templates drawn from the seeds', () => {
    const keys = BUILTIN_TEMPLATES.map((t) => t.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'routine_eight',
        'term_start',
        'safety_general',
        'canteen_dormitory',
        'five_managements',
        'double_reduction',
        'dropout_headcount',
        'teaching_term_start',
        'teaching_midterm',
        'teaching_term_end',
      ]),
    );
  });

  it('covers all four modules', () => {
    const modules = new Set(BUILTIN_TEMPLATES.map((t) => t.module));
    for (const module of MODULE_KEYS) expect(modules, module).toContain(module);
  });

  it('gives every template at least one required item', () => {
    for (const t of BUILTIN_TEMPLATES) {
      expect(
        items(t.body).some((i) => i.required),
        t.key,
      ).toBe(true);
    }
  });

  it('gives every yes/no item of a safety template a hazard level', () => {
    const safety = BUILTIN_TEMPLATES.filter((t) => t.module === 'safety');
    expect(safety.length).toBeGreaterThan(0);
    for (const t of safety) {
      const missing = items(t.body)
        .filter((i) => i.type === 'yes_no' && i.hazardLevel === undefined)
        .map((i) => i.key);
      expect(missing, t.key).toEqual([]);
    }
  });

  it('puts each seed template in its module', () => {
    const moduleOf = Object.fromEntries(BUILTIN_TEMPLATES.map((t) => [t.key, t.module]));
    expect(moduleOf).toMatchObject({
      term_start: 'management',
      safety_general: 'safety',
      canteen_dormitory: 'safety',
      five_managements: 'study',
      double_reduction: 'study',
      dropout_headcount: 'study',
      teaching_term_start: 'teaching',
      teaching_midterm: 'teaching',
      teaching_term_end: 'teaching',
    });
  });
});

describe('ChecklistBodySchema', () => {
  const section = (key: string, sectionItems: unknown[]) => ({ key, title: '分组', items: sectionItems });

  it('accepts a minimal body', () => {
    const result = parse({ sections: [section('a', [{ key: 'x', label: '检查项', type: 'yes_no' }])] });
    expect(result.success, describeIssues(result)).toBe(true);
  });

  it('rejects a score item without max', () => {
    const body = { sections: [section('a', [{ key: 'x', label: '评分', type: 'score' }])] };
    expect(messages(body)).toContain('评分项必须填写满分');
  });

  it('rejects the same item key in two sections', () => {
    const body = {
      sections: [
        section('a', [{ key: 'x', label: '检查项一', type: 'yes_no' }]),
        section('b', [{ key: 'x', label: '检查项二', type: 'text' }]),
      ],
    };
    expect(messages(body)).toContain('检查项编号不能重复');
  });

  it('rejects a "below" rule on a yes/no item', () => {
    const body = {
      sections: [
        section('a', [
          { key: 'x', label: '检查项', type: 'yes_no', rules: [{ when: { below: 6 }, requireNote: true }] },
        ]),
      ],
    };
    expect(messages(body)).toContain('规则的触发条件与检查项类型不符');
  });

  it('rejects a choice rule naming a missing choice', () => {
    const body = {
      sections: [
        section('a', [
          {
            key: 'x',
            label: '总体评价',
            type: 'choice',
            choices: ['合格', '不合格'],
            rules: [{ when: { choice: '较差' }, requireNote: true }],
          },
        ]),
      ],
    };
    expect(messages(body)).toContain('规则的触发条件与检查项类型不符');
  });
});
