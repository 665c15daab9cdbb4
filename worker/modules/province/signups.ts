import { and, desc, eq } from 'drizzle-orm';
import { signupApplications, tenants } from '../../../db/schema/control';
import { generatePassword, setInitialAdmin } from '../../../tenants/provisioning/admin-account';
import { provisionTenant } from '../../../tenants/provisioning/provision';
import { platformAudit } from '../../audit';
import { authorizePlatform } from '../../auth/permissions';
import type { PlatformContext } from '../../context';
import { AppError } from '../../errors';
import { databaseProvider, tenantDb } from '../../platform/databases';

export async function listSignups(
  ctx: PlatformContext,
  status: 'pending' | 'approved' | 'rejected' | undefined,
) {
  authorizePlatform(ctx.actor, 'signups.review');
  const rows = await ctx.control
    .select()
    .from(signupApplications)
    .where(status ? eq(signupApplications.status, status) : undefined)
    .orderBy(desc(signupApplications.createdAt))
    .limit(200);
  return { applications: rows };
}

async function pendingApplication(ctx: PlatformContext, id: string) {
  const app = await ctx.control.query.signupApplications.findFirst({ where: eq(signupApplications.id, id) });
  if (!app) throw new AppError('NOT_FOUND', '未找到该开通申请。');
  if (app.status !== 'pending') {
    throw new AppError('CONFLICT', app.status === 'approved' ? '该申请已经批准开通。' : '该申请已被驳回。');
  }
  return app;
}

/**
 * Approves an application: provisions the tenant (database, migrations, preset config) and gives
 * it an `admin` account with a one-time password, returned once for the operator to hand over.
 * If provisioning fails part-way the application stays pending and approving again resumes.
 */
export async function approveSignup(ctx: PlatformContext, id: string) {
  authorizePlatform(ctx.actor, 'signups.review');
  const app = await pendingApplication(ctx, id);
  const who = {
    actorId: `platform:${ctx.actor.id}`,
    actorName: ctx.actor.displayName,
    requestId: ctx.requestId,
  };
  const existing = await ctx.control.query.tenants.findFirst({ where: eq(tenants.slug, app.desiredSlug) });
  if (existing && existing.status !== 'pending') {
    throw new AppError(
      'CONFLICT',
      `单位代码 ${app.desiredSlug} 已被其他单位使用，请驳回后让申请人换一个代码。`,
    );
  }
  let tenant: Awaited<ReturnType<typeof provisionTenant>>;
  try {
    tenant = await provisionTenant(
      {
        control: ctx.control,
        provider: databaseProvider(ctx.env),
        openTenant: (url) => tenantDb(ctx.env, url),
      },
      {
        slug: app.desiredSlug,
        name: app.orgName,
        kind: app.kind,
        regionCode: app.regionCode,
        province: app.province,
        city: app.city,
      },
      who,
    );
  } catch (error) {
    console.error(
      JSON.stringify({ level: 'error', requestId: ctx.requestId, signup: id, error: String(error) }),
    );
    throw new AppError('PROVISIONING_FAILED');
  }
  const initialPassword = generatePassword();
  await setInitialAdmin(
    tenantDb(ctx.env, tenant.dbUrl),
    { displayName: `${app.orgName}管理员`, password: initialPassword },
    who,
  );
  const now = new Date().toISOString();
  await ctx.control.batch([
    ctx.control
      .update(signupApplications)
      .set({ status: 'approved', reviewedBy: ctx.actor.id, reviewedAt: now, tenantId: tenant.id })
      .where(and(eq(signupApplications.id, id), eq(signupApplications.status, 'pending'))),
    platformAudit(ctx.control, who, {
      action: 'signup.approve',
      entityType: 'signup',
      entityId: id,
      details: { slug: tenant.slug, tenantId: tenant.id },
    }),
  ]);
  return { tenant: { slug: tenant.slug, name: tenant.name }, admin: { username: 'admin', initialPassword } };
}

export async function rejectSignup(ctx: PlatformContext, id: string, reason: string) {
  authorizePlatform(ctx.actor, 'signups.review');
  await pendingApplication(ctx, id);
  const who = {
    actorId: `platform:${ctx.actor.id}`,
    actorName: ctx.actor.displayName,
    requestId: ctx.requestId,
  };
  await ctx.control.batch([
    ctx.control
      .update(signupApplications)
      .set({
        status: 'rejected',
        reviewedBy: ctx.actor.id,
        reviewedAt: new Date().toISOString(),
        rejectReason: reason,
      })
      .where(eq(signupApplications.id, id)),
    platformAudit(ctx.control, who, {
      action: 'signup.reject',
      entityType: 'signup',
      entityId: id,
      details: { reason },
    }),
  ]);
  return { application: { id, status: 'rejected' as const } };
}
