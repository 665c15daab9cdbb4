import type { SignupForm, TenantKind } from '../../api';
import { texts } from '../../texts';
import { signupTexts } from '../../texts/signup';
import type { SignupDraft, SignupField } from './draft';

const s = signupTexts;
const REQUIRED: [SignupField, string][] = [
  ['orgName', s.orgName],
  ['kind', s.kind],
  ['regionCode', s.regionCode],
  ['province', s.province],
  ['city', s.city],
  ['contactName', s.contactName],
  ['contactPhone', s.contactPhone],
  ['desiredSlug', s.desiredSlug],
];

/** Quick hints before the round trip; the server checks again and its 422 messages win. */
export function validateDraft(d: SignupDraft): Partial<Record<SignupField, string>> {
  const errors: Partial<Record<SignupField, string>> = {};
  for (const [field, label] of REQUIRED) if (!d[field].trim()) errors[field] = texts.common.required(label);
  if (!d.kind) errors.kind = texts.common.choose(s.kind);
  const v = (f: SignupField) => d[f].trim();
  if (v('regionCode') && !/^\d{6}$/.test(v('regionCode'))) errors.regionCode = s.regionCodeInvalid;
  if (v('contactPhone') && !/^1\d{10}$/.test(v('contactPhone'))) errors.contactPhone = s.contactPhoneInvalid;
  if (v('contactEmail') && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v('contactEmail'))) {
    errors.contactEmail = s.contactEmailInvalid;
  }
  if (v('desiredSlug') && !/^[a-z][a-z0-9-]{2,29}$/.test(v('desiredSlug')))
    errors.desiredSlug = s.desiredSlugInvalid;
  return errors;
}

/** Optional fields left empty are left out, not sent as "". */
export function toSignupForm(d: SignupDraft): SignupForm {
  const form: SignupForm = {
    orgName: d.orgName.trim(),
    kind: d.kind as TenantKind,
    regionCode: d.regionCode.trim(),
    province: d.province.trim(),
    city: d.city.trim(),
    contactName: d.contactName.trim(),
    contactPhone: d.contactPhone.trim(),
    desiredSlug: d.desiredSlug.trim(),
  };
  if (d.contactEmail.trim()) form.contactEmail = d.contactEmail.trim();
  if (d.note.trim()) form.note = d.note.trim();
  return form;
}
