/**
 * The visit page on a low-end phone (issue 4, Speed): its whole JavaScript (gzipped, from the build
 * manifest: the entry, the signed-in shell and the page), and, in Chromium with the CPU slowed 4×,
 * how long a 60-item visit with 10 photos takes to open from the visits list and to save one
 * keystroke on the device (IndexedDB, until the write is committed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { LocalStack } from '../worker/local/stack';
import { WEB_DIST } from '../worker/local/stack';
import { type Emit, p95 } from './common';
import { benchPhone } from './phone';

const SLUG = 'demo-county';
const MODULE = 'safety';
const ITEMS = 60;
const PHOTOS = 10;
const OPENS = 5;
const SAVES = 30;

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/** Gzipped JS a signed-in phone loads to show the page: entry, shell and page chunks with their imports. */
export function visitPageJsGzipKb(): number {
  const manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const seen = new Set<string>();
  const closure = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const child of manifest[key]?.imports ?? []) closure(child);
  };
  const find = (suffix: string) => {
    const key = Object.keys(manifest).find((k) => k.endsWith(suffix));
    if (!key) throw new Error(`${suffix} is not in the build`);
    return key;
  };
  closure(
    manifest['index.html']
      ? 'index.html'
      : (Object.keys(manifest).find((k) => manifest[k]?.isEntry) as string),
  );
  closure(find('modules/shell/Shell.tsx'));
  closure(find('modules/visits/VisitFormPage.tsx'));
  let bytes = 0;
  for (const key of seen) {
    const file = manifest[key]?.file;
    if (file?.endsWith('.js')) bytes += gzipSync(readFileSync(join(WEB_DIST, file))).length;
  }
  return bytes / 1024;
}

