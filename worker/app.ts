import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './context';
import { AppError, errorResponse } from './errors';
import { jsonBodyLimit } from './middleware/body-limit';
import { csrfProtection } from './middleware/csrf';
import { moduleGate } from './middleware/module-gate';
import { requestContext } from './middleware/request-context';
import { loadTenantSession, requireSession } from './middleware/session';
import { resolveTenant } from './middleware/tenant';
import { accountsRoutes } from './modules/accounts/routes';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { balanceRoutes } from './modules/balance/routes';
import { boardRoutes } from './modules/board/routes';
import { checklistsRoutes } from './modules/checklists/routes';
import { complaintsRoutes } from './modules/complaints/routes';
import { complianceRoutes } from './modules/compliance/routes';
import { configRoutes } from './modules/config/routes';
import { dashboardRoutes } from './modules/dashboard/routes';
import { evaluationRoutes } from './modules/evaluation/routes';
import { findingsRoutes, myFindingsRoutes } from './modules/findings/routes';
import { hazardsRoutes } from './modules/hazards/routes';
import { healthRoutes } from './modules/health/routes';
import { importsRoutes } from './modules/imports/routes';
import { inspectorsRoutes } from './modules/inspectors/routes';
import { notificationsRoutes } from './modules/notifications/routes';
import { observationsRoutes } from './modules/observations/routes';
import { calendarRoutes, plansRoutes } from './modules/plans/routes';
import { priorityTeachersRoutes } from './modules/priority-teachers/routes';
import { provinceRoutes } from './modules/province/routes';
import { signupRoutes } from './modules/signup/routes';
import { suggestionsRoutes } from './modules/suggestions/routes';
import { publicSurveyRoutes, surveysRoutes } from './modules/surveys/routes';
import { targetsRoutes } from './modules/targets/routes';
import { teachersRoutes } from './modules/teachers/routes';
import { teachingChecksRoutes } from './modules/teaching-checks/routes';
import { unitsRoutes } from './modules/units/routes';
import { visitsRoutes } from './modules/visits/routes';
import { zonesRoutes } from './modules/zones/routes';

const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-inline'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

export function createApp() {
  const tenantApi = new Hono<AppEnv>()
    .use('*', resolveTenant, loadTenantSession)
    .route('/', authRoutes)
    .route('/', configRoutes)
    .route('/', unitsRoutes)
    .route('/', zonesRoutes)
    .route('/', inspectorsRoutes)
    .route('/', accountsRoutes)
    .route('/', auditRoutes)
    .route('/', importsRoutes)
    .route('/', boardRoutes)
    .route('/', complaintsRoutes)
    .route('/', suggestionsRoutes)
    .route('/', myFindingsRoutes)
    .route('/', hazardsRoutes)
    .route('/', calendarRoutes)
    .route('/', balanceRoutes)
    .route('/', targetsRoutes)
    .route('/', dashboardRoutes)
    .route('/', notificationsRoutes)
    .route('/evaluation', evaluationRoutes)
    .route('/', publicSurveyRoutes)
    // Module routes are mounted under /:module; the gate answers 403 for a module the tenant has off.
    .use('/:module{teaching|study|management|safety}/*', requireSession, moduleGate)
    .route('/:module{teaching|study|management|safety}', checklistsRoutes)
    .route('/:module{teaching|study|management|safety}', visitsRoutes)
    .route('/:module{teaching|study|management|safety}', findingsRoutes)
    .route('/:module{teaching|study|management|safety}', plansRoutes)
    // Lesson observations belong to teaching alone; the gate above still answers for it.
    .route('/teaching', observationsRoutes)
    .route('/teaching', teachersRoutes)
    .route('/teaching', surveysRoutes)
    .route('/teaching', priorityTeachersRoutes)
    .route('/teaching', teachingChecksRoutes)
    .route('/teaching', complianceRoutes);

  const api = new Hono<AppEnv>()
    .use(
      '*',
      requestContext,
      secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }),
      csrfProtection,
    )
    .use('*', jsonBodyLimit)
    .route('/', healthRoutes)
    .route('/', signupRoutes)
    .route('/province', provinceRoutes)
    .route('/t/:tenant', tenantApi);

  const app = new Hono<AppEnv>();
  app.route('/api', api);
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return errorResponse(new AppError('NOT_FOUND'), c);
    // A survey slip's short link opens the survey page's own small entry, not the app.
    if (/^\/s\/[^/]+\/[^/]+$/.test(c.req.path)) {
      return c.env.ASSETS.fetch(new Request(new URL('/survey', c.req.url), c.req.raw));
    }
    return c.env.ASSETS.fetch(c.req.raw);
  });
  app.onError((err, c) => errorResponse(err, c));
  return app;
}
