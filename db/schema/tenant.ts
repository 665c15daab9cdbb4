import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { MODULE_KEYS } from '../../tenants/config/schema';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const TENANT_ROLES = ['admin', 'director', 'inspector', 'unit_manager', 'teacher', 'viewer'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

export const zones = sqliteTable(
  'zones',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [uniqueIndex('zones_name_unique').on(t.name)],
);

/** A supervised unit: a school (county/district) or a department (college); groups are units too. */
export const units = sqliteTable(
  'units',
  {
    id: text('id').primaryKey(),
    /** 学校标识码 or the office's own code: the key an import matches on when present. */
    code: text('code'),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: text('parent_id'),
    zoneId: text('zone_id').references(() => zones.id),
    address: text('address'),
    headName: text('head_name'),
    phone: text('phone'),
    enrolment: integer('enrolment'),
    staffCount: integer('staff_count'),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // Root units (null parent) are checked for duplicate names by the service: SQL treats NULLs as distinct.
    uniqueIndex('units_parent_name_unique').on(t.parentId, t.name),
    uniqueIndex('units_code_unique').on(t.code),
    index('units_parent_idx').on(t.parentId),
    index('units_status_kind_name_idx').on(t.status, t.kind, t.name),
    index('units_zone_idx').on(t.zoneId),
    index('units_kind_idx').on(t.kind),
  ],
);

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: TENANT_ROLES }).notNull(),
    phone: text('phone'),
    unitId: text('unit_id').references(() => units.id),
    /** Key of the tenant's observation quota (config.observationQuotas.roles) this person is held to. */
    quotaRole: text('quota_role'),
    passwordHash: text('password_hash').notNull(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_username_unique').on(t.username),
    index('users_unit_idx').on(t.unitId),
    index('users_role_idx').on(t.role, t.displayName),
  ],
);

/** `id` is the SHA-256 of the cookie token: a copy of this table opens no session. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    details: text('details', { mode: 'json' }),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actorId, t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
  ],
);

export const INSPECTOR_TYPES = ['full_time', 'part_time', 'special', 'responsible'] as const;
export type InspectorType = (typeof INSPECTOR_TYPES)[number];

/** A 督学: listed on the public board of every unit they answer for, directly or through a zone. */
export const inspectors = sqliteTable(
  'inspectors',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type', { enum: INSPECTOR_TYPES }).notNull(),
    /** 督学证 number: the key an import matches on when present. */
    certificateNo: text('certificate_no'),
    termStart: text('term_start'),
    termEnd: text('term_end'),
    trainingHours: real('training_hours').notNull().default(0),
    /** R2 key of the board photo. */
    photoKey: text('photo_key'),
    phone: text('phone'),
    email: text('email'),
    /** Where they work when not inspecting (兼职督学 are often principals or teachers elsewhere). */
    workplace: text('workplace'),
    /** The account they sign in with, when they have one. */
    userId: text('user_id').references(() => users.id),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('inspectors_certificate_unique').on(t.certificateNo),
    uniqueIndex('inspectors_user_unique').on(t.userId),
    index('inspectors_status_name_idx').on(t.status, t.name),
  ],
);

export const inspectorZones = sqliteTable(
  'inspector_zones',
  {
    inspectorId: text('inspector_id')
      .notNull()
      .references(() => inspectors.id),
    zoneId: text('zone_id')
      .notNull()
      .references(() => zones.id),
  },
  (t) => [primaryKey({ columns: [t.inspectorId, t.zoneId] }), index('inspector_zones_zone_idx').on(t.zoneId)],
);

/** Units an inspector answers for directly, besides those of their zones. */
export const inspectorUnits = sqliteTable(
  'inspector_units',
  {
    inspectorId: text('inspector_id')
      .notNull()
      .references(() => inspectors.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.inspectorId, t.unitId] }), index('inspector_units_unit_idx').on(t.unitId)],
);

