import type { DemoInspector, DemoUnit } from './types';

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

/** A demo inspector with a three-year term from the 2024 autumn appointment round. */
export function inspector(
  name: string,
  type: DemoInspector['type'],
  username: string | null,
  zoneKeys: string[],
  more: Partial<DemoInspector> = {},
): DemoInspector {
  return {
    name,
    type,
    username,
    zoneKeys,
    unitKeys: [],
    certificateNo: null,
    phone: null,
    email: null,
    workplace: null,
    termStart: '2024-09-01',
    termEnd: '2027-08-31',
    trainingHours: 24,
    ...more,
  };
}
