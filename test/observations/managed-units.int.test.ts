import { beforeAll, describe, expect, it } from 'vitest';
import { activate, createUser } from '../accounts/fixtures';
import { api } from '../support/api';
import { newGroupUnit, newUnit } from '../units/fixtures';
import { builtinRubric, cookieOf, newTeacher, observationBody, observationsPath } from './fixtures';

const T = 'test-college';

/**
 * A department head (unit manager of a 专业部) answers for the teaching groups under the department:
 * every teaching page shows them the same people the compliance page does.
 */
describe('a unit manager’s units include the units under theirs', () => {
  let head = '';
  let teacherId = '';
  let outsiderId = '';
  let recordId = '';
  beforeAll(async () => {
    const department = await newGroupUnit(T);
    const group = await newUnit(T, { parentId: department });
    teacherId = await newTeacher(T, group);
    outsiderId = await newTeacher(T);
    const manager = await createUser(T, { role: 'unit_manager', unitId: department });
    head = await activate(T, manager.username, manager.initialPassword);
    const director = await cookieOf(T, 'role_director');
    const { versionId } = await builtinRubric(T);
    const body = observationBody(teacherId, versionId);
    recordId = body.id;
    expect((await api(observationsPath(T), { cookie: director, body })).status).toBe(201);
    const other = observationBody(outsiderId, versionId);
    expect((await api(observationsPath(T), { cookie: director, body: other })).status).toBe(201);
  });

  it('lists and opens the observations of a teacher in a group under the department, not others', async () => {
    const list = await api(observationsPath(T), { cookie: head });
    const teachers = (list.body.items as { teacherId: string }[]).map((i) => i.teacherId);
    expect(teachers).toContain(teacherId);
    expect(teachers).not.toContain(outsiderId);
    expect((await api(`${observationsPath(T)}/${recordId}`, { cookie: head })).status).toBe(200);
  });

  it('reads that teacher’s semester summary, and not an outsider’s', async () => {
    const path = (id: string) => `/api/t/${T}/teaching/teachers/${id}/summary`;
    expect((await api(path(teacherId), { cookie: head })).status).toBe(200);
    expect((await api(path(outsiderId), { cookie: head })).status).toBe(404);
  });

  it('records a five-link check for that teacher, and is refused for an outsider', async () => {
    const check = (id: string) => ({
      teacherId: id,
      link: 'prepare',
      checkedOn: observationBody(id, '').observedOn,
      score: 90,
    });
    const ok = await api(`/api/t/${T}/teaching/checks`, { cookie: head, body: check(teacherId) });
    expect(ok.status).toBe(201);
    const refused = await api(`/api/t/${T}/teaching/checks`, { cookie: head, body: check(outsiderId) });
    expect(refused.status).toBe(422);
  });
});
