/**
 * The anonymous survey page on a student's phone (issue 5, Speed): gzipped bytes of every script
 * Chromium downloads to show a 评教 questionnaire from a slip's link, with an empty cache. The
 * local stack does not compress, so each script's body is gzipped here as a CDN would send it.
 */
import { gzipSync } from 'node:zlib';
import type { LocalStack } from '../worker/local/stack';
import type { Emit } from './common';
import { benchPhone } from './phone';

const SLUG = 'demo-college';

export async function benchSurveyPage(stack: LocalStack, password: string, emit: Emit): Promise<void> {
  const json = { 'content-type': 'application/json' };
  const login = await fetch(`${stack.url}/api/t/${SLUG}/auth/login`, {
    method: 'POST',
    headers: { ...json, connection: 'close' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!login.ok) throw new Error(`bench login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${stack.url}/api/t/${SLUG}/teaching/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      // Set-up calls, not timed: one connection each, so an idle kept-alive one the server has
      // just closed is never reused (Node's fetch fails such a request instead of retrying).
      headers: { ...json, cookie, connection: 'close' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`bench ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const teacher = (await call<{ items: { id: string }[] }>('teachers?q=')).items[0];
  if (!teacher) throw new Error('bench: no teacher');
  const { presets } = await call<{ presets: object[] }>('surveys/presets');
  const made = await call<{ survey: { id: string } }>('surveys', {
    ...presets[0],
    title: '基准测试评教',
    teacherId: teacher.id,
    course: '电工基础',
  });
  await call(`surveys/${made.survey.id}/open`, {});
  const { urls } = await call<{ urls: string[] }>(`surveys/${made.survey.id}/links`, {
    label: '基准测试班',
    count: 1,
  });

  const { browser, context } = await benchPhone();
  try {
    const page = await context.newPage();
    const scripts: Promise<number>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.push(res.body().then((b) => gzipSync(b).length));
    });
    await page.goto(urls[0] as string, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: '提交问卷' }).waitFor();
    const bytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    emit('survey.page_js_gzip_kb', bytes / 1024, 'KB');
  } finally {
    await browser.close();
  }
}