export const COMPLAINT_CATEGORIES = ['complaint', 'suggestion', 'report', 'praise'] as const;
export const COMPLAINT_STATUSES = ['received', 'assigned', 'replied', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Public feedback about a unit, sent from its board page without signing in. */
export const complaints = sqliteTable(
  'complaints',
  {
    id: text('id').primaryKey(),
    /** What the sender keeps to check the status; unguessable, shown once. */
    trackingCode: text('tracking_code').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    category: text('category', { enum: COMPLAINT_CATEGORIES }).notNull(),
    topic: text('topic').notNull(),
    body: text('body').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    photoKey: text('photo_key'),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull().default('received'),
    assigneeId: text('assignee_id').references(() => inspectors.id),
    /** The answer the sender sees with their tracking code. */
    publicReply: text('public_reply'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    closedAt: text('closed_at'),
  },
  (t) => [
    uniqueIndex('complaints_tracking_unique').on(t.trackingCode),
    index('complaints_status_idx').on(t.status, t.createdAt),
    index('complaints_unit_idx').on(t.unitId, t.createdAt),
    index('complaints_assignee_idx').on(t.assigneeId, t.status),
  ],
);

/** 受理核实投诉记录: every step taken on a complaint, by whom and when. */
export const complaintEvents = sqliteTable(
  'complaint_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    note: text('note'),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.id)],
);

export const SUGGESTION_STATUSES = ['submitted', 'forwarded', 'answered', 'closed'] as const;

/** 督导室发现日: staff suggestions the office classifies and forwards to a unit for an answer. */
export const suggestions = sqliteTable(
  'suggestions',
  {
    id: text('id').primaryKey(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    category: text('category'),
    status: text('status', { enum: SUGGESTION_STATUSES }).notNull().default('submitted'),
    unitId: text('unit_id').references(() => units.id),
    officeNote: text('office_note'),
    answer: text('answer'),
    answeredBy: text('answered_by'),
    answeredAt: text('answered_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('suggestions_author_idx').on(t.authorId, t.createdAt),
    index('suggestions_unit_idx').on(t.unitId, t.status),
    index('suggestions_status_idx').on(t.status, t.createdAt),
  ],
);

/** Counters for abuse limits, one row per key and fixed window; `worker/rate-limit.ts` slides over two. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
});

/**
 * Checklist templates (检查表) of one module. Shipped ones carry `builtinKey`; an office's copy or
 * own template has none and may record `copiedFromId`. The wording lives in versions.
 */
export const checklistTemplates = sqliteTable(
  'checklist_templates',
  {
    id: text('id').primaryKey(),
    module: text('module', { enum: MODULE_KEYS }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    builtinKey: text('builtin_key'),
    copiedFromId: text('copied_from_id'),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    latestVersion: integer('latest_version').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('checklist_templates_builtin_unique').on(t.builtinKey),
    index('checklist_templates_module_idx').on(t.module, t.status, t.name),
  ],
);

/**
 * Every version of a template, never changed once written: a visit keeps the version it used,
 * so editing a template adds a version. `body` is the JSON of tenants/checklists/schema.ts.
 */
export const checklistTemplateVersions = sqliteTable(
  'checklist_template_versions',
  {
    id: text('id').primaryKey(),
    templateId: text('template_id')
      .notNull()
      .references(() => checklistTemplates.id),
    version: integer('version').notNull(),
    body: text('body', { mode: 'json' }).notNull(),
    /** For shipped templates: the revision of the wording this version holds. */
    builtinRevision: integer('builtin_revision'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [uniqueIndex('checklist_template_versions_unique').on(t.templateId, t.version)],
);

/** 一月一主题: the office's theme per month of a calendar year; a year without rows uses the config preset. */
export const monthlyThemes = sqliteTable(
  'monthly_themes',
  {
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    theme: text('theme').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.month] })],
);

export const PLAN_KINDS = ['zone_monthly', 'semester_all', 'campaign'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const VISIT_KINDS = [
  'comprehensive',
  'special',
  'routine',
  'term_start',
  'unannounced',
  'listed',
] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const VISIT_METHODS = [
  'briefing',
  'documents',
  'site',
  'interviews',
  'questionnaire',
  'lesson',
] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];

/**
 * A plan schedules visits of one module over a period; its `plan_items` are the visits it expects,
 * one per unit and window, so the calendar can tell due, done and late apart.
 */
export const plans = sqliteTable(
  'plans',
  {
    id: text('id').primaryKey(),
    module: text('module', { enum: MODULE_KEYS }).notNull(),
    kind: text('kind', { enum: PLAN_KINDS }).notNull(),
    name: text('name').notNull(),
    visitKind: text('visit_kind', { enum: VISIT_KINDS }).notNull(),
    templateId: text('template_id').references(() => checklistTemplates.id),
    zoneId: text('zone_id').references(() => zones.id),
    /** First and last day, YYYY-MM-DD. */
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    theme: text('theme'),
    note: text('note'),
    status: text('status', { enum: ['active', 'cancelled'] })
      .notNull()
      .default('active'),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('plans_module_idx').on(t.module, t.status, t.startsOn)],
);

export const planItems = sqliteTable(
  'plan_items',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    /** A visit of the plan's module to the unit from `startsOn` to `dueOn` (YYYY-MM-DD) fulfils it. */
    startsOn: text('starts_on').notNull(),
    dueOn: text('due_on').notNull(),
  },
  (t) => [
    uniqueIndex('plan_items_unique').on(t.planId, t.unitId, t.dueOn),
    index('plan_items_due_idx').on(t.dueOn),
    index('plan_items_unit_idx').on(t.unitId, t.dueOn),
  ],
);

/**
 * A supervision visit (督导记录). `id` is made by the phone when the inspector starts, so sending
 * the same visit twice (a retry after a lost answer) finds the row and writes nothing new.
 * `answers` are checked against the template version the visit used, which it keeps.
 */
export const visits = sqliteTable(
  'visits',
  {
    id: text('id').primaryKey(),
    module: text('module', { enum: MODULE_KEYS }).notNull(),
    kind: text('kind', { enum: VISIT_KINDS }).notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    templateVersionId: text('template_version_id')
      .notNull()
      .references(() => checklistTemplateVersions.id),
    theme: text('theme'),
    /** YYYY-MM-DD, the day of the visit (not of sending). */
    visitedOn: text('visited_on').notNull(),
    methods: text('methods', { mode: 'json' }).notNull().$type<VisitMethod[]>(),
    answers: text('answers', { mode: 'json' }).notNull(),
    score: real('score'),
    maxScore: real('max_score'),
    summary: text('summary'),
    /** 现场反馈: what the team told the unit before leaving, and who of the unit signed it off. */
    feedback: text('feedback'),
    feedbackSignedBy: text('feedback_signed_by'),
    /** Hash of the sent content: a retry with the same id and hash is the same visit. */
    contentHash: text('content_hash').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('visits_unit_idx').on(t.unitId, t.visitedOn),
    index('visits_module_idx').on(t.module, t.visitedOn),
    index('visits_visited_idx').on(t.visitedOn),
  ],
);

/** The team of a visit; the first (`lead`) signs the record. */
export const visitInspectors = sqliteTable(
  'visit_inspectors',
  {
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id),
    inspectorId: text('inspector_id')
      .notNull()
      .references(() => inspectors.id),
    lead: integer('lead', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.inspectorId] }),
    index('visit_inspectors_inspector_idx').on(t.inspectorId),
  ],
);

