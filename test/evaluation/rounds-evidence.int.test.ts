import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evaluationEvidence, evaluationRoundUnits } from '../../db/schema/tenant';
import { tinyPng } from '../inspectors/fixtures';
import { api, expectErrorShape, signIn, tenantDbOf } from '../support/api';
import { evidenceBytes, newRound, roundsPath, uploadEvidenceFile } from './rounds-fixtures';

const TENANTS = ['test-county', 'test-college'] as const;

async function evidenceRows(tenant: string, roundId: string) {
  const db = await tenantDbOf(tenant);
  return db.select().from(evaluationEvidence).where(eq(evaluationEvidence.roundId, roundId));
}

describe.each(TENANTS)('evaluation evidence in %s', (tenant) => {
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    for (const role of ['director', 'inspector', 'viewer', 'unit_manager', 'admin']) {
      cookies[role] = await signIn(tenant, `role_${role}`);
    }
  });

  it('the unit uploads per indicator and for the round; everyone who reads the unit downloads; the uploader deletes', async () => {
    const round = await newRound(tenant);
    const target = { roundId: round.roundId, unitId: round.managerUnit };
    const pdf = await uploadEvidenceFile(tenant, cookies.unit_manager as string, target, {
      name: '学校发展规划（2026—2029）.pdf',
      bytes: evidenceBytes.pdf(),
      indicator: 'A1.1',
    });
    expect(pdf.status).toBe(201);
    expect(pdf.body.evidence).toMatchObject({
      indicatorKey: 'A1.1',
      fileName: '学校发展规划（2026—2029）.pdf',
      contentType: 'application/pdf',
      uploaderName: '测试unit_manager',
    });
    const photo = await uploadEvidenceFile(tenant, cookies.unit_manager as string, target, {
      name: 'C:\\照片\\校园.png',
      bytes: tinyPng(),
    });
    expect(photo.body.evidence).toMatchObject({
      indicatorKey: null,
      fileName: '校园.png',
      contentType: 'image/png',
    });
    // The office may upload on the unit's behalf.
    const office = await uploadEvidenceFile(tenant, cookies.director as string, target, {
      name: '制度汇编.docx',
      bytes: evidenceBytes.docx(),
      indicator: 'A2.1',
    });
    expect(office.status).toBe(201);

    const unitPath = `${roundsPath(tenant)}/${round.roundId}/units/${round.managerUnit}`;
    const workbench = await api(unitPath, { cookie: cookies.unit_manager });
    expect(workbench.body.evidenceCount).toBe(3);
    expect(workbench.body.evidence.map((e: { fileName: string }) => e.fileName)).toEqual(['校园.png']);
    expect(workbench.body.indicators[0].children[0].evidence[0].id).toBe(pdf.body.evidence.id);
    const overview = await api(`${roundsPath(tenant)}/${round.roundId}`, { cookie: cookies.viewer });
    const row = overview.body.units.find((u: { unitId: string }) => u.unitId === round.managerUnit);
    expect(row.evidenceCount).toBe(3);

    for (const role of ['viewer', 'inspector', 'unit_manager']) {
      const file = await api(`${unitPath}/evidence/${pdf.body.evidence.id}`, { cookie: cookies[role] });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent('学校发展规划（2026—2029）.pdf')}`,
      );
      expect(String(file.body)).toContain('%PDF-1.4');
    }

    // Only the uploader deletes: the director's file stays when the manager tries.
    expectErrorShape(
      await api(`${unitPath}/evidence/${office.body.evidence.id}`, {
        method: 'DELETE',
        cookie: cookies.unit_manager,
      }),
      403,
      'FORBIDDEN',
    );
    const gone = await api(`${unitPath}/evidence/${pdf.body.evidence.id}`, {
      method: 'DELETE',
      cookie: cookies.unit_manager,
    });
    expect(gone.status).toBe(204);
    expectErrorShape(
      await api(`${unitPath}/evidence/${pdf.body.evidence.id}`, { cookie: cookies.viewer }),
      404,
      'NOT_FOUND',
    );
    expect((await evidenceRows(tenant, round.roundId)).map((e) => e.fileName).sort()).toEqual([
      '制度汇编.docx',
      '校园.png',
    ]);
    const db = await tenantDbOf(tenant);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, pdf.body.evidence.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'evaluation_evidence.delete',
      'evaluation_evidence.upload',
    ]);
  });

  it('refuses a forbidden type, a disguised file and an unknown indicator, naming the file; stores nothing', async () => {
    const round = await newRound(tenant);
    const target = { roundId: round.roundId, unitId: round.managerUnit };
    const exe = await uploadEvidenceFile(tenant, cookies.unit_manager as string, target, {
      name: '安装包.exe',
      bytes: evidenceBytes.exe(),
    });
    expectErrorShape(exe, 415, 'UNSUPPORTED_FILE');
    expect(exe.body.error.message).toContain('“安装包.exe”不是允许的文件类型');
    const disguised = await uploadEvidenceFile(tenant, cookies.unit_manager as string, target, {
      name: '规划.pdf',
      bytes: evidenceBytes.exe(),
    });
    expectErrorShape(disguised, 415, 'UNSUPPORTED_FILE');
    const unknown = await uploadEvidenceFile(tenant, cookies.unit_manager as string, target, {
      name: '规划.pdf',
      bytes: evidenceBytes.pdf(),
      indicator: 'Z9',
    });
    expectErrorShape(unknown, 422, 'VALIDATION_FAILED');
    expect(unknown.body.error.details.issues[0].path).toBe('indicator');
    expect(await evidenceRows(tenant, round.roundId)).toEqual([]);
  });

  it('another unit’s manager and a viewer cannot upload; after submitting nothing is added or removed', async () => {
    const round = await newRound(tenant);
    const other = { roundId: round.roundId, unitId: round.otherUnit };
    const file = { name: '规划.pdf', bytes: evidenceBytes.pdf() };
    expectErrorShape(
      await uploadEvidenceFile(tenant, cookies.unit_manager as string, other, file),
      404,
      'NOT_FOUND',
    );
    const own = { roundId: round.roundId, unitId: round.managerUnit };
    expectErrorShape(await uploadEvidenceFile(tenant, cookies.viewer as string, own, file), 403, 'FORBIDDEN');

    const kept = await uploadEvidenceFile(tenant, cookies.unit_manager as string, own, file);
    const db = await tenantDbOf(tenant);
    await db
      .update(evaluationRoundUnits)
      .set({ status: 'submitted' })
      .where(
        and(
          eq(evaluationRoundUnits.roundId, round.roundId),
          eq(evaluationRoundUnits.unitId, round.managerUnit),
        ),
      );
    expectErrorShape(
      await uploadEvidenceFile(tenant, cookies.unit_manager as string, own, file),
      409,
      'CONFLICT',
    );
    const unitPath = `${roundsPath(tenant)}/${round.roundId}/units/${round.managerUnit}`;
    expectErrorShape(
      await api(`${unitPath}/evidence/${kept.body.evidence.id}`, {
        method: 'DELETE',
        cookie: cookies.unit_manager,
      }),
      409,
      'CONFLICT',
    );
    expect(await evidenceRows(tenant, round.roundId)).toHaveLength(1);
  });
});
