import { and, eq } from 'drizzle-orm';
import type { ControlDb } from '../../../db/client';
import { signupApplications, tenants } from '../../../db/schema/control';
import { platformAudit } from '../../audit';
import { AppError } from '../../errors';
import type { SignupInput } from './schemas';

/** Public: stores an application for an operator to review. Nothing is provisioned yet. */
export async function submitSignup(
  ctx: { control: ControlDb; requestId: string },
  input: SignupInput,
): Promise<{ id: string; status: 'pending' }> {
  const { control } = ctx;
  const [taken, pending] = await control.batch([
    control.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.desiredSlug)).limit(1),
    control
      .select({ id: signupApplications.id })
      .from(signupApplications)
      .where(
        and(eq(signupApplications.desiredSlug, input.desiredSlug), eq(signupApplications.status, 'pending')),
      )
      .limit(1),
  ]);
  if (taken.length > 0 || pending.length > 0) {
    throw new AppError('CONFLICT', '该单位代码已被使用或正在申请中，请换一个。', {
      issues: [{ path: 'desiredSlug', message: '该单位代码已被使用或正在申请中，请换一个' }],
    });
  }
  const id = crypto.randomUUID();
  await control.batch([
    control.insert(signupApplications).values({
      id,
      orgName: input.orgName,
      kind: input.kind,
      regionCode: input.regionCode,
      province: input.province,
      city: input.city,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      contactEmail: input.contactEmail || null,
      desiredSlug: input.desiredSlug,
      note: input.note || null,
      status: 'pending',
    }),
    platformAudit(
      control,
      { actorId: null, actorName: input.contactName, requestId: ctx.requestId },
      { action: 'signup.submit', entityType: 'signup', entityId: id, details: { slug: input.desiredSlug } },
    ),
  ]);
  return { id, status: 'pending' };
}