export const EVIDENCE_OWNERS = ['visit', 'finding', 'rectification'] as const;

/**
 * Evidence photos and files in R2 (`key`). The phone uploads a photo under an id it made before the
 * visit is sent, so `ownerId` is null until the visit or report that cites it is saved.
 */
export const evidenceFiles = sqliteTable(
  'evidence_files',
  {
    id: text('id').primaryKey(),
    module: text('module', { enum: MODULE_KEYS }).notNull(),
    key: text('key').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    ownerType: text('owner_type', { enum: EVIDENCE_OWNERS }),
    ownerId: text('owner_id'),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('evidence_owner_idx').on(t.ownerType, t.ownerId)],
);

export const FINDING_STATUSES = ['open', 'issued', 'reported', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const SEVERITIES = ['general', 'serious', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * A problem found (问题/隐患) that the unit must fix: open (drafted by the office) → issued (整改通知单
 * sent, the unit sees it) → reported (the unit's rectification report) → closed (销号 after a
 * re-check), or back to issued when the re-check rejects the report.
 */
export const findings = sqliteTable(
  'findings',
  {
    id: text('id').primaryKey(),
    module: text('module', { enum: MODULE_KEYS }).notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    visitId: text('visit_id').references(() => visits.id),
    /** The checklist item it came from, when it came from one. */
    itemKey: text('item_key'),
    category: text('category').notNull(),
    severity: text('severity', { enum: SEVERITIES }).notNull(),
    description: text('description').notNull(),
    requirement: text('requirement'),
    responsiblePerson: text('responsible_person'),
    /** YYYY-MM-DD: the unit must report by this day. */
    deadline: text('deadline').notNull(),
    status: text('status', { enum: FINDING_STATUSES }).notNull().default('open'),
    /** 整改通知单 number, set when issued. */
    noticeNo: text('notice_no'),
    issuedAt: text('issued_at'),
    reportedAt: text('reported_at'),
    closedAt: text('closed_at'),
    /** Set by the daily job the first day the deadline has passed unreported. */
    overdueAt: text('overdue_at'),
    /** 0 none, 1 unit head told, 2 director told. */
    escalation: integer('escalation').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('findings_status_idx').on(t.status, t.deadline),
    index('findings_unit_idx').on(t.unitId, t.status),
    index('findings_module_idx').on(t.module, t.status, t.createdAt),
    index('findings_visit_idx').on(t.visitId),
    // The dashboard's counts per module, unit and state (overdue by deadline) read only this index.
    index('findings_dashboard_idx').on(t.module, t.unitId, t.status, t.deadline),
    // The dashboard's median days to close: findings closed in a window, read only from this index.
    index('findings_closed_idx').on(t.status, t.closedAt, t.module, t.issuedAt),
  ],
);

/** Every step of a finding, by whom and when: issue, report, reject, close, overdue, escalate. */
export const findingEvents = sqliteTable(
  'finding_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    findingId: text('finding_id')
      .notNull()
      .references(() => findings.id),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    note: text('note'),
    /** Evidence ids attached to this step (a report's photos). */
    evidence: text('evidence', { mode: 'json' }).$type<string[]>(),
  },
  (t) => [index('finding_events_finding_idx').on(t.findingId, t.id)],
);

/** In-app notifications; (user, kind, entity) is unique so a daily job never tells anyone twice. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** Path below /t/:tenant/ the notification opens. */
    link: text('link'),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_unique').on(t.userId, t.kind, t.entityId),
    index('notifications_user_idx').on(t.userId, t.readAt, t.createdAt),
  ],
);

