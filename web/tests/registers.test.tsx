import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { Schemas } from "../src/api/client";
import { lineOf, PreviewResult } from "../src/pages/admin/Reference";
import { overridesBody, parseValue, shown } from "../src/pages/admin/Thresholds";
import { CorrectionForm, correctionBody, prefill } from "../src/pages/case/Correction";
import { complaintStatus, settlementStatus } from "../src/pages/case/Registers";
import { requestStatus } from "../src/pages/privacy/Registers";

describe("guidelines import", () => {
  it("reads the API's line[N].column as words", () => {
    expect(lineOf("line[7].adults")).toBe("line 7, column adults");
    expect(lineOf("line[3]")).toBe("line 3");
    expect(lineOf("source")).toBeNull();
  });

  it("shows a preview's changed figures before and after, and says nothing is stored", () => {
    const change = { adults: 1, children: 0, category: "personal", valid_from: "2026-04-06", before_pence: 5200, after_pence: 5300 };
    const preview = { dry_run: true, stored: false, rows: 18, added: [], removed: [], changed: [change], periods: [{}, {}], record: null } as unknown as Schemas["GuidelinesImportOut"];
    render(<PreviewResult preview={preview} />);
    expect(screen.getByRole("status")).toHaveTextContent("18 figures in 2 periods. 0 added, 1 changed, 0 removed. Nothing is stored until you import it.");
    const table = screen.getByRole("table", { name: /Changed figures \(1\)/ });
    expect(within(table).getAllByRole("row")[1]).toHaveTextContent(/1 adult, 0 children.*Personal.*£52.00.*£53.00/);
  });
});

describe("threshold overrides", () => {
  it("shows and reads values in their unit: pounds typed for pence", () => {
    expect(shown(5000000, "pence")).toBe("£50,000.00");
    expect(shown(12, "months")).toBe("12 months");
    expect(parseValue("£60,000.50", "pence")).toBe(6000050);
    expect(parseValue("6", "years")).toBe(6);
    expect(parseValue("lots", "pence")).toBeNull();
  });

  it("sends every override with its unit's value, a bad number as one the API names", () => {
    const units = new Map([["EW:dro.max_debt", "pence"]]);
    const drafts = [
      { jurisdiction: "EW" as const, param: "dro.max_debt", value: "60000", effective_from: "2026-04-01", reason: " pilot " },
      { jurisdiction: "EW" as const, param: "dro.max_debt", value: "x", effective_from: "2026-04-01", reason: "" },
    ];
    expect(overridesBody(drafts, units).overrides.map((o) => [o.value, o.reason])).toEqual([
      [6000000, "pilot"],
      [-1, ""],
    ]);
  });
});

describe("register badges", () => {
  it("names a settlement paid without acceptance as the breach it is", () => {
    expect(settlementStatus({ accepted_on: null, paid_on: "2026-11-01", paid_without_acceptance: true })).toEqual(["failed", "paid without acceptance"]);
    expect(settlementStatus({ accepted_on: "2026-10-01", paid_on: null, paid_without_acceptance: false })).toEqual(["accepted", "accepted"]);
    expect(settlementStatus({ accepted_on: null, paid_on: null, paid_without_acceptance: false })).toEqual(["pending", "offered"]);
  });

  it("follows a complaint and a data-subject request to their answer", () => {
    expect(complaintStatus({ acknowledged_on: null, final_response_on: null })[1]).toBe("not acknowledged");
    expect(complaintStatus({ acknowledged_on: "2026-11-01", final_response_on: "2026-11-20" })[1]).toBe("final response sent");
    expect(requestStatus({ answered_on: null, overdue: true, extended: true })[1]).toBe("overdue");
    expect(requestStatus({ answered_on: "2026-11-02", overdue: false, extended: false })[1]).toBe("answered");
  });
});

const suggestion = {
  id: "s1",
  kind: "new_debt",
  title: "Add the Lowell debt",
  version: 1,
  creditor_name: "Lowell",
  account_reference: "LW-1",
  balance_pence: 45000,
  deadline: null,
  court_claim_number: null,
  budget_line: null,
  evidence: [{ field: "balance_pence", value: "£450.00", page: 1, box: [100, 200, 60, 20], label: "Balance", role: null, score: 0.9, chosen: true }],
} as unknown as Schemas["SuggestionOut"];
const doc = { id: "d1", filename: "letter.png", content_type: "image/png", document_class: "creditor_letter" } as Schemas["DocumentOut"];

describe("reject and correct", () => {
  it("sends the class and only the values the adviser changed", () => {
    const start = prefill(suggestion, doc);
    expect(start).toMatchObject({ document_class: "creditor_letter", creditor_name: "Lowell", balance: "450.00" });
    expect(correctionBody(start, { ...start, balance: "405.00", document_class: "notice_of_assignment" }, " ")).toEqual({
      reason: null,
      correction: { document_class: "notice_of_assignment", balance_pence: 40500 },
    });
  });

  it("opens prefilled, saying where each value was read", () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <CorrectionForm s={suggestion} doc={doc} onClose={() => undefined} />
      </QueryClientProvider>,
    );
    expect(screen.getByRole("heading", { name: "Reject and correct: Add the Lowell debt" })).toHaveFocus();
    const balance = screen.getByLabelText("Balance");
    expect(balance).toHaveValue("450.00");
    expect(balance).toHaveAccessibleDescription(/^Read “£450.00” from page 1, box 1$/);
    expect(screen.getByLabelText("Creditor")).toHaveValue("Lowell");
    fireEvent.change(balance, { target: { value: "400" } });
    expect(balance).toHaveValue("400");
  });
});
