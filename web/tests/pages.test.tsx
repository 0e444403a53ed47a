import { render, screen, within } from "@testing-library/react";
import type { Schemas } from "../src/api/client";
import { ScreeningList } from "../src/pages/case/FirstContact";
import { boxedPages, byField, changes, countedFrom, EvidenceList, marks, place, sharedBoxes, uses } from "../src/pages/case/Evidence";
import { merged } from "../src/pages/case/Reminders";
import { hitLink, Snippet } from "../src/pages/search/Search";

const suggestion = {
  id: "s1",
  kind: "update_debt",
  title: "Update the Lowell balance",
  creditor_name: "Lowell",
  account_reference: "LW-1",
  balance_pence: 45000,
  previous_balance_pence: 50000,
  evidence: [
    { field: "balance", value: "£500.00", page: 1, box: [10, 20, 30, 40], label: "Old balance", role: "previous", score: 0.4, chosen: false },
    { field: "balance", value: "£450.00", page: 1, box: [100, 200, 60, 20], label: "Balance", role: "balance due", score: 0.9, chosen: true },
    { field: "creditor_name", value: "Lowell", page: 2, box: null, label: null, role: null, score: 0.8, chosen: true },
  ],
} as unknown as Schemas["SuggestionOut"];
const pdf = { id: "d1", filename: "letter.pdf", content_type: "application/pdf" } as Schemas["DocumentOut"];

describe("document evidence", () => {
  it("says what accepting changes", () => {
    expect(changes(suggestion)).toEqual([
      ["Changes the debt with", "Lowell, ref LW-1"],
      ["Balance", "from £500.00 to £450.00"],
    ]);
  });

  it("groups values by field, the used one first, and places them in words", () => {
    const f = byField(suggestion.evidence!);
    expect(f.get("balance")!.map((e) => e.value)).toEqual(["£450.00", "£500.00"]);
    expect(place(f.get("balance")![0]!, pdf)).toBe("page 1, about 0.8 cm from the left and 1.7 cm from the top");
    expect(place(f.get("creditor_name")![0]!, pdf)).toBe("page 2 (not located on the page)");
    // An image's pixels mean nothing to an adviser: its box is named by its number.
    expect(place(f.get("balance")![0]!, undefined)).toBe("page 1");
    expect(place(f.get("balance")![0]!, undefined, 1)).toBe("page 1, box 1");
  });

  it("numbers each located value as the table lists it, the same number as on its box", () => {
    const m = marks(suggestion.evidence!);
    const [used, alternative, unlocated] = [...byField(suggestion.evidence!).values()].flat();
    expect(m.get(used!)).toBe(1);
    expect(m.get(alternative!)).toBe(2);
    expect(m.has(unlocated!)).toBe(false);
  });

  it("lists a suggestion's own values first, and what else the document said apart, numbered on", () => {
    const deadline = {
      ...suggestion,
      kind: "response_deadline",
      evidence: [
        { field: "balance_pence", value: "£450.00", page: 1, box: [100, 200, 60, 20], label: "Balance", role: null, score: 0.9, chosen: true },
        { field: "deadline_date", value: "2026-11-30", page: 1, box: [10, 300, 80, 20], label: "Please pay by", role: null, score: 0.9, chosen: true },
      ],
    } as unknown as Schemas["SuggestionOut"];
    expect(uses("response_deadline", "balance_pence")).toBe(false);
    expect(uses("response_deadline", "a_field_not_known_here")).toBe(true);
    // A claim's date of service is what its deadline counts from: not part of a debt.
    expect([uses("court_claim_deadline", "served_date"), uses("update_debt", "served_date")]).toEqual([true, false]);
    render(<EvidenceList s={deadline} doc={pdf} />);
    const own = screen.getByRole("table", { name: "Where each value came from in letter.pdf" });
    expect(within(own).getAllByRole("row")).toHaveLength(2);
    expect(own).toHaveTextContent(/Deadline date\s*used.*“30 Nov 2026”.*page 1, box 1/);
    expect(screen.getByText("Other values read from letter.pdf (1)").closest("details")).not.toHaveAttribute("open");
    const others = screen.getByRole("table", { name: "Other values read from letter.pdf, not part of this suggestion", hidden: true });
    expect(others).toHaveTextContent(/Balance\s*used.*£450.00.*page 1, box 2/);
  });

  it("draws a place read for two values as one box with both numbers, solid if either is used", () => {
    const evidence = [
      ...suggestion.evidence!,
      { field: "gross_pence", value: "£450.00", page: 1, box: [100, 200, 60, 20], label: "Balance", role: null, score: 0.2, chosen: false },
    ] as Schemas["EvidenceOut"][];
    expect(sharedBoxes(evidence, 1)).toEqual([
      { box: [100, 200, 60, 20], numbers: [1, 3], chosen: true },
      { box: [10, 20, 30, 40], numbers: [2], chosen: false },
    ]);
    expect(sharedBoxes(evidence, 2)).toEqual([]);
  });

  it("lists each value with its alternatives and where it was read", () => {
    render(<EvidenceList s={suggestion} doc={pdf} />);
    const table = screen.getByRole("table", { name: /Where each value came from in letter.pdf/ });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent(/Balance\s*used.*£450.00.*balance due.*next to “Balance”.*1\s*page 1, box 1, about 0.8 cm/);
    expect(rows[2]).toHaveTextContent(/alternative.*£500.00.*2\s*page 1, box 2/);
    expect(rows[3]).toHaveTextContent(/page 2 \(not located on the page\)/);
  });
});

