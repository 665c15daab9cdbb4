/**
 * Organization figures at a realistic county volume: 500 units in 25 zones imported from one
 * .xlsx, 5,000 accounts, then the lists an office pages through every day.
 */
import { utils, write } from '@e965/xlsx';
import { localDatabases } from '../db/local/connections';
import { users, zones } from '../db/schema/tenant';
import type { DemoTenant } from '../tenants/demo/types';
import { hashPassword } from '../worker/auth/password';
import type { LocalStack } from '../worker/local/stack';
import { benchCopyOf, type Emit } from './common';

export const BENCH_SLUG = 'bench-county';
const ZONES = 25;
const TOWNSHIPS = 20;
const SCHOOLS = 480;
const USERS = 5_000;

/** demo-county's config and admin, with no units: the bench fills it. */
export function benchTenant(): DemoTenant {
  return benchCopyOf('demo-county', BENCH_SLUG, '基准测试县教育督导室');
}

const KINDS = ['小学', '小学', '小学', '初中', '九年一贯制学校', '幼儿园', '教学点'];

/** 20 townships and 480 schools, as an office's own spreadsheet would list them. */
function unitsWorkbook(): Uint8Array {
  const rows: (string | number)[][] = [
    ['单位代码', '名称', '类型', '上级单位', '责任区', '地址', '负责人', '联系电话', '在校生数', '教职工数'],
  ];
  for (let t = 1; t <= TOWNSHIPS; t++) {
    rows.push([
      `T${String(t).padStart(4, '0')}`,
      `第${t}镇`,
      '乡镇',
      '',
      '',
      `基准县第${t}镇政府`,
      '镇长',
      `0561-60${String(t).padStart(5, '0')}`,
      '',
      '',
    ]);
  }
  for (let s = 0; s < SCHOOLS; s++) {
    const township = (s % TOWNSHIPS) + 1;
    const kind = KINDS[s % KINDS.length] as string;
    const label =
      kind === '教学点' ? '教学点' : kind === '幼儿园' ? '幼儿园' : kind === '初中' ? '中学' : '学校';
    rows.push([
      `3412${String(s).padStart(6, '0')}`,
      `第${township}镇第${Math.floor(s / TOWNSHIPS) + 1}${label}`,
      kind,
      `第${township}镇`,
      `第${(s % ZONES) + 1}责任区`,
      `基准县第${township}镇学府路${s + 1}号`,
      `校长${s + 1}`,
      `139${String(10_000_000 + s).padStart(8, '0')}`,
      kind === '教学点' ? 40 : 300 + (s % 900),
      kind === '教学点' ? 4 : 20 + (s % 60),
    ]);
  }
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet(rows), '学校');
  return write(book, { type: 'array', bookType: 'xlsx' }) as Uint8Array;
}

async function fillZonesAndUsers(stack: LocalStack) {
  const dbs = localDatabases(stack.sqld);
  const tenant = await dbs
    .control()
    .query.tenants.findFirst({ where: (t, { eq }) => eq(t.slug, BENCH_SLUG) });
  if (!tenant) throw new Error('bench tenant missing');
  const db = dbs.tenant(tenant.dbUrl);
  await db
    .insert(zones)
    .values(Array.from({ length: ZONES }, (_, i) => ({ id: crypto.randomUUID(), name: `第${i + 1}责任区` })));
  // One hash for all: hashing 5,000 distinct passwords would measure PBKDF2, not the lists.
  const hash = await hashPassword('Bench-user-2026');
  const now = new Date().toISOString();
  const roles = ['teacher', 'teacher', 'teacher', 'unit_manager', 'inspector', 'viewer'] as const;
  for (let from = 0; from < USERS; from += 500) {
    await db.insert(users).values(
      Array.from({ length: 500 }, (_, k) => {
        const i = from + k;
        return {
          id: crypto.randomUUID(),
          username: `user${String(i).padStart(5, '0')}`,
          displayName: `教师${i}`,
          role: roles[i % roles.length] as (typeof roles)[number],
          passwordHash: hash,
          updatedAt: now,
        };
      }),
    );
  }
}

type Timer = (url: string, init: RequestInit, samples?: number) => Promise<number[]>;

export async function benchOrganization(
  stack: LocalStack,
  cookie: string,
  emit: Emit,
  timeRequests: Timer,
  percentile: (values: number[], p: number) => number,
) {
  await fillZonesAndUsers(stack);
  const base = `${stack.url}/api/t/${BENCH_SLUG}`;
  const started = performance.now();
  const res = await fetch(`${base}/imports/units`, {
    method: 'POST',
    headers: {
      cookie,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    body: unitsWorkbook(),
  });
  const report = (await res.json()) as { created?: number };
  if (!res.ok || report.created !== TOWNSHIPS + SCHOOLS) {
    throw new Error(`import answered ${res.status}: ${JSON.stringify(report).slice(0, 500)}`);
  }
  emit('org.import_500_units_ms', performance.now() - started, 'ms');

  const headers = { headers: { cookie } };
  emit(
    'org.units_list.p95_ms',
    percentile(await timeRequests(`${base}/units?pageSize=20`, headers), 95),
    'ms',
  );
  emit(
    'org.units_search.p95_ms',
    percentile(
      await timeRequests(`${base}/units?pageSize=20&q=${encodeURIComponent('第7镇')}&page=2`, headers),
      95,
    ),
    'ms',
  );
  emit(
    'org.users_list.p95_ms',
    percentile(
      await timeRequests(`${base}/users?pageSize=20&q=${encodeURIComponent('教师12')}`, headers),
      95,
    ),
    'ms',
  );
}
