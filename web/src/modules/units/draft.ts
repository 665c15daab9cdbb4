import { blankDraft, draftStore } from '../../ui/draftStore';
import type { UnitDetail } from './api';

export const UNIT_FIELDS = [
  'name',
  'kind',
  'code',
  'parentId',
  'zoneId',
  'address',
  'headName',
  'phone',
  'enrolment',
  'staffCount',
] as const;

export type UnitField = (typeof UNIT_FIELDS)[number];
export type UnitDraft = Record<UnitField, string>;

export function emptyDraft(): UnitDraft {
  return blankDraft(UNIT_FIELDS);
}

export function draftOf(u: UnitDetail): UnitDraft {
  return {
    name: u.name,
    kind: u.kind,
    code: u.code ?? '',
    parentId: u.parent?.id ?? '',
    zoneId: u.zone?.id ?? '',
    address: u.address ?? '',
    headName: u.headName ?? '',
    phone: u.phone ?? '',
    enrolment: u.enrolment === null ? '' : String(u.enrolment),
    staffCount: u.staffCount === null ? '' : String(u.staffCount),
  };
}

// Kept per tenant and record for this tab, until saved or discarded.
export const unitDraft = draftStore({ prefix: 'dudao.unitDraft', fields: UNIT_FIELDS, empty: emptyDraft });
