import { cookieOf, lessonDay } from '../observations/fixtures';
import { api } from '../support/api';

export function checksPath(tenant = 'test-county') {
  return `/api/t/${tenant}/teaching/checks`;
}

/** A valid body for POST /teaching/checks. */
export function checkBody(teacherId: string, fields: Record<string, unknown> = {}) {
  return {
    teacherId,
    link: 'prepare',
    checkedOn: lessonDay(),
    score: 88,
    comment: '教案详实，环节完整。',
    sampledCount: 12,
    ...fields,
  };
}

/** A check of `teacherId` recorded by `by` through the API; the check. */
export async function newCheck(
  tenant: string,
  teacherId: string,
  fields: Record<string, unknown> = {},
  by = 'role_inspector',
) {
  const res = await api(checksPath(tenant), {
    cookie: await cookieOf(tenant, by),
    body: checkBody(teacherId, fields),
  });
  if (res.status !== 201) throw new Error(`record check: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.check as { id: string; semester: string };
}
