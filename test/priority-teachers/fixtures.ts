import { beijingDate } from '../../worker/dates';
import { currentSemesterKey } from '../../worker/semesters';
import { cookieOf, SEMESTERS } from '../observations/fixtures';
import { api } from '../support/api';

export function priorityPath(tenant = 'test-county') {
  return `/api/t/${tenant}/teaching/priority-teachers`;
}

/** The semester a flag made today belongs to. */
export function flagSemester(): string {
  return currentSemesterKey(beijingDate(), SEMESTERS);
}

/** A flag of `teacherId` by role_admin through the API; its id. */
export async function newFlag(tenant: string, teacherId: string, reason = 'new_teacher'): Promise<string> {
  const res = await api(priorityPath(tenant), {
    cookie: await cookieOf(tenant, 'role_admin'),
    body: { teacherId, reason },
  });
  if (res.status !== 201) throw new Error(`flag: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.flag.id;
}
