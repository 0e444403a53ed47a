import { useQuery } from "@tanstack/react-query";
import { NavLink, Route, Routes, useParams } from "react-router-dom";
import { api } from "../../api/client";
import { ApiError, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { QueryState, Tag } from "../../components/ui";
import { NotFound } from "../NotFound";
import { Assets } from "./Assets";
import { Budget } from "./Budget";
import { Compliance } from "./Compliance";
import { Deadlines, Appointments } from "./Clock";
import { Contacts } from "./Contacts";
import { CreditReports } from "./CreditReports";
import { Debts } from "./Debts";
import { BreathingSpace } from "./BreathingSpace";
import { Eligibility } from "./Eligibility";
import { FirstContact } from "./FirstContact";
import { Complaints, Settlements } from "./Registers";
import { Reminders } from "./Reminders";
import { Documents } from "./Documents";
import { Letters } from "./Letters";
import { Notes } from "./Notes";
import { Options } from "./Options";
import { Overview } from "./Overview";
import { CaseOpen } from "./caseOpen";

const TABS: ReadonlyArray<readonly [string, string, string | null]> = [
  ["", "Overview", null],
  ["first-contact", "First contact", null],
  ["contacts", "Contact log", null],
  ["debts", "Debts", null],
  ["credit-reports", "Credit reports", "finance:read"],
  ["budget", "Budget", "finance:read"],
  ["assets", "Assets", "finance:read"],
  ["eligibility", "Eligibility", "finance:read"],
  ["breathing-space", "Breathing Space", null],
  ["options", "Options and offers", "finance:read"],
  ["settlements", "Settlements", null],
  ["complaints", "Complaints", null],
  ["letters", "Letters", null],
  ["documents", "Documents", null],
  ["deadlines", "Deadlines", null],
  ["appointments", "Appointments", null],
  ["reminders", "Reminders", null],
  ["compliance", "Compliance", null],
  ["notes", "Notes", null],
];

export default function CasePage() {
  const { caseId = "" } = useParams();
  const { can } = useMe();
  const kase = useQuery({
    queryKey: ["case", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}", { params: { path: { case_id: caseId } } })),
  });
  if (kase.error instanceof ApiError && [400, 404, 422].includes(kase.error.status)) return <NotFound what="Case" />;
  return (
    <QueryState query={kase} what="the case">
      {(c) => (
        <>
          <span className="govuk-caption-l">Case</span>
          <h1 className="govuk-heading-xl">
            {c.reference} <Tag value={c.status} />
          </h1>
          <nav className="moj-sub-navigation" aria-label="Case sections">
            <ul className="moj-sub-navigation__list">
              {TABS.filter(([, , perm]) => !perm || can(perm)).map(([path, text]) => (
                <li className="moj-sub-navigation__item" key={path}>
                  <NavLink className="moj-sub-navigation__link" to={`/cases/${caseId}${path ? `/${path}` : ""}`} end>
                    {text}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <CaseOpen.Provider value={c.status !== "closed"}>
            <Routes>
              <Route index element={<Overview kase={c} />} />
              <Route path="first-contact" element={<FirstContact caseId={caseId} />} />
              <Route path="contacts" element={<Contacts caseId={caseId} />} />
              <Route path="credit-reports" element={<CreditReports caseId={caseId} />} />
              <Route path="eligibility" element={<Eligibility caseId={caseId} />} />
              <Route path="breathing-space" element={<BreathingSpace caseId={caseId} />} />
              <Route path="reminders" element={<Reminders caseId={caseId} />} />
              <Route path="debts" element={<Debts caseId={caseId} />} />
              <Route path="budget" element={<Budget caseId={caseId} />} />
              <Route path="assets" element={<Assets caseId={caseId} />} />
              <Route path="options" element={<Options caseId={caseId} />} />
              <Route path="settlements" element={<Settlements caseId={caseId} />} />
              <Route path="complaints" element={<Complaints caseId={caseId} />} />
              <Route path="letters" element={<Letters caseId={caseId} />} />
              <Route path="documents" element={<Documents caseId={caseId} />} />
              <Route path="deadlines" element={<Deadlines caseId={caseId} />} />
              <Route path="appointments" element={<Appointments caseId={caseId} />} />
              <Route path="compliance" element={<Compliance caseId={caseId} />} />
              <Route path="notes" element={<Notes caseId={caseId} />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </CaseOpen.Provider>
        </>
      )}
    </QueryState>
  );
}
