// UI text (zh-CN) lives in this folder, so wording is reviewed in one place. This file holds what the
// entry chunk (sign-in), the landing page, the shell and the shared UI need; each module's own text is in
// texts/<module>.ts and ships only in that module's lazy chunk (see docs/decisions/009-texts-per-module.md).
import type { ModuleKey, TenantKind } from '../../../tenants/config/schema';
import type { PlatformRole, Role, TenantStatus } from '../api';

export const texts = {
  appName: '督导云',
  tagline: '面向县区教育督导室和职业院校督导室的督导工作平台',

  common: {
    loading: '正在加载…',
    retry: '重试',
    cancel: '取消',
    none: '—',
    reload: '刷新页面',
    networkError: '网络连接失败，请检查网络后重试',
    serverError: '服务器暂时无法响应，请稍后重试',
    chunkError: '页面加载失败，请检查网络后刷新页面',
    notFoundTitle: '页面不存在',
    notFoundBody: '您访问的页面不存在，请检查网址。',
    backHome: '返回首页',
    forbiddenTitle: '无法查看此页面',
    forbidden: '您的账号没有查看此页面的权限，或本单位未开通相关模块。',
    fixFields: '请按提示修改后再提交',
    required: (label: string) => `请填写${label}`,
    choose: (label: string) => `请选择${label}`,
    optional: '选填',
  },

  /** The second step of a button that asks before it acts (ui/ConfirmButton). */
  confirmStep: {
    confirm: '确定',
    working: '正在处理…',
  },

  auth: {
    tenantLoginTitle: '登录',
    provinceLoginTitle: '省级督导 / 平台运营登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    tenantNotFound: '未找到该单位，请检查网址',
    otherTenant: '进入其他单位',
    logout: '退出登录',
  },

  password: {
    title: '修改密码',
    current: '当前密码',
    new: '新密码',
    newHint: '至少 8 位，须包含字母和数字，不能包含用户名',
    confirm: '确认新密码',
    mismatch: '两次输入的新密码不一致',
    submit: '保存新密码',
    submitting: '正在保存…',
    done: '密码已修改，其他设备上的登录已退出',
    forced: '首次登录或密码被重置后，请先修改密码',
  },

  landing: {
    signup: '申请开通',
    provinceLogin: '省级/运营登录',
    enterTitle: '进入单位',
    slugLabel: '单位代码',
    slugHint: '单位网址中 /t/ 后面的部分，例如 xianqu-dudao',
    slugInvalid: '单位代码只能包含小写字母、数字和连字符',
    enter: '进入',
  },

  shell: {
    menu: '主菜单',
    home: '首页',
    unitList: (unit: string) => `${unit}列表`,
    calendar: '督导行事历',
    settings: '单位配置',
    zones: (zone: string) => `${zone}管理`,
    inspectors: (word: string) => `${word}队伍`,
    /** A supervision module's checklist templates: 督安全检查表. */
    checklists: (module: string) => `${module}检查表`,
    /** A supervision module's plans (督安全计划) and visit records (督安全督导记录). */
    plans: (module: string) => `${module}计划`,
    visits: (module: string) => `${module}督导记录`,
    dashboard: '督导工作看板',
    /** A supervision module's findings and their rectification: 督安全问题整改. */
    findings: (module: string) => `${module}问题整改`,
    /** A unit manager's findings to rectify, across modules. */
    myFindings: '整改事项',
    observations: '听课记录',
    /** The office's lesson-observation rubrics (评课标准). */
    rubrics: '评课标准',
    surveys: '问卷与评教',
    priorityTeachers: '重点关注教师',
    teachingChecks: '教学常规检查',
    /** Observation quotas per person this semester (听课任务完成情况). */
    compliance: '听课任务',
    notifications: '消息通知',
    /** The safety hazard register (隐患台账), and findings past their deadline per unit and zone. */
    hazards: '隐患台账',
    /** Balanced-development monitoring (差异系数), county and district only. */
    balance: '均衡监测',
    overdue: '逾期整改清单',
    schemes: '评估方案',
    /** A unit's development-plan targets per school year (发展规划年度目标). */
    targets: '发展目标',
    rounds: '评估',
    /** The top bar's short link while something is unread. */
    inbox: '消息',
    unreadNotifications: (n: number) => `${n} 条未读消息`,
    complaints: '投诉与建议',
    imports: '导入导出',
    suggestions: '意见建议',
    accounts: '账号管理',
    audit: '操作日志',
  },

  roles: {
    admin: '系统管理员',
    director: '督导室主任',
    inspector: '督学',
    unit_manager: '单位负责人',
    teacher: '教师',
    viewer: '查阅人员',
  } satisfies Record<Role, string>,

  platformRoles: {
    province: '省级督导',
    operator: '平台运营',
  } satisfies Record<PlatformRole, string>,

  modules: {
    teaching: '督教',
    study: '督学',
    management: '督管理',
    safety: '督安全',
  } satisfies Record<ModuleKey, string>,

  tenantKinds: {
    county: '县',
    district: '区',
    college: '职业院校',
  } satisfies Record<TenantKind, string>,

  tenantStatus: {
    pending: '待开通',
    active: '正常',
    suspended: '已停用',
  } satisfies Record<TenantStatus, string>,

  home: {
    greeting: (name: string) => `您好，${name}`,
    monthTheme: '本月督导主题',
    monthLabel: (month: number) => `${month}月`,
    noTheme: '本月尚未设置督导主题',
    modules: '已开通的督导模块',
    noModules: '本单位尚未开通督导模块',
    todo: '待办',
    openComplaints: (n: number) => `未办结的投诉与建议 ${n} 件`,
    officeSuggestions: (n: number) => `待处理的工作建议 ${n} 条`,
    unitSuggestions: (n: number) => `待本单位答复的建议 ${n} 条`,
    findingsToRectify: (n: number) => `待本单位整改的问题 ${n} 项`,
    findingsOverdue: (n: number) => `其中已逾期 ${n} 项`,
    findingsToRecheck: (module: string, n: number) => `${module}待复查销号的问题 ${n} 项`,
    unreadNotifications: (n: number) => `未读消息 ${n} 条`,
    nothingToDo: '暂无待办事项',
  },

  pager: {
    label: '翻页',
    prev: '上一页',
    next: '下一页',
    pageOf: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
  },
};
