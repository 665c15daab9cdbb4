import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evidenceFiles, findings, users } from '../../db/schema/tenant';
import { MAX_IMAGE_BYTES } from '../../worker/files';
import { api, expectErrorShape, stack, tenantDbOf } from '../support/api';
import { cookieOf, modulePath, newPhoto, tinyPng, uploadPhoto, visitBody, visitSetup } from './fixtures';

const COUNTY = 'test-county';
const COLLEGE = 'test-college';

let admin = '';
let director = '';
let viewer = '';
let manager = '';
let teacher = '';
let collegeAdmin = '';
beforeAll(async () => {
  [admin, director, viewer, manager, teacher, collegeAdmin] = await Promise.all([
    cookieOf(COUNTY, 'role_admin'),
    cookieOf(COUNTY, 'role_director'),
    cookieOf(COUNTY, 'role_viewer'),
    cookieOf(COUNTY, 'role_unit_manager'),
    cookieOf(COUNTY, 'role_teacher'),
    cookieOf(COLLEGE, 'role_admin'),
  ]);
});

async function rowsOf(tenant: string, id: string) {
  const db = await tenantDbOf(tenant);
  return db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
}

/** GET the photo as bytes (the api helper reads text). */
async function fetchPhoto(tenant: string, id: string, cookie: string, module = 'management') {
  const res = await fetch(`${stack.url}${modulePath(tenant, module)}/evidence/${id}`, {
    headers: { cookie, connection: 'close' },
  });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

describe('upload', () => {
  it('stores the photo under the phone’s id; the same upload again answers with the same row', async () => {
    const { id, res } = await uploadPhoto(COUNTY, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.evidence).toMatchObject({
      id,
      module: 'management',
      contentType: 'image/png',
      size: tinyPng().byteLength,
      ownerType: null,
      ownerId: null,
    });
    const again = await uploadPhoto(COUNTY, admin, { id });
    expect(again.res.status).toBe(200);
    expect(again.res.body.evidence).toEqual(res.body.evidence);
    const rows = await rowsOf(COUNTY, id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key).toMatch(new RegExp(`^t/${COUNTY}/evidence/management/${id}/`));
    const db = await tenantDbOf(COUNTY);
    const [audits] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'evidence'), eq(auditLog.entityId, id)));
    expect(audits?.n).toBe(1);
  });

  it('two uploads of one id at once store one row', async () => {
    const id = crypto.randomUUID();
    const answers = await Promise.all([
      uploadPhoto(COUNTY, admin, { id }),
      uploadPhoto(COUNTY, admin, { id }),
    ]);
    expect(answers.map((a) => a.res.status).sort()).toEqual([200, 201]);
    expect(await rowsOf(COUNTY, id)).toHaveLength(1);
  });

  it('another user’s id is a conflict; the row stays theirs', async () => {
    const { id } = await uploadPhoto(COUNTY, admin);
    const other = await uploadPhoto(COUNTY, director, { id });
    expectErrorShape(other.res, 409, 'CONFLICT');
    const sameUserOtherModule = await uploadPhoto(COUNTY, admin, { id, module: 'safety' });
    expectErrorShape(sameUserOtherModule.res, 409, 'CONFLICT');
    const rows = await rowsOf(COUNTY, id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.module).toBe('management');
  });

  it('the type comes from the bytes: a JPEG sent as PNG is a JPEG, text is refused with 422', async () => {
    const jpeg = await uploadPhoto(COUNTY, admin, { bytes: JPEG, contentType: 'image/png' });
    expect(jpeg.res.status).toBe(201);
    expect(jpeg.res.body.evidence.contentType).toBe('image/jpeg');
    const text = await uploadPhoto(COUNTY, admin, {
      bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>'),
      contentType: 'image/png',
    });
    expectErrorShape(text.res, 422, 'VALIDATION_FAILED');
    expect(text.res.body.error.message).toMatch(/不是图片/);
    expect(await rowsOf(COUNTY, text.id)).toHaveLength(0);
  });

  it('takes a phone photo of the size the browser sends (a few hundred KB)', async () => {
    const photo = new Uint8Array(300 * 1024);
    photo.set(JPEG);
    const { res } = await uploadPhoto(COUNTY, admin, { bytes: photo, contentType: 'image/jpeg' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.evidence).toMatchObject({ contentType: 'image/jpeg', size: photo.byteLength });
  });

  it('too large is refused with 413, empty with 400', async () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(tinyPng().subarray(0, 8));
    const res = await uploadPhoto(COUNTY, admin, { bytes: big });
    expectErrorShape(res.res, 413, 'PAYLOAD_TOO_LARGE');
    expect(await rowsOf(COUNTY, res.id)).toHaveLength(0);
    const empty = await uploadPhoto(COUNTY, admin, { bytes: new Uint8Array(0) });
    expect(empty.res.status).toBe(400);
  });

  it('unit managers upload (for reports); viewers and teachers cannot; a bad id is 404', async () => {
    expect((await uploadPhoto(COUNTY, manager)).res.status).toBe(201);
    expectErrorShape((await uploadPhoto(COUNTY, viewer)).res, 403, 'FORBIDDEN');
    expectErrorShape((await uploadPhoto(COUNTY, teacher)).res, 403, 'FORBIDDEN');
    expectErrorShape((await uploadPhoto(COUNTY, admin, { id: 'not-a-uuid' })).res, 404, 'NOT_FOUND');
    expectErrorShape((await uploadPhoto(COUNTY, admin, { module: 'study' })).res, 403, 'MODULE_DISABLED');
  });
});