/**
 * Lesson-observation rubrics (评课标准) of the teaching module. Shipped ones carry `builtinKey`;
 * the wording lives in versions, so an observation keeps the version it was scored with.
 */
export const observationRubrics = sqliteTable(
  'observation_rubrics',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    builtinKey: text('builtin_key'),
    latestVersion: integer('latest_version').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('observation_rubrics_builtin_unique').on(t.builtinKey),
    index('observation_rubrics_status_idx').on(t.status, t.name),
  ],
);

/** Every version of a rubric, never changed once written. `body` is tenants/observations/rubric.ts. */
export const observationRubricVersions = sqliteTable(
  'observation_rubric_versions',
  {
    id: text('id').primaryKey(),
    rubricId: text('rubric_id')
      .notNull()
      .references(() => observationRubrics.id),
    version: integer('version').notNull(),
    body: text('body', { mode: 'json' }).notNull(),
    /** For shipped rubrics: the revision of the wording this version holds. */
    builtinRevision: integer('builtin_revision'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [uniqueIndex('observation_rubric_versions_unique').on(t.rubricId, t.version)],
);

export const LESSON_TYPES = ['theory', 'skill', 'lab'] as const;
export type LessonType = (typeof LESSON_TYPES)[number];
export const OBSERVATION_KINDS = ['assigned', 'drop_in', 'peer', 'administrator', 'supervisor'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];
export const OBSERVATION_GRADE_KEYS = ['excellent', 'good', 'pass', 'fail'] as const;

/**
 * A lesson observation (听课记录). `id` is made by the phone when the observer starts, so sending
 * the same record twice (a retry after a lost answer) finds the row and writes nothing new.
 * `unitId` is the observed teacher's unit when the lesson was observed, kept if they move later.
 */
export const observations = sqliteTable(
  'observations',
  {
    id: text('id').primaryKey(),
    observerId: text('observer_id')
      .notNull()
      .references(() => users.id),
    teacherId: text('teacher_id')
      .notNull()
      .references(() => users.id),
    unitId: text('unit_id').references(() => units.id),
    course: text('course').notNull(),
    className: text('class_name').notNull(),
    /** YYYY-MM-DD, the day of the lesson (not of sending). */
    observedOn: text('observed_on').notNull(),
    /** 第几节, 1–12. */
    period: integer('period').notNull(),
    lessonType: text('lesson_type', { enum: LESSON_TYPES }).notNull(),
    kind: text('kind', { enum: OBSERVATION_KINDS }).notNull(),
    rubricVersionId: text('rubric_version_id')
      .notNull()
      .references(() => observationRubricVersions.id),
    /** Item key → points, checked against the rubric version. */
    scores: text('scores', { mode: 'json' }).notNull().$type<Record<string, number>>(),
    total: real('total').notNull(),
    grade: text('grade', { enum: OBSERVATION_GRADE_KEYS }).notNull(),
    strengths: text('strengths'),
    problems: text('problems'),
    suggestions: text('suggestions'),
    /** `2026-autumn`, from `observedOn` and the tenant's semesters when the record was saved. */
    semester: text('semester').notNull(),
    /** Hash of the sent content: a retry with the same id and hash is the same record. */
    contentHash: text('content_hash').notNull(),
    createdAt: text('created_at').notNull(),
    /** The observed teacher has read it (and may have replied). */
    acknowledgedAt: text('acknowledged_at'),
    reply: text('reply'),
    repliedAt: text('replied_at'),
  },
  (t) => [
    index('observations_teacher_idx').on(t.teacherId, t.observedOn),
    index('observations_observer_idx').on(t.observerId, t.semester),
    index('observations_unit_idx').on(t.unitId, t.observedOn),
    // The office's list of every record, latest lesson first.
    index('observations_observed_idx').on(t.observedOn),
  ],
);

export const PRIORITY_REASONS = ['new_teacher', 'external', 'low_rating', 'other'] as const;
export type PriorityReason = (typeof PRIORITY_REASONS)[number];

/**
 * Teachers the office watches in a semester (重点关注教师): new and external teachers, and those
 * rated low by students. A flag belongs to one semester; `clearedAt` ends it early.
 */
export const priorityTeachers = sqliteTable(
  'priority_teachers',
  {
    id: text('id').primaryKey(),
    teacherId: text('teacher_id')
      .notNull()
      .references(() => users.id),
    semester: text('semester').notNull(),
    reason: text('reason', { enum: PRIORITY_REASONS }).notNull(),
    note: text('note'),
    /** YYYY-MM-DD the teacher's course ends, to warn before the last lesson passes unobserved. */
    courseEndsOn: text('course_ends_on'),
    flaggedBy: text('flagged_by').notNull(),
    flaggedAt: text('flagged_at').notNull(),
    clearedAt: text('cleared_at'),
    clearedBy: text('cleared_by'),
  },
  (t) => [
    uniqueIndex('priority_teachers_unique').on(t.teacherId, t.semester, t.reason),
    index('priority_teachers_semester_idx').on(t.semester, t.clearedAt),
  ],
);

/** The five links of teaching (教学五环节): 备课, 上课, 批改作业, 辅导, 考试. */
export const TEACHING_LINKS = ['prepare', 'teach', 'mark', 'tutor', 'exam'] as const;
export type TeachingLink = (typeof TEACHING_LINKS)[number];

/**
 * One check of one link of a teacher's work in a semester (教学常规检查). `sampledCount` is what
 * was looked at: lesson plans for 备课, homework books for 批改, and so on (seed 001 counts them).
 */
export const teachingChecks = sqliteTable(
  'teaching_checks',
  {
    id: text('id').primaryKey(),
    teacherId: text('teacher_id')
      .notNull()
      .references(() => users.id),
    /** The teacher's unit when checked, kept if they move later. */
    unitId: text('unit_id').references(() => units.id),
    semester: text('semester').notNull(),
    link: text('link', { enum: TEACHING_LINKS }).notNull(),
    /** YYYY-MM-DD. */
    checkedOn: text('checked_on').notNull(),
    /** 0–100. */
    score: real('score').notNull(),
    comment: text('comment'),
    sampledCount: integer('sampled_count'),
    checkedBy: text('checked_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('teaching_checks_teacher_idx').on(t.teacherId, t.semester, t.link),
    index('teaching_checks_semester_idx').on(t.semester, t.unitId, t.link),
  ],
);

export const SURVEY_KINDS = ['teaching_rating', 'satisfaction', 'canteen', 'other'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/**
 * A survey (问卷): 评教 of one teacher's course, a satisfaction or canteen survey. `questions` is
 * fixed once the survey opens, so every response answers the same questions.
 */
export const surveys = sqliteTable(
  'surveys',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    kind: text('kind', { enum: SURVEY_KINDS }).notNull(),
    status: text('status', { enum: SURVEY_STATUSES }).notNull().default('draft'),
    questions: text('questions', { mode: 'json' }).notNull(),
    /** Results stay hidden until this many responses exist, so no student can be singled out. */
    minResponses: integer('min_responses').notNull(),
    /** For 评教: the teacher rated, their unit and the course. */
    teacherId: text('teacher_id').references(() => users.id),
    unitId: text('unit_id').references(() => units.id),
    course: text('course'),
    semester: text('semester').notNull(),
    /** YYYY-MM-DD after which links no longer take responses. */
    closesOn: text('closes_on'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('surveys_semester_idx').on(t.semester, t.kind, t.status),
    index('surveys_teacher_idx').on(t.teacherId, t.semester),
  ],
);

/** A batch of response links for one class (one slip with a QR code per student). */
export const surveyLinks = sqliteTable(
  'survey_links',
  {
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    /** The class, e.g. 23级机电1班. */
    label: text('label').notNull(),
    tokenCount: integer('token_count').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('survey_links_survey_idx').on(t.surveyId)],
);

/**
 * One response token: `tokenHash` is the SHA-256 of the token in the link, so a copy of this table
 * answers no survey. `usedOn` is set with the response in one batch; neither it nor the response
 * row holds more than the day, and the response does not name the token, so nobody can tell which
 * slip gave which answers.
 */
export const surveyTokens = sqliteTable(
  'survey_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    linkId: text('link_id')
      .notNull()
      .references(() => surveyLinks.id),
    /** YYYY-MM-DD (Beijing) the token was used; null while unused. */
    usedOn: text('used_on'),
  },
  (t) => [index('survey_tokens_link_idx').on(t.linkId, t.usedOn)],
);

/** Answers to rating and choice questions (question key → value). Text answers are kept apart. */
export const surveyResponses = sqliteTable(
  'survey_responses',
  {
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    linkId: text('link_id')
      .notNull()
      .references(() => surveyLinks.id),
    // A rating (1..max), an option index, or the indexes of a multiple choice: StoredAnswer of tenants/surveys/questions.ts.
    answers: text('answers', { mode: 'json' }).notNull().$type<Record<string, number | number[]>>(),
    /** The Beijing day only: a time to the second would let a teacher match a response to a student. */
    submittedOn: text('submitted_on').notNull(),
  },
  (t) => [index('survey_responses_survey_idx').on(t.surveyId, t.linkId)],
);

export const SURVEY_TEXT_STATUSES = ['pending', 'approved', 'hidden'] as const;

/** Free-text answers, reviewed by the office before the rated teacher sees them. */
export const surveyTextAnswers = sqliteTable(
  'survey_text_answers',
  {
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    questionKey: text('question_key').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: SURVEY_TEXT_STATUSES }).notNull().default('pending'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: text('reviewed_at'),
  },
  (t) => [index('survey_text_answers_survey_idx').on(t.surveyId, t.status)],
);

/**
 * A school's figures for one school year behind the balance coefficients (DOMAIN.md §1): its
 * kind that year (小学 … 教学点), enrolment (per stage for a school of more than one), and resource
 * totals by indicator key (worker/modules/balance/indicators.ts). A missing key is missing data,
 * which the coefficients name instead of dropping the school.
 */
export const balanceFigures = sqliteTable(
  'balance_figures',
  {
    /** 2025 for the school year 2025–2026. */
    schoolYear: integer('school_year').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    schoolKind: text('school_kind').notNull(),
    enrolment: integer('enrolment').notNull(),
    enrolmentByStage: text('enrolment_by_stage', { mode: 'json' }).$type<Record<string, number>>(),
    resources: text('resources', { mode: 'json' }).notNull().$type<Record<string, number>>(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolYear, t.unitId] }),
    index('balance_figures_unit_idx').on(t.unitId, t.schoolYear),
  ],
);

