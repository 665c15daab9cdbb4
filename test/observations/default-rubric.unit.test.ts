import { describe, expect, it } from 'vitest';
import { presetFor } from '../../tenants/presets';
import { defaultRubricId } from '../../worker/modules/observations/default-rubric';

const shipped = { id: 'a', builtinKey: 'lesson_100', status: 'active' as const };
const own = { id: 'b', builtinKey: null, status: 'active' as const };
const oldOwn = { id: 'c', builtinKey: null, status: 'archived' as const };
const config = (defaultRubric?: string) => ({
  ...presetFor('college'),
  ...(defaultRubric ? { observations: { defaultRubric } } : {}),
});

describe('defaultRubricId: the rubric a new observation starts with', () => {
  it('is the tenant setting, by rubric id or by shipped key, while that rubric is active', () => {
    expect(defaultRubricId(config('b'), [own, shipped])).toBe('b');
    expect(defaultRubricId(config('lesson_100'), [own, shipped])).toBe('a');
  });

  it('falls back to the shipped rubric when unset, unknown or archived, never to an archived one', () => {
    // Listed by name, an office rubric may come first: the shipped one is still the default.
    expect(defaultRubricId(config(), [own, shipped])).toBe('a');
    expect(defaultRubricId(config('nope'), [own, shipped])).toBe('a');
    expect(defaultRubricId(config('c'), [oldOwn, own, shipped])).toBe('a');
    expect(defaultRubricId(config(), [oldOwn, own, { ...shipped, status: 'archived' }])).toBe('b');
    expect(defaultRubricId(config(), [oldOwn])).toBeNull();
  });
});