/** 60 items of the usual mix: yes/no with the on-site 否 rule, scores, texts, numbers, choices. */
function benchBody() {
  const items = [];
  for (let i = 0; i < ITEMS; i++) {
    const key = `i${i}`;
    const label = `第${i + 1}项 检查内容：消防器材、电器线路、疏散通道等是否符合要求（基准测试）`;
    if (i % 6 === 0 || i % 6 === 1)
      items.push({
        key,
        label,
        type: 'yes_no',
        required: true,
        hazardLevel: 'general',
        rules: [{ when: { answer: 'no' }, requireNote: true, requirePhoto: true, createFinding: true }],
      });
    else if (i % 6 === 2) items.push({ key, label, type: 'score', max: 10, required: true });
    else if (i % 6 === 3) items.push({ key, label, type: 'text' });
    else if (i % 6 === 4) items.push({ key, label, type: 'number', unit: '个' });
    else items.push({ key, label, type: 'choice', choices: ['合格', '基本合格', '不合格'] });
  }
  const sections = [];
  for (let s = 0; s < 6; s++)
    sections.push({ key: `s${s}`, title: `第${s + 1}部分`, items: items.slice(s * 10, s * 10 + 10) });
  return { sections };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** One keystroke in a text answer; resolves with the ms until the draft is committed in IndexedDB. */
const SAVE_SCRIPT = `(async () => {
  const el = document.querySelector('#item-i3-value');
  if (!el) throw new Error('no text item');
  const saved = new Promise((resolve) =>
    window.addEventListener('dudao:visit-saved', () => resolve(performance.now()), { once: true }),
  );
  const started = performance.now();
  el.value += '好';
  el.dispatchEvent(new Event('input', { bubbles: true }));
  return (await saved) - started;
})()`;

/** Puts a 60-item draft with 10 photos into the page's IndexedDB, as the visit page stores them. */
const SEED_SCRIPT = `async ({ draftId, body, template, unit, userId, slug, module, photos }) => {
        const jpeg = async (seed) => {
          const canvas = document.createElement('canvas');
          canvas.width = 1280;
          canvas.height = 960;
          const g = canvas.getContext('2d');
          for (let i = 0; i < 4000; i++) {
            g.fillStyle = \`hsl(\${(i * 37 + seed * 61) % 360},60%,\${30 + (i % 40)}%)\`;
            g.fillRect((i * 97) % 1280, (i * 53) % 960, 24 + (i % 50), 18 + (i % 30));
          }
          const blob = await new Promise((r) => canvas.toBlob((b) => r(b), 'image/jpeg', 0.8));
          return blob.arrayBuffer();
        };
        const idb = (name, store, index) =>
          new Promise((resolve, reject) => {
            const req = indexedDB.open(name, 1);
            req.onupgradeneeded = () => {
              const s = req.result.createObjectStore(store, { keyPath: 'id' });
              if (index) s.createIndex(index, index);
            };
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
        const put = (db, store, value) =>
          new Promise((resolve, reject) => {
            const tx = db.transaction(store, 'readwrite');
            tx.objectStore(store).put(value);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
        const answers = {};
        let photo = 0;
        const photoDb = await idb('dudao-findings', 'reportPhotos', 'scope');
        for (const section of body.sections) {
          for (const item of section.items) {
            if (item.type === 'yes_no') {
              if (photo < photos) {
                const id = \`00000000-0000-4000-8000-0000000000\${String(photo).padStart(2, '0')}\`;
                const bytes = await jpeg(photo);
                await put(photoDb, 'reportPhotos', {
                  id,
                  scope: \`visit.\${draftId}\`,
                  bytes,
                  type: 'image/jpeg',
                  originalBytes: bytes.byteLength * 12,
                  uploaded: false,
                  addedAt: Date.now() + photo,
                });
                answers[item.key] = { value: false, note: '现场发现问题，已拍照留存', photos: [id] };
                photo++;
              } else answers[item.key] = { value: true };
            } else if (item.type === 'score') answers[item.key] = { value: 8 };
            else if (item.type === 'text') answers[item.key] = { value: '情况良好，资料齐全' };
            else if (item.type === 'number') answers[item.key] = { value: 12 };
            else answers[item.key] = { value: '合格' };
          }
        }
        const now = Date.now();
        await put(await idb('dudao-visits', 'visits'), 'visits', {
          id: draftId,
          slug,
          module,
          userId,
          state: 'draft',
          error: null,
          errorDetails: [],
          unitId: unit.id,
          unitName: unit.name,
          templateId: template.id,
          templateName: template.name,
          templateVersion: template.latestVersion,
          body,
          kind: 'routine',
          visitedOn: new Date(now + 8 * 3600_000).toISOString().slice(0, 10),
          theme: '',
          team: [],
          methods: ['site'],
          answers,
          summary: '',
          feedback: '',
          feedbackSignedBy: '',
          createdAt: now - 1000,
          updatedAt: now,
        });
      }`;

export async function benchVisitPage(stack: LocalStack, password: string, emit: Emit): Promise<void> {
  emit('loop.visit_page_js_gzip_kb', visitPageJsGzipKb(), 'KB');

  const json = { 'content-type': 'application/json' };
  const login = await fetch(`${stack.url}/api/t/${SLUG}/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!login.ok) throw new Error(`bench login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const me = (await (await fetch(`${stack.url}/api/t/${SLUG}/me`, { headers: { cookie } })).json()) as {
    user: { id: string };
  };
  const made = await fetch(`${stack.url}/api/t/${SLUG}/${MODULE}/templates`, {
    method: 'POST',
    headers: { ...json, cookie },
    body: JSON.stringify({ name: `基准测试检查表${Date.now()}`, description: '60 项', body: benchBody() }),
  });
  if (made.status !== 201) throw new Error(`bench template failed: ${made.status} ${await made.text()}`);
  const template = ((await made.json()) as { template: { id: string; name: string; latestVersion: number } })
    .template;
  const units = (await (
    await fetch(`${stack.url}/api/t/${SLUG}/units?pageSize=1`, { headers: { cookie } })
  ).json()) as {
    items: { id: string; name: string }[];
  };
  const unit = units.items[0];
  if (!unit) throw new Error('bench: no unit');

  const { browser, context } = await benchPhone();
  try {
    const page = await context.newPage();
    await page.goto(`${stack.url}/t/${SLUG}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('navigation', { name: '主菜单' }).waitFor();

    // A visit of 60 answered items and 10 photos (real JPEGs of a few hundred KB), on the device.
    const draftId = '7d1c8a52-4b1e-4e5a-9f0e-1b2c3d4e5f60';
    const body = benchBody();
    /** Runs in the page (plain JavaScript: this project is typed without the DOM). */
    const seed = `(${SEED_SCRIPT})(${JSON.stringify({
      draftId,
      body,
      template,
      unit,
      userId: me.user.id,
      slug: SLUG,
      module: MODULE,
      photos: PHOTOS,
    })})`;
    await page.evaluate(seed);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

    // Open: from a tap on the draft in the visits list to all 60 items and 10 photos on screen.
    const opens: number[] = [];
    for (let i = 0; i < OPENS + 1; i++) {
      await page.goto(`${stack.url}/t/${SLUG}/${MODULE}/visits`);
      const link = page.getByRole('link', { name: '继续填写' }).first();
      await link.waitFor({ timeout: 60_000 });
      // Timed in the page: from the tap (its click event) to the frame that shows everything.
      await page.evaluate(
        "document.addEventListener('click', () => { window.tapAt = performance.now(); }, { capture: true, once: true })",
      );
      await link.click();
      await page.waitForFunction(
        `(document.querySelector('.visit-progress')?.textContent ?? '').includes('已答 ${ITEMS} / ${ITEMS} 项') &&
         [...document.querySelectorAll('.visit-photos img')].filter((img) => img.complete && img.naturalWidth > 0).length === ${PHOTOS} &&
         (window.shownAt = performance.now())`,
        undefined,
        { polling: 'raf', timeout: 60_000 },
      );
      // The first open also fetches the page's code; the figure is a phone that has opened it before.
      if (i > 0) opens.push(Number(await page.evaluate('window.shownAt - window.tapAt')));
    }
    emit('loop.visit_page_open_ms', median(opens), 'ms');

    // Save: one keystroke in a text answer until the whole draft is committed in IndexedDB.
    const saves: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      saves.push(Number(await page.evaluate(SAVE_SCRIPT)));
    }
    emit('loop.visit_draft_save_ms', p95(saves), 'ms');
  } finally {
    await browser.close();
  }
}
