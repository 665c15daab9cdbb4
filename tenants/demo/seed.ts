import { count } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { isLocalDbUrl } from '../../db/provider';
import { inspectors, inspectorUnits, inspectorZones, units, users, zones } from '../../db/schema/tenant';
import { tenantAudit } from '../../worker/audit';
import { hashPassword } from '../../worker/auth/password';
import { beijingDate } from '../../worker/dates';
import type { Who } from '../provisioning/provision';
import { seedDemoBalance } from './balance-figures';
import { seedDemoTargets } from './development-targets';
import { seedDemoRound } from './evaluation-round';
import { seedDemoHistory } from './history';
import { seedDemoObservations } from './observation-history';
import type { DemoTenant } from './types';

/**
 * Fills a freshly provisioned tenant with its demo zones, units and accounts, in one transaction
 * with its audit record. Does nothing when the tenant already has units (a restart keeps data),
 * and refuses any database that is not the local sqld.
 */
export async function seedDemoContent(
  db: TenantDb,
  dbUrl: string,
  demo: DemoTenant,
  password: string,
  who: Who,
  options: { history?: boolean } = {},
): Promise<{ seeded: boolean }> {
  if (!isLocalDbUrl(dbUrl)) {
    throw new Error(`refusing to seed demo data into ${dbUrl}: demo data only goes into the local sqld`);
  }
  const [existing] = await db.select({ n: count() }).from(units);
  if ((existing?.n ?? 0) > 0) return { seeded: false };

  const now = new Date().toISOString();
  const zoneIds = new Map(demo.zones.map((z) => [z.key, crypto.randomUUID()]));
  const unitIds = new Map(demo.units.map((u) => [u.key, crypto.randomUUID()]));
  const idOf = (map: Map<string, string>, key: string | null) =>
    key === null ? null : (map.get(key) ?? null);
  const userIds = new Map(demo.users.map((u) => [u.username, crypto.randomUUID()]));
  const inspectorIds = demo.inspectors.map(() => crypto.randomUUID());
  const hashes = await Promise.all(demo.users.map(() => hashPassword(password)));

  await db.batch([
    tenantAudit(db, who, {
      action: 'demo.seed',
      entityType: 'tenant',
      entityId: demo.slug,
      details: {
        zones: demo.zones.length,
        units: demo.units.length,
        users: demo.users.length,
        inspectors: demo.inspectors.length,
      },
    }),
    ...demo.zones.map((z) => db.insert(zones).values({ id: idOf(zoneIds, z.key) as string, name: z.name })),
    ...demo.units.map((u) =>
      db.insert(units).values({
        id: idOf(unitIds, u.key) as string,
        name: u.name,
        kind: u.kind,
        parentId: idOf(unitIds, u.parentKey),
        zoneId: idOf(zoneIds, u.zoneKey),
        address: u.address,
        headName: u.headName,
        phone: u.phone,
        enrolment: u.enrolment,
        staffCount: u.staffCount,
        updatedAt: now,
      }),
    ),
    ...demo.users.map((u, i) =>
      db.insert(users).values({
        id: idOf(userIds, u.username) as string,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        unitId: idOf(unitIds, u.unitKey),
        quotaRole: u.quotaRole ?? null,
        passwordHash: hashes[i] as string,
        updatedAt: now,
      }),
    ),
    ...demo.inspectors.map((ins, i) =>
      db.insert(inspectors).values({
        id: inspectorIds[i] as string,
        name: ins.name,
        type: ins.type,
        certificateNo: ins.certificateNo,
        termStart: ins.termStart,
        termEnd: ins.termEnd,
        trainingHours: ins.trainingHours,
        phone: ins.phone,
        email: ins.email,
        workplace: ins.workplace,
        userId: idOf(userIds, ins.username),
        updatedAt: now,
      }),
    ),
    ...demo.inspectors.flatMap((ins, i) => [
      ...ins.zoneKeys.map((key) =>
        db
          .insert(inspectorZones)
          .values({ inspectorId: inspectorIds[i] as string, zoneId: idOf(zoneIds, key) as string }),
      ),
      ...ins.unitKeys.map((key) =>
        db
          .insert(inspectorUnits)
          .values({ inspectorId: inspectorIds[i] as string, unitId: idOf(unitIds, key) as string }),
      ),
    ]),
  ]);
  if (options.history) {
    await seedDemoHistory(db, demo, { unitIds, inspectorIds, userIds }, beijingDate(), who);
    await seedDemoObservations(db, demo, userIds, unitIds, beijingDate(), who);
    const today = beijingDate();
    const schoolYear = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 9 ? 0 : 1);
    const admin = demo.users.find((u) => u.role === 'admin')?.username ?? '';
    await seedDemoBalance(db, demo, unitIds, schoolYear, userIds.get(admin) ?? 'demo');
    await seedDemoTargets(db, demo, unitIds, schoolYear, userIds.get(admin) ?? 'demo');
    await seedDemoRound(db, demo, { unitIds, userIds }, schoolYear, who);
  }
  return { seeded: true };
}
