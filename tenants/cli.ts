/**
 * Operator command: `npm run tenant -- <create|list|suspend|resume|migrate>`.
 * Locally it uses the sqld of a running `npm start` (or starts one on .data/ for the duration of
 * the command). With CONTROL_DB_URL set it works on that deployment instead (Turso: also set
 * DB_AUTH_TOKEN, TURSO_API_TOKEN, TURSO_ORG, TURSO_GROUP).
 */
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { type ControlDb, openControlDb, openTenantDb, type TenantDb } from '../db/client';
import { localDatabases, prepareControlPlane } from '../db/local/connections';
import type { LocalSqldAddress } from '../db/local/fetch';
import { type RunningSqld, startSqld } from '../db/local/sqld';
import { controlMigrations } from '../db/migrations/control.gen';
import { applyMigrations } from '../db/migrator';
import { type DatabaseProvider, TursoProvider } from '../db/provider';
import { tenants } from '../db/schema/control';
import { generatePassword } from '../worker/auth/one-time-password';
import { applyTenantStatus } from '../worker/modules/province/tenant-status';
import { TENANT_KINDS } from './config/schema';
import { isReservedSlug, SLUG_PATTERN } from './config/slug';
import { ensurePlatformAccount } from './platform-accounts';
import { setInitialAdmin } from './provisioning/admin-account';
import { migrateAllTenants } from './provisioning/migrate-all';
import { provisionTenant, type Who } from './provisioning/provision';

const USAGE = `用法：npm run tenant -- <命令>
  list                                   列出所有单位及其数据库版本
  create --slug <代码> --name <名称> --kind <county|district|college>
         --region <6位行政区划代码> --province <省> --city <市>
                                         开通一个单位（数据库、迁移、预设配置、admin 账号）
  suspend <代码>                         停用单位（数据全部保留）
  resume <代码>                          恢复单位
  migrate                                将控制库和所有单位数据库迁移到最新版本（可重复运行）
  account --username <账号> --name <显示名> --role <province|operator> [--region <区划代码前缀>]
                                         创建省级或运营账号（省级账号只看到区划代码以该前缀开头的单位）`;

interface Deployment {
  control: ControlDb;
  provider: DatabaseProvider;
  openTenant: (url: string) => TenantDb;
  close: () => Promise<void>;
}

const root = fileURLToPath(new URL('..', import.meta.url));

async function runningSqld(): Promise<LocalSqldAddress | null> {
  const file = `${root}.data/sqld.json`;
  if (!existsSync(file)) return null;
  const address = JSON.parse(readFileSync(file, 'utf8')) as LocalSqldAddress;
  try {
    return (await fetch(`${address.httpUrl}/health`)).ok ? address : null;
  } catch {
    return null;
  }
}

async function connect(): Promise<Deployment> {
  const url = process.env.CONTROL_DB_URL;
  if (url) {
    const authToken = process.env.DB_AUTH_TOKEN || undefined;
    if (process.env.DB_PROVIDER !== 'turso') {
      throw new Error(
        '设置了 CONTROL_DB_URL 时须同时设置 DB_PROVIDER=turso 及 TURSO_API_TOKEN、TURSO_ORG、TURSO_GROUP',
      );
    }
    const provider = new TursoProvider({
      apiToken: process.env.TURSO_API_TOKEN ?? '',
      organization: process.env.TURSO_ORG ?? '',
      group: process.env.TURSO_GROUP ?? '',
    });
    const control = openControlDb({ url, authToken });
    await applyMigrations(control.$client, controlMigrations);
    return {
      control,
      provider,
      openTenant: (dbUrl) => openTenantDb({ url: dbUrl, authToken }),
      close: async () => {},
    };
  }
  let owned: RunningSqld | null = null;
  let address = await runningSqld();
  if (!address) {
    owned = await startSqld({ dataDir: `${root}.data`, httpPort: 18090, adminPort: 18091 });
    address = owned;
  }
  const control = await prepareControlPlane(address);
  const dbs = localDatabases(address);
  return { control, provider: dbs.provider, openTenant: dbs.tenant, close: async () => owned?.stop() };
}

const who: Who = {
  actorId: null,
  actorName: `命令行:${userInfo().username}`,
  requestId: `cli-${Date.now()}`,
};

const CreateInput = v.object({
  slug: v.pipe(
    v.string('缺少 --slug'),
    v.regex(SLUG_PATTERN, '--slug 应以小写字母开头，由 3–30 个小写字母、数字或连字符组成'),
    v.check((slug) => !isReservedSlug(slug), '--slug 是系统保留的代码，请换一个'),
  ),
  name: v.pipe(
    v.string('缺少 --name'),
    v.trim(),
    v.nonEmpty('缺少 --name'),
    v.maxLength(60, '--name 不能超过 60 个字'),
  ),
  kind: v.picklist(TENANT_KINDS, '--kind 只能是 county、district 或 college'),
  region: v.pipe(v.string('缺少 --region'), v.regex(/^\d{6}$/, '--region 应为 6 位行政区划代码')),
  province: v.pipe(v.string('缺少 --province'), v.nonEmpty('缺少 --province')),
  city: v.pipe(v.string('缺少 --city'), v.nonEmpty('缺少 --city')),
});

