import type { TenantConfig } from '../../../tenants/config/schema';

type Vocabulary = TenantConfig['vocabulary'];

/**
 * The one list of audit actions (`<entity>.<verb>`) and their Chinese labels. `{unit}`, `{zone}` and
 * `{inspector}` become the tenant's own words (学校/部门, 责任区, 督学). An action missing here is
 * shown by its key: add new actions here when a module starts writing them.
 */
export const AUDIT_ACTIONS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号被锁定',
  'user.create': '新建账号',
  'user.update': '修改账号信息',
  'user.role_change': '变更角色',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'user.password_reset': '重置密码',
  'user.password_change': '修改本人密码',
  'unit.create': '新增{unit}',
  'unit.update': '修改{unit}',
  'unit.archive': '归档{unit}',
  'unit.restore': '恢复{unit}',
  'zone.create': '新增{zone}',
  'zone.update': '修改{zone}',
  'zone.delete': '删除{zone}',
  'zone.assign': '调整{zone}内的{unit}',
  'inspector.create': '新增{inspector}',
  'inspector.update': '修改{inspector}信息',
  'inspector.archive': '归档{inspector}',
  'inspector.restore': '恢复{inspector}',
  'inspector.assign': '分配{inspector}负责范围',
  'inspector.photo': '上传{inspector}照片',
  'import.units': '导入{unit}',
  'import.inspectors': '导入{inspector}',
  'import.users': '导入账号',
  'complaint.submit': '收到投诉建议',
  'complaint.assign': '分派投诉',
  'complaint.note': '记录投诉处理情况',
  'complaint.reply': '答复投诉',
  'complaint.close': '办结投诉',
  'complaint.reopen': '重新办理投诉',
  'complaint.photo': '投诉附图',
  'suggestion.create': '提交工作建议',
  'suggestion.forward': '转交建议',
  'suggestion.answer': '答复建议',
  'suggestion.close': '办结建议',
  'checklist.builtin_sync': '更新系统内置检查表',
  'checklist.create': '新建检查表',
  'checklist.copy': '复制检查表',
  'checklist.version': '修改检查表（新版本）',
  'checklist.archive': '停用检查表',
  'checklist.restore': '恢复检查表',
  'plan.create': '新建督导计划',
  'plan.cancel': '取消督导计划',
  'finding.overdue': '整改逾期（系统每日检查）',
  'finding.escalate': '整改严重逾期，告知主任（系统每日检查）',
  'calendar.themes': '修改督导月主题',
  'calendar.themes_reset': '督导月主题恢复为预设',
  'visit.submit': '提交督导记录',
  'evidence.upload': '上传督导照片',
  'finding.create': '登记问题',
  'finding.issue': '下发整改通知',
  'finding.report': '提交整改报告',
  'finding.close': '复查销号',
  'finding.reject': '退回整改',
  'observation_rubric.builtin_sync': '更新系统内置评课标准',
  'observation_rubric.create': '新建评课标准',
  'observation_rubric.copy': '复制评课标准',
  'observation_rubric.version': '修改评课标准（新版本）',
  'observation_rubric.archive': '停用评课标准',
  'observation_rubric.restore': '恢复评课标准',
  'observation.record': '记录听课',
  'evaluation_scheme.builtin_sync': '更新系统内置评估方案',
  'evaluation_scheme.create': '新建评估方案',
  'evaluation_scheme.version': '修改评估方案（新版本）',
  'evaluation_round.create': '新建评估',
  'evaluation_round.self_save': '保存自评得分',
  'evaluation_round.self_report': '保存自查报告',
  'evaluation_round.submit': '提交自评',
  'evaluation_evidence.upload': '上传评估佐证材料',
  'evaluation_evidence.delete': '删除评估佐证材料',
  'observation.acknowledge': '被听课教师确认听课记录',
  'survey.create': '新建问卷',
  'balance.figures_create': '填报学校均衡监测数据',
  'balance.figures_update': '修改学校均衡监测数据',
  'balance.import': '导入均衡监测数据',
  'evaluation_round.review': '评估组评分',
  'evaluation_round.publish': '发布初步评估结果',
  'evaluation_round.reply': '提出申辩',
  'evaluation_round.no_objection': '确认初步评估结果无异议',
  'evaluation_round.finalize': '确定最终评估结果',
  'survey.update': '修改问卷',
  'survey.open': '开放问卷',
  'survey.close': '结束问卷',
  'survey.links': '生成问卷链接',
  'survey.text_review': '审核问卷文字意见',
  'priority_teacher.flag': '标记重点关注教师',
  'priority_teacher.reflag': '重新标记重点关注教师',
  'priority_teacher.clear': '取消重点关注教师',
  'teaching_check.record': '登记教学常规检查',
  'teaching_check.update': '修改教学常规检查',
  'teaching_check.delete': '删除教学常规检查',
  'development_target.create': '新增发展目标',
  'development_target.update': '修改发展目标',
  'development_target.progress': '填写发展目标完成情况',
  'development_target.delete': '删除发展目标',
  'development_target.carry': '发展目标结转到下学年',
  'development_target.reorder': '调整发展目标顺序',
  'observation_quota.remind': '提醒听课任务未达进度者',
  'config.update': '修改单位配置',
  'tenant.create': '开通单位',
  'tenant.provisioned': '完成开通',
  'tenant.suspend': '停用单位',
  'tenant.resume': '恢复单位',
  'demo.seed': '载入演示数据',
};

/** Entity types of audit rows, labelled the same way. */
export const AUDIT_ENTITY_TYPES: Record<string, string> = {
  user: '账号',
  unit: '{unit}',
  zone: '{zone}',
  inspector: '{inspector}',
  import: '导入',
  complaint: '投诉建议',
  suggestion: '工作建议',
  checklist_template: '检查表',
  plan: '督导计划',
  calendar: '督导行事历',
  visit: '督导记录',
  evidence: '督导照片',
  finding: '问题整改',
  observation_rubric: '评课标准',
  observation: '听课记录',
  survey: '问卷',
  priority_teacher: '重点关注教师',
  teaching_check: '教学常规检查',
  balance_figures: '均衡监测数据',
  development_target: '发展目标',
  evaluation_round_unit: '被评单位评估结果',
  observation_quota: '听课任务',
  config: '单位配置',
  tenant: '单位开通',
};

const own = (map: Record<string, string>, key: string) => (Object.hasOwn(map, key) ? map[key] : undefined);

function fill(template: string, vocabulary: Vocabulary): string {
  return template
    .replace(/\{unit\}/g, vocabulary.unit)
    .replace(/\{zone\}/g, vocabulary.zone)
    .replace(/\{inspector\}/g, vocabulary.inspector);
}

/** The Chinese label of an action; an unknown action falls back to its key. */
export function actionLabel(action: string, vocabulary: Vocabulary): string {
  const template = own(AUDIT_ACTIONS, action);
  return template ? fill(template, vocabulary) : action;
}

export function entityTypeLabel(entityType: string, vocabulary: Vocabulary): string {
  const template = own(AUDIT_ENTITY_TYPES, entityType);
  return template ? fill(template, vocabulary) : entityType;
}

/** The filter lists of the audit page, with the tenant's words. */
export function auditVocabulary(vocabulary: Vocabulary) {
  return {
    actions: Object.keys(AUDIT_ACTIONS).map((key) => ({ key, label: actionLabel(key, vocabulary) })),
    entityTypes: Object.keys(AUDIT_ENTITY_TYPES).map((key) => ({
      key,
      label: entityTypeLabel(key, vocabulary),
    })),
  };
}
