import './polyfills';
import './ui/styles.css';
import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { ProvinceLogin } from './modules/auth/ProvinceLogin';
import { TenantLogin } from './modules/auth/TenantLogin';
import { Root } from './ui/Root';

// Only the two login pages are in the entry chunk; everything else loads when first visited,
// so a phone on a slow network can sign in after a few tens of KB.
const Landing = lazy(() => import('./modules/landing/Landing'));
const SignupPage = lazy(() => import('./modules/signup/SignupPage'));
const ProvincePage = lazy(() => import('./modules/province/ProvincePage'));
const Shell = lazy(() => import('./modules/shell/Shell'));
const Home = lazy(() => import('./modules/home/Home'));
const UnitsPage = lazy(() => import('./modules/units/UnitsPage'));
const UnitDetailPage = lazy(() => import('./modules/units/UnitDetailPage'));
const UnitFormPage = lazy(() => import('./modules/units/UnitFormPage'));
const ZonesPage = lazy(() => import('./modules/zones/ZonesPage'));
const ZoneDetailPage = lazy(() => import('./modules/zones/ZoneDetailPage'));
const InspectorsPage = lazy(() => import('./modules/inspectors/InspectorsPage'));
const InspectorDetailPage = lazy(() => import('./modules/inspectors/InspectorDetailPage'));
const InspectorFormPage = lazy(() => import('./modules/inspectors/InspectorFormPage'));
const InspectorAssignPage = lazy(() => import('./modules/inspectors/AssignPage'));
const TemplatesPage = lazy(() => import('./modules/checklists/TemplatesPage'));
const TemplateDetailPage = lazy(() => import('./modules/checklists/TemplateDetailPage'));
const TemplateEditorPage = lazy(() => import('./modules/checklists/TemplateEditorPage'));
const BoardPage = lazy(() => import('./modules/board/BoardPage'));
const TrackPage = lazy(() => import('./modules/board/TrackPage'));
const PosterPage = lazy(() => import('./modules/board/PosterPage'));
const SurveysPage = lazy(() => import('./modules/surveys/SurveysPage'));
const SurveyFormPage = lazy(() => import('./modules/surveys/SurveyFormPage'));
const SurveyDetailPage = lazy(() => import('./modules/surveys/SurveyDetailPage'));
const SurveyResultsPage = lazy(() => import('./modules/surveys/SurveyResultsPage'));
const ComplaintsPage = lazy(() => import('./modules/complaints/ComplaintsPage'));
const ComplaintDetailPage = lazy(() => import('./modules/complaints/ComplaintDetailPage'));
const AccountsPage = lazy(() => import('./modules/accounts/AccountsPage'));
const NewAccountPage = lazy(() => import('./modules/accounts/NewAccountPage'));
const AccountPage = lazy(() => import('./modules/accounts/AccountPage'));
const AuditPage = lazy(() => import('./modules/audit/AuditPage'));
const SuggestionsPage = lazy(() => import('./modules/suggestions/SuggestionsPage'));
const SuggestionDetailPage = lazy(() => import('./modules/suggestions/SuggestionDetailPage'));
const ImportsPage = lazy(() => import('./modules/imports/ImportsPage'));
const CalendarPage = lazy(() => import('./modules/calendar/CalendarPage'));
const DashboardPage = lazy(() => import('./modules/dashboard/DashboardPage'));
const PlansPage = lazy(() => import('./modules/plans/PlansPage'));
const PlanFormPage = lazy(() => import('./modules/plans/PlanFormPage'));
const PlanDetailPage = lazy(() => import('./modules/plans/PlanDetailPage'));
const FindingsPage = lazy(() => import('./modules/findings/FindingsPage'));
const FindingFormPage = lazy(() => import('./modules/findings/FindingFormPage'));
const FindingDetailPage = lazy(() => import('./modules/findings/FindingDetailPage'));
const FindingNoticePage = lazy(() => import('./modules/findings/NoticePage'));
const VisitsPage = lazy(() => import('./modules/visits/VisitsPage'));
const VisitFormPage = lazy(() => import('./modules/visits/VisitFormPage'));
const VisitDetailPage = lazy(() => import('./modules/visits/VisitDetailPage'));
const ObservationsPage = lazy(() => import('./modules/observations/ObservationsPage'));
const ObservationFormPage = lazy(() => import('./modules/observations/ObservationFormPage'));
const ObservationDetailPage = lazy(() => import('./modules/observations/ObservationDetailPage'));
const RubricsPage = lazy(() => import('./modules/rubrics/RubricsPage'));
const RubricDetailPage = lazy(() => import('./modules/rubrics/RubricDetailPage'));
const RubricEditorPage = lazy(() => import('./modules/rubrics/RubricEditorPage'));
const PriorityTeachersPage = lazy(() => import('./modules/priority-teachers/PriorityTeachersPage'));
const TeachingChecksPage = lazy(() => import('./modules/teaching-checks/TeachingChecksPage'));
const TeacherSummaryPage = lazy(() => import('./modules/teachers/TeacherSummaryPage'));
const CompliancePage = lazy(() => import('./modules/compliance/CompliancePage'));
const MyFindingsPage = lazy(() => import('./modules/findings/MyFindingsPage'));
const MyFindingPage = lazy(() => import('./modules/findings/MyFindingPage'));
const NotificationsPage = lazy(() => import('./modules/notifications/NotificationsPage'));
const HazardsPage = lazy(() => import('./modules/hazards/HazardsPage'));
const SchemesPage = lazy(() => import('./modules/evaluation/SchemesPage'));
const SchemeDetailPage = lazy(() => import('./modules/evaluation/SchemeDetailPage'));
const ReviewUnitPage = lazy(() => import('./modules/evaluation/rounds/ReviewUnitPage'));
const UnitResultPage = lazy(() => import('./modules/evaluation/rounds/UnitResultPage'));
const ResultsPage = lazy(() => import('./modules/evaluation/rounds/ResultsPage'));
const ReportPrintPage = lazy(() => import('./modules/evaluation/rounds/ReportPrintPage'));
const RoundsPage = lazy(() => import('./modules/evaluation/rounds/RoundsPage'));
const RoundCreatePage = lazy(() => import('./modules/evaluation/rounds/RoundCreatePage'));
const RoundPage = lazy(() => import('./modules/evaluation/rounds/RoundPage'));
const RoundUnitPage = lazy(() => import('./modules/evaluation/rounds/RoundUnitPage'));
const BalancePage = lazy(() => import('./modules/balance/BalancePage'));
const SchoolFiguresPage = lazy(() => import('./modules/balance/SchoolFiguresPage'));
const TargetsPage = lazy(() => import('./modules/targets/TargetsPage'));
const OverduePage = lazy(() => import('./modules/hazards/OverduePage'));
const SettingsPage = lazy(() => import('./modules/settings/SettingsPage'));
const PasswordPage = lazy(() => import('./modules/auth/PasswordPage'));
const TenantNotFound = lazy(() => import('./modules/shell/TenantNotFound'));
const NotFound = lazy(() => import('./ui/NotFound'));

