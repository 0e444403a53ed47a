// Supervision, loaded on first visit: QA sampling and file reviews, and the compliance
// report. Everything here needs `case:assign` (QA) or `case:read_all` (the report); the
// navigation hides what the role cannot open and the API refuses it regardless.
import { NavLink, Route, Routes } from "react-router-dom";
import { useMe } from "../../auth/session";
import { NotFound } from "../NotFound";
import { QaPage } from "./Qa";
import { ReportPage } from "./Report";
import { ReviewPage } from "./Review";

export default function SupervisorPages() {
  const { can } = useMe();
  const qa = can("case:assign");
  const report = can("case:read_all");
  return (
    <>
      <span className="govuk-caption-l">Supervision</span>
      <nav className="moj-sub-navigation" aria-label="Supervision">
        <ul className="moj-sub-navigation__list">
          {qa && (
            <li className="moj-sub-navigation__item">
              <NavLink className="moj-sub-navigation__link" to="/supervision/qa">
                File reviews
              </NavLink>
            </li>
          )}
          {report && (
            <li className="moj-sub-navigation__item">
              <NavLink className="moj-sub-navigation__link" to="/supervision/report">
                Compliance report
              </NavLink>
            </li>
          )}
        </ul>
      </nav>
      <Routes>
        <Route index element={qa ? <QaPage /> : report ? <ReportPage /> : <NotFound />} />
        {qa && <Route path="qa" element={<QaPage />} />}
        {qa && <Route path="qa/review/:caseId" element={<ReviewPage />} />}
        {report && <Route path="report" element={<ReportPage />} />}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </>
  );
}
