import { api, signIn } from '../support/api';

/** A valid 1×1 transparent PNG (67 bytes). */
const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export function tinyPng(): Uint8Array {
  return new Uint8Array(Buffer.from(TINY_PNG_BASE64, 'base64'));
}

export function suffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

const cookies = new Map<string, Promise<string>>();

/** A session of the tenant's role_admin, signed in once per test file. */
export function adminCookie(tenant = 'test-county'): Promise<string> {
  let cookie = cookies.get(tenant);
  if (!cookie) {
    cookie = signIn(tenant, 'role_admin');
    cookies.set(tenant, cookie);
  }
  return cookie;
}

/** Creates an inspector through the API and returns its id. */
export async function newInspector(tenant = 'test-county', fields: Record<string, unknown> = {}) {
  const res = await api(`/api/t/${tenant}/inspectors`, {
    cookie: await adminCookie(tenant),
    body: { name: `测试督学${suffix()}`, type: 'part_time', ...fields },
  });
  if (res.status !== 201) throw new Error(`create inspector: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.inspector.id as string;
}

/** An inspector with a photo, for the photo route. */
export async function inspectorWithPhoto(tenant = 'test-county') {
  const id = await newInspector(tenant);
  const res = await api(`/api/t/${tenant}/inspectors/${id}/photo`, {
    method: 'POST',
    cookie: await adminCookie(tenant),
    rawBody: tinyPng(),
    headers: { 'content-type': 'image/png' },
  });
  if (res.status !== 200) throw new Error(`upload photo: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}
