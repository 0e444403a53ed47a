// The client's decision on the advice given, recorded on the Options page when they make
// it: the decision and its notes are sent with the version the page read (If-Match), and
// the list then says what they decided.
import { fireEvent, screen, within } from "@testing-library/react";
import { answer, emptyPage, json, page, renderPage } from "./harness";

const state = {
  sent: [] as { method: string; path: string; body: unknown; ifMatch: string | null }[],
  decision: "undecided",
  notes: null as string | null,
  version: 2,
};
answer(async (input) => {
  const url = new URL(input.url);
  const record = () => ({
    id: "a1", case_id: "k1", centre_id: "c", appraisal_id: null, on_date: "2026-12-01", jurisdiction: "EW",
    recommended: "dro", reasons: "Low income, few assets.", options: [], client_decision: state.decision,
    decision_notes: state.notes, monthly_payment_pence: null, expected_term_months: null, next_steps: null,
    risks: null, created_at: "2026-12-01T10:00:00Z", created_by: "u1", version: state.version,
  });
  if (input.method === "PATCH") {
    const body = (await input.json()) as { client_decision: string; decision_notes: string | null };
    state.sent.push({ method: input.method, path: url.pathname, body, ifMatch: input.headers.get("If-Match") });
    state.decision = body.client_decision;
    state.notes = body.decision_notes;
    state.version += 1;
    return json(record());
  }
  if (url.pathname.endsWith("/options")) return json({ on_date: "2026-12-01", jurisdiction: "EW", options: [] });
  if (url.pathname.endsWith("/advice")) return json(page([record()]));
  return json(emptyPage());
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { Options } from "../src/pages/case/Options";

test("the client's decision is recorded with the version read, and the list says what they decided", async () => {
  renderPage(<Options caseId="k1" />);
  const item = (await screen.findByText(/Low income, few assets\./)).closest("li") as HTMLElement;
  expect(item).toHaveTextContent("The client's decision: Not decided yet");
  fireEvent.click(within(item).getByText("Record the client's decision"));
  fireEvent.change(within(item).getByLabelText("The client's decision"), { target: { value: "chose_other" } });
  fireEvent.change(within(item).getByLabelText("Notes (optional)"), { target: { value: "  Wants to try a DMP first.  " } });
  fireEvent.click(within(item).getByRole("button", { name: "Save the decision" }));
  expect(await screen.findByText(/Chose another option/, { selector: "strong" })).toBeInTheDocument();
  expect(state.sent).toEqual([
    { method: "PATCH", path: "/api/v1/cases/k1/advice/a1", body: { client_decision: "chose_other", decision_notes: "Wants to try a DMP first." }, ifMatch: '"2"' },
  ]);
  expect(screen.getByText(/Low income, few assets\./).closest("li")).toHaveTextContent(": Wants to try a DMP first.");
});
