import type { DemoUnit } from './types';

type UnitInput = Pick<DemoUnit, 'key' | 'name' | 'kind'> & Partial<DemoUnit>;

/** A demo unit; the fields a demo row leaves out are unknown (null), as in a real import. */
export function unit(input: UnitInput): DemoUnit {
  return {
    parentKey: null,
    zoneKey: null,
    address: null,
    headName: null,
    phone: null,
    enrolment: null,
    staffCount: null,
    ...input,
  };
}