// The four supervision modules' pages live under /t/:tenant/<module>/…; any other first segment is not one.
const SUPERVISION_MODULE = { module: ['teaching', 'study', 'management', 'safety'] };

const root = document.getElementById('app');
if (root) {
  // index.html shows 正在加载… until now.
  root.textContent = '';
  render(
    () => (
      <Router root={Root}>
        <Route path="/" component={Landing} />
        <Route path="/signup" component={SignupPage} />
        <Route path="/province/login" component={ProvinceLogin} />
        <Route path="/province" component={ProvincePage} />
        <Route path="/t/:tenant/login" component={TenantLogin} />
        {/* Public pages of a unit's board: outside the signed-in shell, no session needed. */}
        <Route path="/t/:tenant/board/:unitId" component={BoardPage} />
        <Route path="/t/:tenant/track/:code?" component={TrackPage} />
        <Route path="/t/:tenant" component={Shell}>
          <Route path="/" component={Home} />
          <Route path="/units" component={UnitsPage} />
          <Route path="/units/new" component={UnitFormPage} />
          <Route path="/units/:id" component={UnitDetailPage} />
          <Route path="/units/:id/edit" component={UnitFormPage} />
          <Route path="/zones" component={ZonesPage} />
          <Route path="/zones/:id" component={ZoneDetailPage} />
          <Route path="/inspectors" component={InspectorsPage} />
          <Route path="/inspectors/new" component={InspectorFormPage} />
          <Route path="/inspectors/:id" component={InspectorDetailPage} />
          <Route path="/inspectors/:id/edit" component={InspectorFormPage} />
          <Route path="/inspectors/:id/assign" component={InspectorAssignPage} />
          <Route path="/units/:id/poster" component={PosterPage} />
          <Route path="/:module/templates" matchFilters={SUPERVISION_MODULE}>
            <Route path="/" component={TemplatesPage} />
            <Route path="/new" component={TemplateEditorPage} />
            <Route path="/:id" component={TemplateDetailPage} />
            <Route path="/:id/edit" component={TemplateEditorPage} />
            <Route path="/:id/versions/:version" component={TemplateDetailPage} />
          </Route>
          <Route path="/:module/findings" matchFilters={SUPERVISION_MODULE}>
            <Route path="/" component={FindingsPage} />
            <Route path="/new" component={FindingFormPage} />
            <Route path="/:id" component={FindingDetailPage} />
            <Route path="/:id/notice" component={FindingNoticePage} />
          </Route>
          <Route path="/:module/visits" matchFilters={SUPERVISION_MODULE}>
            <Route path="/" component={VisitsPage} />
            <Route path="/new" component={VisitFormPage} />
            <Route path="/draft/:draftId" component={VisitFormPage} />
            <Route path="/:id" component={VisitDetailPage} />
          </Route>
          {/* Lesson observations belong to teaching alone. */}
          <Route path="/teaching/observations">
            <Route path="/" component={ObservationsPage} />
            <Route path="/new" component={ObservationFormPage} />
            <Route path="/draft/:draftId" component={ObservationFormPage} />
            <Route path="/:id" component={ObservationDetailPage} />
          </Route>
          <Route path="/teaching/rubrics">
            <Route path="/" component={RubricsPage} />
            <Route path="/new" component={RubricEditorPage} />
            <Route path="/:id" component={RubricDetailPage} />
            <Route path="/:id/edit" component={RubricEditorPage} />
          </Route>
          <Route path="/teaching/surveys">
            <Route path="/" component={SurveysPage} />
            <Route path="/new" component={SurveyFormPage} />
            <Route path="/:id" component={SurveyDetailPage} />
            <Route path="/:id/edit" component={SurveyFormPage} />
            <Route path="/:id/results" component={SurveyResultsPage} />
          </Route>
          <Route path="/teaching/priority-teachers" component={PriorityTeachersPage} />
          <Route path="/teaching/checks" component={TeachingChecksPage} />
          <Route path="/teaching/teachers/:id" component={TeacherSummaryPage} />
          <Route path="/teaching/compliance" component={CompliancePage} />
          <Route path="/:module/plans" matchFilters={SUPERVISION_MODULE}>
            <Route path="/" component={PlansPage} />
            <Route path="/new" component={PlanFormPage} />
            <Route path="/:id" component={PlanDetailPage} />
          </Route>
          <Route path="/my-findings" component={MyFindingsPage} />
          <Route
            path="/my-findings/:module/:id"
            matchFilters={SUPERVISION_MODULE}
            component={MyFindingPage}
          />
          <Route
            path="/my-findings/:module/:id/notice"
            matchFilters={SUPERVISION_MODULE}
            component={FindingNoticePage}
          />
          <Route path="/notifications" component={NotificationsPage} />
          <Route path="/hazards" component={HazardsPage} />
          <Route path="/evaluation/schemes" component={SchemesPage} />
          <Route path="/evaluation/schemes/:id" component={SchemeDetailPage} />
          <Route path="/evaluation/rounds/:id/units/:unitId/review" component={ReviewUnitPage} />
          <Route path="/evaluation/rounds/:id/units/:unitId/result" component={UnitResultPage} />
          <Route path="/evaluation/rounds/:id/units/:unitId/report" component={ReportPrintPage} />
          <Route path="/evaluation/rounds/:id/results" component={ResultsPage} />
          <Route path="/evaluation/rounds" component={RoundsPage} />
          <Route path="/evaluation/rounds/new" component={RoundCreatePage} />
          <Route path="/evaluation/rounds/:id" component={RoundPage} />
          <Route path="/evaluation/rounds/:id/units/:unitId" component={RoundUnitPage} />
          <Route path="/balance" component={BalancePage} />
          <Route path="/balance/:year/:unitId" component={SchoolFiguresPage} />
          <Route path="/targets" component={TargetsPage} />
          <Route path="/overdue" component={OverduePage} />
          <Route path="/complaints" component={ComplaintsPage} />
          <Route path="/complaints/:id" component={ComplaintDetailPage} />
          <Route path="/accounts" component={AccountsPage} />
          <Route path="/accounts/new" component={NewAccountPage} />
          <Route path="/accounts/:id" component={AccountPage} />
          <Route path="/audit" component={AuditPage} />
          <Route path="/suggestions" component={SuggestionsPage} />
          <Route path="/suggestions/:id" component={SuggestionDetailPage} />
          <Route path="/imports" component={ImportsPage} />
          <Route path="/calendar" component={CalendarPage} />
          <Route path="/dashboard" component={DashboardPage} />
          <Route path="/settings" component={SettingsPage} />
          <Route path="/password" component={PasswordPage} />
          <Route path="*" component={TenantNotFound} />
        </Route>
        <Route path="*" component={NotFound} />
      </Router>
    ),
    root,
  );
}
