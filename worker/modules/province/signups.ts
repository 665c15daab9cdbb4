import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { signupApplications, tenants } from '../../../db/schema/control';
import { setInitialAdmin } from '../../../tenants/provisioning/admin-account';
import { provisionTenant } from '../../../tenants/provisioning/provision';
import { platformAudit } from '../../audit';
import { generatePassword } from '../../auth/one-time-password';
import { authorizePlatform } from '../../auth/permissions';
import type { PlatformContext } from '../../context';
import { AppError } from '../../errors';
import { databaseProvider, tenantDb } from '../../platform/databases';
import { forgetTenant } from '../../platform/directory';
import { operatorWho } from '../../service-context';

export async function listSignups(
  ctx: PlatformContext,
  status: 'pending' | 'approved' | 'rejected' | undefined,
) {
  authorizePlatform(ctx.actor, 'signups.review');
  const rows = await ctx.control
    .select()
    .from(signupApplications)
    .where(
      // An approval in progress (or one that died) still needs the operator's eye.
      status === 'pending'
        ? inArray(signupApplications.status, ['pending', 'provisioning'])
        : status
          ? eq(signupApplications.status, status)
          : undefined,
    )
    .orderBy(desc(signupApplications.createdAt))
    .limit(200);
  return { applications: rows };
}

const STATUS_CONFLICT = {
  approved: '该申请已经批准开通。',
  rejected: '该申请已被驳回。',
  provisioning: '该申请正在开通中，请稍后刷新查看结果。',
  pending: '该申请状态已变化，请刷新后重试。',
} as const;

async function pendingApplication(ctx: PlatformContext, id: string) {
  const app = await ctx.control.query.signupApplications.findFirst({ where: eq(signupApplications.id, id) });
  if (!app) throw new AppError('NOT_FOUND', '未找到该开通申请。');
  if (app.status !== 'pending') {
    throw new AppError('CONFLICT', STATUS_CONFLICT[app.status]);
  }
  return app;
}

/** An approval that has been running this long is taken to have died (a Worker can be stopped mid-way). */
const STALE_CLAIM_MS = 5 * 60_000;

/**
 * Approves an application: provisions the tenant (database, migrations, preset config) and gives
 * it an `admin` account with a one-time password, returned once for the operator to hand over.
 * The application is claimed first (`provisioning`), so two operators cannot both approve it;
 * if anything fails it goes back to `pending` and approving again resumes the same tenant.
 */
export async function approveSignup(ctx: PlatformContext, id: string) {
  authorizePlatform(ctx.actor, 'signups.review');
  const app = await ctx.control.query.signupApplications.findFirst({ where: eq(signupApplications.id, id) });
  if (!app) throw new AppError('NOT_FOUND', '未找到该开通申请。');
  const now = new Date();
  const [claimed] = await ctx.control
    .update(signupApplications)
    .set({
      status: 'provisioning',
      reviewedBy: ctx.actor.id,
      reviewedAt: now.toISOString(),
      tenantId: app.tenantId ?? crypto.randomUUID(),
    })
    .where(
      and(
        eq(signupApplications.id, id),
        or(
          eq(signupApplications.status, 'pending'),
          and(
            eq(signupApplications.status, 'provisioning'),
            lt(signupApplications.reviewedAt, new Date(now.getTime() - STALE_CLAIM_MS).toISOString()),
          ),
        ),
      ),
    )
    .returning();
  if (!claimed?.tenantId) {
    throw new AppError('CONFLICT', STATUS_CONFLICT[app.status]);
  }
  const release = () =>
    ctx.control
      .update(signupApplications)
      .set({ status: 'pending' })
      .where(and(eq(signupApplications.id, id), eq(signupApplications.status, 'provisioning')));
  const existing = await ctx.control.query.tenants.findFirst({ where: eq(tenants.slug, app.desiredSlug) });
  if (existing && existing.id !== claimed.tenantId) {
    await release();
    throw new AppError(
      'CONFLICT',
      `单位代码 ${app.desiredSlug} 已被其他单位使用，请驳回后让申请人换一个代码。`,
    );
  }
  const who = operatorWho(ctx);
  let tenant: Awaited<ReturnType<typeof provisionTenant>>;
  const initialPassword = generatePassword();
  try {
    tenant = await provisionTenant(
      {
        control: ctx.control,
        provider: databaseProvider(ctx.env),
        openTenant: (url) => tenantDb(ctx.env, url),
      },
      {
        id: claimed.tenantId,
        slug: app.desiredSlug,
        name: app.orgName,
        kind: app.kind,
        regionCode: app.regionCode,
        province: app.province,
        city: app.city,
      },
      who,
    );
    // The application is still unapproved, so no earlier password was handed out: (re)setting it is safe.
    await setInitialAdmin(
      tenantDb(ctx.env, tenant.dbUrl),
      { displayName: `${app.orgName}管理员`, password: initialPassword },
      who,
    );
  } catch (error) {
    console.error(
      JSON.stringify({ level: 'error', requestId: ctx.requestId, signup: id, error: String(error) }),
    );
    await release();
    throw new AppError('PROVISIONING_FAILED');
  }
  await ctx.control.batch([
    ctx.control
      .update(signupApplications)
      .set({ status: 'approved', reviewedAt: new Date().toISOString() })
      .where(and(eq(signupApplications.id, id), eq(signupApplications.status, 'provisioning'))),
    platformAudit(ctx.control, who, {
      action: 'signup.approve',
      entityType: 'signup',
      entityId: id,
      details: { slug: tenant.slug, tenantId: tenant.id },
    }),
  ]);
  forgetTenant(tenant.slug);
  return { tenant: { slug: tenant.slug, name: tenant.name }, admin: { username: 'admin', initialPassword } };
}

export async function rejectSignup(ctx: PlatformContext, id: string, reason: string) {
  authorizePlatform(ctx.actor, 'signups.review');
  await pendingApplication(ctx, id);
  // One transaction: the audit record is written only if this request is the one that rejected it.
  await ctx.control.transaction(async (tx) => {
    const rejected = await tx
      .update(signupApplications)
      .set({
        status: 'rejected',
        reviewedBy: ctx.actor.id,
        reviewedAt: new Date().toISOString(),
        rejectReason: reason,
      })
      .where(and(eq(signupApplications.id, id), eq(signupApplications.status, 'pending')))
      .returning({ id: signupApplications.id });
    if (rejected.length === 0) throw new AppError('CONFLICT', '该申请状态已变化，请刷新后重试。');
    await platformAudit(tx, operatorWho(ctx), {
      action: 'signup.reject',
      entityType: 'signup',
      entityId: id,
      details: { reason },
    });
  });
  return { application: { id, status: 'rejected' as const } };
}
