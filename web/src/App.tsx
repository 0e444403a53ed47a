import { lazy, Suspense, type ReactNode } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { ReauthenticatePrompt } from "./auth/Reauthenticate";
import { useSession } from "./auth/session";
import { Layout } from "./components/Layout";
import { Account } from "./pages/Account";
import { CasesList } from "./pages/CasesList";
import { ClientPage, ClientsList } from "./pages/Clients";
import { NotFound } from "./pages/NotFound";
import { SetUpTwoStep } from "./pages/SetUpTwoStep";
import { SignIn } from "./pages/SignIn";
import { WorkQueue } from "./pages/WorkQueue";

// The larger pages load when first opened, keeping the first load small.
const CasePage = lazy(() => import("./pages/case/CasePage"));
const AuditPage = lazy(() => import("./pages/Audit"));
// Supervision, centre admin and a client's privacy requests: each its own chunk.
const SupervisorPages = lazy(() => import("./pages/supervisor/SupervisorPages"));
const AdminPages = lazy(() => import("./pages/admin/AdminPages"));
const ClientPrivacy = lazy(() => import("./pages/privacy/ClientPrivacy"));
const PrivacyRegisters = lazy(() => import("./pages/privacy/Registers"));
const CalendarPage = lazy(() => import("./pages/calendar/Calendar"));
const SearchPage = lazy(() => import("./pages/search/Search"));
const ResetPassword = lazy(() => import("./pages/ResetPassword"));
const DocumentView = lazy(() => import("./pages/DocumentView"));

const SET_UP_2SV = "/set-up-2-step-verification";

function RequireSession({ children }: { children: ReactNode }) {
  const { session, resuming } = useSession();
  const location = useLocation();
  if (resuming) {
    return (
      <p className="govuk-body govuk-!-margin-6" role="status">
        Loading…
      </p>
    );
  }
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  // The centre requires 2-step verification of this user's role and they have none: their
  // token opens nothing but setting it up, so neither does the console.
  if (session.me.second_factor_setup_required && location.pathname !== SET_UP_2SV) {
    return <Navigate to={SET_UP_2SV} replace />;
  }
  return <>{children}</>;
}

function Loading() {
  return (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  );
}

export function App() {
  return (
    <>
      <ReauthenticatePrompt />
      <AppRoutes />
    </>
  );
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignIn />} />
      <Route path="/reset-password" element={<Suspense fallback={<Loading />}><ResetPassword /></Suspense>} />
      <Route
        path="/documents/:documentId/view"
        element={
          <RequireSession>
            <Suspense fallback={<Loading />}>
              <DocumentView />
            </Suspense>
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession>
            <Layout />
          </RequireSession>
        }
      >
        <Route index element={<WorkQueue />} />
        <Route path="cases" element={<CasesList />} />
        <Route
          path="cases/:caseId/*"
          element={
            <Suspense fallback={<Loading />}>
              <CasePage />
            </Suspense>
          }
        />
        <Route path="clients" element={<ClientsList />} />
        <Route path="clients/:clientId" element={<ClientPage />} />
        <Route
          path="audit"
          element={
            <Suspense fallback={<Loading />}>
              <AuditPage />
            </Suspense>
          }
        />
        <Route path="supervision/*" element={<Suspense fallback={<Loading />}><SupervisorPages /></Suspense>} />
        <Route path="admin/*" element={<Suspense fallback={<Loading />}><AdminPages /></Suspense>} />
        <Route path="clients/:clientId/privacy" element={<Suspense fallback={<Loading />}><ClientPrivacy /></Suspense>} />
        <Route path="privacy/*" element={<Suspense fallback={<Loading />}><PrivacyRegisters /></Suspense>} />
        <Route path="calendar" element={<Suspense fallback={<Loading />}><CalendarPage /></Suspense>} />
        <Route path="search" element={<Suspense fallback={<Loading />}><SearchPage /></Suspense>} />
        <Route path="account" element={<Account />} />
        <Route path={SET_UP_2SV.slice(1)} element={<SetUpTwoStep />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
