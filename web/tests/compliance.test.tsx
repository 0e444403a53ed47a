// A case's compliance page: only broken rules carry a severity; rules that cannot be
// checked say what to do; rules met or not applying are folded away, with no warning tag.
import { screen, within } from "@testing-library/react";
import { answer, json, renderPage } from "./harness";

const f = (rule_id: string, severity: string, status: string, message: string, fix: string | null = null) => ({
  rule_id, severity, status, message, facts: {}, fix, due_on: null,
});
const body = {
  case_id: "k1",
  evaluated_at: "2026-12-04T10:00:00Z",
  stored: true,
  summary: { pass: 1, fail: 2, not_assessable: 1, not_applicable: 1 },
  findings: [
    f("CR-09", "medium", "fail", "No credit report check is recorded", "Check the report"),
    f("CR-04", "critical", "pass", "No threats are recorded on the case."),
    f("CR-14", "critical", "not_applicable", "No DRO is recommended."),
    f("CR-07", "high", "not_assessable", "Cannot check: no budget", "Load the budget"),
    f("CR-02", "high", "fail", "Consent is not recorded"),
  ],
};
answer(() => json(body));

import { Compliance } from "../src/pages/case/Compliance";

test("broken rules come first, worst first, and only they carry a severity", async () => {
  renderPage(<Compliance caseId="k1" />);
  expect(await screen.findByText(/2 rules broken, 1 cannot be checked yet/)).toBeInTheDocument();
  const broken = screen.getByRole("heading", { name: "Rules broken" }).nextElementSibling as HTMLElement;
  const cards = within(broken).getAllByRole("listitem").map((li) => li.querySelector("h4")!.textContent);
  expect(cards).toEqual(["high CR-02", "medium CR-09"]);
  const unchecked = screen.getByRole("heading", { name: "Cannot be checked yet" }).nextElementSibling as HTMLElement;
  expect(within(unchecked).getByText("Load the budget")).toBeInTheDocument();
  expect(within(unchecked).queryByText("high")).toBeNull();
  // Met and not applying: folded away, and no "critical" tag for a rule that does not apply.
  expect(screen.getByText("Rules met (1)")).toBeInTheDocument();
  expect(screen.getByText("Rules that do not apply yet (1)")).toBeInTheDocument();
  expect(screen.queryByText("critical")).toBeNull();
});