const AccountInput = v.object({
  username: v.pipe(
    v.string(),
    v.regex(/^[a-z][a-z0-9_]{2,31}$/, '--username 应为 3–32 位小写字母、数字或下划线，以字母开头'),
  ),
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('缺少 --name'), v.maxLength(40, '--name 不能超过 40 个字')),
  role: v.picklist(['province', 'operator'], '--role 只能是 province 或 operator'),
  region: v.pipe(v.string(), v.regex(/^\d{0,6}$/, '--region 应为行政区划代码的前几位数字，例如安徽省为 34')),
});

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      region: { type: 'string' },
      province: { type: 'string' },
      city: { type: 'string' },
      username: { type: 'string' },
      role: { type: 'string' },
    },
  });
  const [command, arg] = positionals;
  if (!command || !['list', 'create', 'suspend', 'resume', 'migrate', 'account'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  let createInput: v.InferOutput<typeof CreateInput> | null = null;
  if (command === 'create') {
    const { slug = '', name = '', kind = '', region = '', province = '', city = '' } = values;
    const parsed = v.safeParse(CreateInput, { slug, name, kind, region, province, city });
    if (!parsed.success) {
      for (const issue of parsed.issues) console.error(`错误：${issue.message}`);
      return 2;
    }
    createInput = parsed.output;
  }
  let accountInput: v.InferOutput<typeof AccountInput> | null = null;
  if (command === 'account') {
    const { username = '', name = '', role = '', region = '' } = values;
    const parsed = v.safeParse(AccountInput, { username, name, role, region });
    if (!parsed.success) {
      for (const issue of parsed.issues) console.error(`错误：${issue.message}`);
      return 2;
    }
    accountInput = parsed.output;
  }
  if ((command === 'suspend' || command === 'resume') && !arg) {
    console.error(`错误：请给出单位代码，例如 npm run tenant -- ${command} demo-county`);
    return 2;
  }
  const deployment = await connect();
  try {
    switch (command) {
      case 'list': {
        const rows = await deployment.control
          .select()
          .from(tenants)
          .orderBy(tenants.regionCode, tenants.slug);
        console.table(
          rows.map((r) => ({
            代码: r.slug,
            名称: r.name,
            类型: r.kind,
            区划: r.regionCode,
            状态: r.status,
            数据库版本: r.schemaVersion,
          })),
        );
        return 0;
      }
      case 'create': {
        const input = createInput as NonNullable<typeof createInput>;
        const existing = await deployment.control.query.tenants.findFirst({
          where: eq(tenants.slug, input.slug),
        });
        if (existing && existing.status !== 'pending') {
          console.error(`单位代码 ${input.slug} 已存在（${existing.name}），未做修改。`);
          return 1;
        }
        const row = await provisionTenant(
          deployment,
          {
            slug: input.slug,
            name: input.name,
            kind: input.kind,
            regionCode: input.region,
            province: input.province,
            city: input.city,
          },
          who,
        );
        const password = generatePassword();
        await setInitialAdmin(
          deployment.openTenant(row.dbUrl),
          { displayName: `${row.name}管理员`, password },
          who,
        );
        console.log(`已开通 ${row.name}（${row.slug}），数据库版本 ${row.schemaVersion}。`);
        console.log(`管理员账号 admin，一次性密码 ${password}（首次登录后须修改）。`);
        return 0;
      }
      case 'suspend':
      case 'resume': {
        const result = await applyTenantStatus(
          deployment.control,
          who,
          arg as string,
          command === 'suspend' ? 'suspended' : 'active',
        );
        console.log(`${result.slug}：${result.status === 'suspended' ? '已停用（数据保留）' : '已恢复'}`);
        return 0;
      }
      case 'account': {
        const input = accountInput as NonNullable<typeof accountInput>;
        const password = generatePassword();
        const { created } = await ensurePlatformAccount(
          deployment.control,
          {
            username: input.username,
            displayName: input.name,
            role: input.role,
            regionPrefix: input.region,
            password,
          },
          who,
        );
        if (!created) {
          console.error(`账号 ${input.username} 已存在，未做修改。`);
          return 1;
        }
        console.log(
          `已创建${input.role === 'province' ? '省级' : '运营'}账号 ${input.username}，一次性密码 ${password}。`,
        );
        return 0;
      }
      case 'migrate': {
        const { latest, reports } = await migrateAllTenants(deployment.control, deployment.openTenant, (r) =>
          console.log(r.error ? `✗ ${r.slug}：${r.error}` : `✓ ${r.slug}：${r.from} → ${r.to}`),
        );
        const failed = reports.filter((r) => r.error).length;
        console.log(
          `最新版本 ${latest}；${reports.length - failed} 个单位已是最新，${failed} 个失败（重新运行即可继续）。`,
        );
        return failed > 0 ? 1 : 0;
      }
    }
    return 2;
  } catch (error) {
    console.error(`失败：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await deployment.close();
  }
}

process.exitCode = await main();
