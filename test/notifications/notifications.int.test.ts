import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema/tenant';
import { api, expectErrorShape, tenantDbOf } from '../support/api';
import { freshUser, notificationFor } from './fixtures';

const T = 'test-county';
const list = (tenant: string, query = '') => `/api/t/${tenant}/notifications${query}`;
const markRead = (tenant: string, id: string) => `/api/t/${tenant}/notifications/${id}/read`;

describe('notifications', () => {
  it('lists only the signed-in user’s own, newest first, with the unread count', async () => {
    const me = await freshUser(T);
    const other = await freshUser(T);
    const older = await notificationFor(me.username, T, {
      title: '较早的消息',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const newer = await notificationFor(me.username, T, { title: '较新的消息' });
    await notificationFor(me.username, T, {
      title: '已读的消息',
      createdAt: '2025-12-01T00:00:00.000Z',
      readAt: '2025-12-02T00:00:00.000Z',
    });
    await notificationFor(other.username, T, { title: '别人的消息' });

    const res = await api(list(T), { cookie: me.cookie });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.unread).toBe(2);
    expect(res.body.items.map((n: { title: string }) => n.title)).toEqual([
      '较新的消息',
      '较早的消息',
      '已读的消息',
    ]);
    expect(res.body.items[0]).toMatchObject({ id: newer, readAt: null, link: 'notifications' });
    expect(JSON.stringify(res.body)).not.toContain('别人的消息');

    const unreadOnly = await api(list(T, '?unread=1'), { cookie: me.cookie });
    expect(unreadOnly.body.items.map((n: { id: string }) => n.id)).toEqual([newer, older]);
    expect(unreadOnly.body.total).toBe(2);

    const paged = await api(list(T, '?page=2&pageSize=2'), { cookie: me.cookie });
    expect(paged.body).toMatchObject({ page: 2, pageSize: 2, total: 3, unread: 2 });
    expect(paged.body.items).toHaveLength(1);
  });

  it('marks one of the user’s own read once; the unread count drops and a second mark keeps the first time', async () => {
    const me = await freshUser(T);
    const id = await notificationFor(me.username, T);
    await notificationFor(me.username, T);

    const first = await api(markRead(T, id), { method: 'POST', cookie: me.cookie, body: {} });
    expect(first.status).toBe(200);
    expect(first.body.notification.id).toBe(id);
    const readAt = first.body.notification.readAt as string;
    expect(Date.now() - Date.parse(readAt)).toBeLessThan(60_000);

    const again = await api(markRead(T, id), { method: 'POST', cookie: me.cookie, body: {} });
    expect(again.status).toBe(200);
    expect(again.body.notification.readAt).toBe(readAt);

    const res = await api(list(T), { cookie: me.cookie });
    expect(res.body).toMatchObject({ total: 2, unread: 1 });
  });

  it('answers 404 for another user’s notification and leaves it unread', async () => {
    const me = await freshUser(T);
    const other = await freshUser(T);
    const theirs = await notificationFor(other.username, T);

    const res = await api(markRead(T, theirs), { method: 'POST', cookie: me.cookie, body: {} });
    expectErrorShape(res, 404, 'NOT_FOUND');
    const db = await tenantDbOf(T);
    const [row] = await db.select().from(notifications).where(eq(notifications.id, theirs));
    expect(row?.readAt).toBeNull();
  });

  it('answers 404 for an unknown or malformed id', async () => {
    const me = await freshUser(T);
    const unknown = await api(markRead(T, crypto.randomUUID()), {
      method: 'POST',
      cookie: me.cookie,
      body: {},
    });
    expectErrorShape(unknown, 404, 'NOT_FOUND');
    const malformed = await api(markRead(T, 'not-an-id'), { method: 'POST', cookie: me.cookie, body: {} });
    expectErrorShape(malformed, 404, 'NOT_FOUND');
  });

  it('refuses a bad filter with 422', async () => {
    const me = await freshUser(T);
    const res = await api(list(T, '?unread=yes'), { cookie: me.cookie });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    const big = await api(list(T, '?pageSize=1000'), { cookie: me.cookie });
    expectErrorShape(big, 422, 'VALIDATION_FAILED');
  });

  it('keeps two tenants apart: each sees only its own database’s notifications', async () => {
    const county = await freshUser('test-county');
    const college = await freshUser('test-college');
    await notificationFor(county.username, 'test-county', { title: '县里的消息' });
    await notificationFor(college.username, 'test-college', { title: '学院的消息' });
    const collegeId = await notificationFor(college.username, 'test-college');

    const inCollege = await api(list('test-college'), { cookie: college.cookie });
    expect(inCollege.body.total).toBe(2);
    expect(JSON.stringify(inCollege.body)).not.toContain('县里的消息');

    // A county session cannot reach the college's notification, by id or by path.
    const cross = await api(markRead('test-college', collegeId), {
      method: 'POST',
      cookie: county.cookie,
      body: {},
    });
    expectErrorShape(cross, 404, 'NOT_FOUND');
    const wrongTenant = await api(markRead('test-county', collegeId), {
      method: 'POST',
      cookie: county.cookie,
      body: {},
    });
    expectErrorShape(wrongTenant, 404, 'NOT_FOUND');
  });
});