describe('serve', () => {
  it('the uploader sees an unowned photo; others do not until a record owns it', async () => {
    const id = await newPhoto(COUNTY, 'role_admin');
    const own = await fetchPhoto(COUNTY, id, admin);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(own.bytes).toEqual(tinyPng());
    expect((await fetchPhoto(COUNTY, id, viewer)).status).toBe(404);
    expect((await fetchPhoto(COUNTY, id, admin, 'safety')).status).toBe(404);
    expect((await fetchPhoto(COLLEGE, id, collegeAdmin)).status).toBe(404);
    expect((await fetchPhoto(COUNTY, id, teacher)).status).toBe(403);

    const setup = await visitSetup();
    const body = visitBody(setup, { answers: { gate_guard: { value: true, photos: [id] } } });
    expect((await api(`${modulePath()}/visits`, { cookie: admin, body })).status).toBe(201);
    expect((await fetchPhoto(COUNTY, id, viewer)).status).toBe(200);
    expect((await fetchPhoto(COUNTY, id, director)).status).toBe(200);
    // A visit's photo is the office's: the unit manager does not see it.
    expect((await fetchPhoto(COUNTY, id, manager)).status).toBe(404);
  });

  it('a unit manager sees the photos of their own unit’s findings once issued, no other unit’s', async () => {
    const db = await tenantDbOf(COUNTY);
    const [me] = await db
      .select({ unitId: users.unitId })
      .from(users)
      .where(eq(users.username, 'role_unit_manager'));
    const homeUnit = me?.unitId as string;
    const [home, elsewhere] = await Promise.all([visitSetup(), visitSetup()]);
    const [homePhoto, otherPhoto] = await Promise.all([newPhoto(COUNTY), newPhoto(COUNTY)]);
    const submit = async (setup: typeof home, photo: string) => {
      const body = visitBody(setup, {
        answers: { gate_guard: { value: false, note: '无人值守', photos: [photo] } },
      });
      const res = await api(`${modulePath()}/visits`, { cookie: admin, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.visit.findings[0].id as string;
    };
    const homeFinding = await submit({ ...home, unitId: homeUnit }, homePhoto);
    const otherFinding = await submit(elsewhere, otherPhoto);

    // Open findings are the office's draft.
    expect((await fetchPhoto(COUNTY, homePhoto, manager)).status).toBe(404);
    await db.update(findings).set({ status: 'issued' }).where(eq(findings.id, homeFinding));
    await db.update(findings).set({ status: 'issued' }).where(eq(findings.id, otherFinding));
    expect((await fetchPhoto(COUNTY, homePhoto, manager)).status).toBe(200);
    expect((await fetchPhoto(COUNTY, otherPhoto, manager)).status).toBe(404);

    // Their own upload (a rectification photo before the report is sent) is theirs to see.
    const mine = await newPhoto(COUNTY, 'role_unit_manager');
    expect((await fetchPhoto(COUNTY, mine, manager)).status).toBe(200);
    expect((await fetchPhoto(COUNTY, mine, viewer)).status).toBe(404);
  });
});
