/**
 * `npm start`: the whole product on this machine. Starts sqld (data in .data/, kept across
 * restarts), provisions the control plane, the provincial/operator accounts and the three demo
 * tenants if they are missing, builds the web app and serves everything from workerd.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { DEMO_TENANTS } from '../../tenants/demo';
import { putDemoEvidenceFiles } from '../../tenants/demo/evaluation-round';
import { DEMO_PLATFORM_ACCOUNTS, provisionDemo } from '../../tenants/demo/provision-demo';
import { startLocalStack } from './stack';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = `${root}.data`;
const port = Number(process.env.PORT ?? 8787);
const password = process.env.DEMO_PASSWORD ?? 'Dudao@2026';

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT=${process.env.PORT} 不是有效端口号`);
  process.exit(1);
}

console.log('构建前端 (vite build)…');
await build({ configFile: `${root}vite.config.ts`, logLevel: 'warn' });

mkdirSync(dataDir, { recursive: true });
const stack = await startLocalStack({
  dataDir,
  port,
  sqldHttpPort: Number(process.env.SQLD_PORT ?? 8080),
  sqldAdminPort: Number(process.env.SQLD_ADMIN_PORT ?? 8081),
  beforeWorker: async (sqld) => {
    // The tenant CLI finds the running sqld here instead of starting a second one on the same files.
    writeFileSync(
      `${dataDir}/sqld.json`,
      JSON.stringify({ httpUrl: sqld.httpUrl, adminUrl: sqld.adminUrl, pid: process.pid }),
    );
    const { seededTenants } = await provisionDemo(sqld, DEMO_TENANTS, password, { history: true });
    if (seededTenants.length > 0) console.log(`已创建演示单位：${seededTenants.join('、')}`);
  },
});

// The demo rounds' evidence files go to R2 once the Worker's storage is up (seeding writes the rows).
await putDemoEvidenceFiles(
  stack,
  DEMO_TENANTS.map((t) => t.slug),
);

const url = `http://localhost:${port}`;
console.log(`
督导云已启动：${url}

  演示单位（每个单位都有 admin 与 inspector1 账号）：
${DEMO_TENANTS.map((t) => `    ${t.name.padEnd(12, '　')} ${url}/t/${t.slug}/login`).join('\n')}
  省级与运营：${url}/province/login  （账号 ${DEMO_PLATFORM_ACCOUNTS.map((a) => a.username).join('、')}）
  申请开通：  ${url}/signup

  所有演示账号的密码：${password}（用环境变量 DEMO_PASSWORD 修改；只对新建的演示账号生效）
  数据保存在 .data/（删除该目录即可重置）。按 Ctrl-C 停止。
`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('正在停止…');
  await stack.stop();
  rmSync(`${dataDir}/sqld.json`, { force: true });
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