export const SCHEME_KINDS = ['developmental', 'government', 'kindergarten', 'acceptance', 'other'] as const;
export type SchemeKind = (typeof SCHEME_KINDS)[number];

/**
 * Evaluation schemes (评估指标体系): trees of first-, second- and third-level indicators. Shipped
 * ones carry `builtinKey`; the indicators live in versions, so a round keeps the version it used.
 */
export const evaluationSchemes = sqliteTable(
  'evaluation_schemes',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: SCHEME_KINDS }).notNull(),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    builtinKey: text('builtin_key'),
    latestVersion: integer('latest_version').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('evaluation_schemes_builtin_unique').on(t.builtinKey),
    index('evaluation_schemes_status_idx').on(t.status, t.kind, t.name),
  ],
);

/** Every version of a scheme, never changed once written. `body` is tenants/evaluation/scheme.ts. */
export const evaluationSchemeVersions = sqliteTable(
  'evaluation_scheme_versions',
  {
    id: text('id').primaryKey(),
    schemeId: text('scheme_id')
      .notNull()
      .references(() => evaluationSchemes.id),
    version: integer('version').notNull(),
    body: text('body', { mode: 'json' }).notNull(),
    builtinRevision: integer('builtin_revision'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [uniqueIndex('evaluation_scheme_versions_unique').on(t.schemeId, t.version)],
);

/**
 * A unit's way through a round: `self` (filling in its self-evaluation and evidence) → `submitted`
 * (reviewers score) → `reviewed` (the preliminary result is published; the unit may reply until the
 * reply deadline) → `replied` (申辩 sent; the team answers) → `final` (the report can be issued).
 * The team finalizes from `reviewed` too when the unit does not reply.
 */
export const ROUND_UNIT_STATUSES = ['self', 'submitted', 'reviewed', 'replied', 'final'] as const;
export type RoundUnitStatus = (typeof ROUND_UNIT_STATUSES)[number];

/** An evaluation round (评估): one scheme version, the units evaluated, the period and deadlines. */
export const evaluationRounds = sqliteTable(
  'evaluation_rounds',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    schemeId: text('scheme_id')
      .notNull()
      .references(() => evaluationSchemes.id),
    /** The version the round keeps, whatever versions come later. */
    schemeVersion: integer('scheme_version').notNull(),
    /** 2026 for the school year 2026–2027: developmental targets are read for this year. */
    schoolYear: integer('school_year').notNull(),
    /** YYYY-MM-DD: the period evaluated; evidence may be uploaded all along it. */
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    selfDeadline: text('self_deadline').notNull(),
    reviewDeadline: text('review_deadline').notNull(),
    replyDeadline: text('reply_deadline').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('evaluation_rounds_status_idx').on(t.status, t.createdAt)],
);

/** One evaluated unit (a school, or a township in 督政) of a round, with its totals and reply. */
export const evaluationRoundUnits = sqliteTable(
  'evaluation_round_units',
  {
    roundId: text('round_id')
      .notNull()
      .references(() => evaluationRounds.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status', { enum: ROUND_UNIT_STATUSES }).notNull().default('self'),
    /** 自查报告. */
    selfReport: text('self_report'),
    /** Totals kept with the scores they add up, so a ranking reads one row per unit. */
    selfTotal: real('self_total'),
    reviewTotal: real('review_total'),
    submittedAt: text('submitted_at'),
    /** 评估组意见 published with the preliminary result. */
    reviewSummary: text('review_summary'),
    publishedAt: text('published_at'),
    /** 申辩: a general text and claims per indicator. */
    reply: text('reply'),
    replyItems: text('reply_items', { mode: 'json' }).$type<{ indicatorKey: string; text: string }[]>(),
    repliedAt: text('replied_at'),
    /** The team's answer to the reply. */
    replyAnswer: text('reply_answer'),
    finalTotal: real('final_total'),
    finalizedAt: text('finalized_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.unitId] }),
    index('evaluation_round_units_unit_idx').on(t.unitId, t.roundId),
  ],
);

/** The review team (评估组) of a round: accounts that score; the lead publishes and finalizes. */
export const evaluationRoundReviewers = sqliteTable(
  'evaluation_round_reviewers',
  {
    roundId: text('round_id')
      .notNull()
      .references(() => evaluationRounds.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    lead: integer('lead', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.userId] }),
    index('evaluation_round_reviewers_user_idx').on(t.userId),
  ],
);

export const SCORE_SIDES = ['self', 'review'] as const;
export type ScoreSide = (typeof SCORE_SIDES)[number];

/** A score on a leaf indicator: the unit's own (`self`) or the team's (`review`), with its note. */
export const evaluationScores = sqliteTable(
  'evaluation_scores',
  {
    roundId: text('round_id')
      .notNull()
      .references(() => evaluationRounds.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    side: text('side', { enum: SCORE_SIDES }).notNull(),
    indicatorKey: text('indicator_key').notNull(),
    score: real('score').notNull(),
    note: text('note'),
    scoredBy: text('scored_by').notNull(),
    scoredAt: text('scored_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.unitId, t.side, t.indicatorKey] })],
);

/** 佐证材料: files in R2 a unit uploads for an indicator (or, without one, for the round as a whole). */
export const evaluationEvidence = sqliteTable(
  'evaluation_evidence',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => evaluationRounds.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    indicatorKey: text('indicator_key'),
    fileName: text('file_name').notNull(),
    key: text('key').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('evaluation_evidence_unit_idx').on(t.roundId, t.unitId, t.indicatorKey)],
);

export const TARGET_STATUSES = ['planned', 'met', 'partly', 'missed'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/**
 * A unit's development-plan target for a school year (学校发展规划 → 年度目标), optionally tied to an
 * indicator of the developmental scheme; at year end its progress and the next year's adjustment.
 */
export const developmentTargets = sqliteTable(
  'development_targets',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    schoolYear: integer('school_year').notNull(),
    indicatorKey: text('indicator_key'),
    title: text('title').notNull(),
    /** How the target is measured (具体指标), e.g. "市级以上骨干教师达到 12 人". */
    measure: text('measure'),
    status: text('status', { enum: TARGET_STATUSES }).notNull().default('planned'),
    progress: text('progress'),
    /** 下学年目标调整. */
    adjustment: text('adjustment'),
    sort: integer('sort').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('development_targets_unit_idx').on(t.unitId, t.schoolYear, t.sort)],
);