describe("ScreeningList", () => {
  const base = {
    id: "sc1",
    case_id: "c1",
    on: "2026-12-01",
    guide_version: "2026-01",
    drivers: [],
    answers: {},
    adjustments: [],
    no_adjustment_reason: null,
    notes: null,
    created_at: "",
    created_by: null,
    updated_at: "",
    version: 1,
  };
  it("shows withheld parts as withheld, never blank", () => {
    render(<ScreeningList items={[{ ...base, withheld: ["drivers", "answers", "adjustments", "notes"] }]} />);
    expect(screen.getAllByText("Withheld")).toHaveLength(4);
    expect(screen.getByText(/Some details are withheld/)).toBeInTheDocument();
  });
  it("shows the content to a reader allowed to see it", () => {
    render(<ScreeningList items={[{ ...base, withheld: [], drivers: ["bereavement"], notes: "Prefers letters" }]} />);
    expect(screen.queryByText("Withheld")).toBeNull();
    expect(screen.getByText("Bereavement")).toBeInTheDocument();
    expect(screen.getByText("Prefers letters")).toBeInTheDocument();
  });
});

describe("search", () => {
  it("highlights the matched words", () => {
    const { container } = render(
      <Snippet parts={[{ text: "Called about ", match: false }, { text: "council", match: true }, { text: " tax", match: false }]} />,
    );
    expect(container.querySelectorAll("mark")).toHaveLength(1);
    expect(container.querySelector("mark")).toHaveTextContent("council");
    expect(container).toHaveTextContent("Called about council tax");
  });
  it("opens each kind of hit where it lives", () => {
    const hit = (kind: Schemas["SearchKind"], case_id: string | null, client_id: string | null) =>
      ({ kind, case_id, client_id, id: "x", title: "t", score: 1, snippet: [] }) as Schemas["SearchHitOut"];
    expect(hitLink(hit("client", null, "k1"))).toBe("/clients/k1");
    expect(hitLink(hit("case", "c1", "k1"))).toBe("/cases/c1");
    expect(hitLink(hit("note", "c1", null))).toBe("/cases/c1/notes");
    expect(hitLink(hit("contact", "c1", null))).toBe("/cases/c1/contacts");
    expect(hitLink(hit("document", null, null))).toBeNull();
  });
});

describe("budget suggestions", () => {
  it("says which budget line a statement's spending sets, per frequency, and to whom", () => {
    const s = { ...suggestion, kind: "new_expenditure", budget_line: "energy", balance_pence: 8500, frequency: "monthly", creditor_name: "Octopus Energy" } as Schemas["SuggestionOut"];
    const rows = changes(s);
    expect(rows[0]?.[0]).toBe("Sets the spending line");
    expect(rows[0]?.[1]).toContain("£85.00");
    expect(rows[1]).toEqual(["Paid to", "Octopus Energy"]);
  });
});

describe("deadline suggestions", () => {
  it("say when a claim's date of service is the deemed one still ahead, and only then", () => {
    const claim = { ...suggestion, kind: "court_claim_deadline", fact_date: "2026-12-09" } as Schemas["SuggestionOut"];
    expect(countedFrom(claim, "2026-12-05")).toBe("9 Dec 2026 (the deemed date of service, still ahead)");
    expect(countedFrom(claim, "2026-12-09")).toBe("9 Dec 2026");
    const notice = { ...claim, kind: "enforcement_deadline" } as Schemas["SuggestionOut"];
    expect(countedFrom(notice, "2026-12-05")).toBe("9 Dec 2026");
  });
});

describe("page images", () => {
  it("offers the pages that hold a located value, once each, in order", () => {
    expect(boxedPages(suggestion.evidence ?? [])).toEqual([1]);
    const e = (page: number, box: number[] | null) => ({ field: "x", page, box }) as unknown as Schemas["EvidenceOut"];
    expect(boxedPages([e(3, [1, 2, 3, 4]), e(2, null), e(1, [0, 0, 1, 1]), e(3, [5, 5, 1, 1])])).toEqual([1, 3]);
  });
});

describe("reminders for a case", () => {
  it("lists a case's stored and planned reminders together, soonest first", () => {
    const r = (key: string, send_at: string) => ({ key, send_at }) as Schemas["ReminderOut"];
    const stored = [r("sent", "2026-11-20T09:00:00Z"), r("pending", "2026-11-25T09:00:00Z")];
    const planned = [r("b", "2026-11-22T09:00:00Z"), r("a", "2026-11-22T09:00:00Z")];
    expect(merged(stored, planned).map((x) => x.key)).toEqual(["sent", "a", "b", "pending"]);
  });
});
