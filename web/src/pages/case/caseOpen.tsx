// Whether the case on screen is open. A closed case's record — its debts, budget, options
// and advice, checklist and screenings, credit reports, eligibility, dated events,
// appointments' booking, notes, and the suggestions that would change any of them — is
// kept as it was when it was closed until someone reopens it (the API refuses a change
// with a "case-closed" problem), so the console does not offer the forms that change it.
// What goes on after a case closes (documents, contacts, complaints, settlements,
// Breathing Space, letters) is still offered.
import { createContext, useContext } from "react";

export const CaseOpen = createContext(true);

/** True unless the case on screen is closed (true outside a case's pages). */
export function useCaseOpen(): boolean {
  return useContext(CaseOpen);
}

/** Said where a form would be, on a closed case: "The case is closed, so its debts cannot be changed: reopen it from its Overview first." */
export function ClosedHint({ what, verb = "changed" }: { what: string; verb?: string }) {
  return (
    <p className="govuk-body">
      The case is closed, so {what} cannot be {verb}: reopen it from its Overview first.
    </p>
  );
}
