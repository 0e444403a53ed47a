// The options appraisals saved on a case, newest first, each with what moved from the one
// before it (a DRO lost after the income rose is what a reviewer looks for).
import { screen, within } from "@testing-library/react";
import type { Schemas } from "../src/api/client";
import { Tag } from "../src/components/ui";
import { appraisalChanges, eligibleFor, SavedAppraisals } from "../src/pages/case/SavedAppraisals";
import { answer, json, page, renderPage } from "./harness";

type Saved = Schemas["AppraisalRecord"];

function saved(id: string, at: string, statuses: Record<string, string>, jurisdiction = "EW"): Saved {
  return {
    id, case_id: "k1", centre_id: "c", created_at: at, created_by: null, version: 1,
    appraisal: {
      jurisdiction, on_date: at.slice(0, 10),
      options: Object.entries(statuses).map(([solution, status]) => ({ solution, status, jurisdiction, on_date: at.slice(0, 10), reasons: [] })),
    },
  } as unknown as Saved;
}

const first = saved("a1", "2026-11-02T10:00:00Z", { dro: "eligible", bankruptcy: "adviser_judgement", dmp: "eligible" });
const second = saved("a2", "2026-11-20T15:30:00Z", { dro: "not_eligible", bankruptcy: "adviser_judgement", dmp: "eligible" });
const third = saved("a3", "2026-12-01T09:00:00Z", { dro: "not_eligible", bankruptcy: "adviser_judgement", dmp: "eligible" });
let items: Saved[] = [];
let asked: string[] = [];
answer((r) => {
  const url = new URL(r.url);
  asked.push(url.pathname);
  return json(page(items));
});

beforeEach(() => {
  asked = [];
});

test("what moved between two saved appraisals is said in words", () => {
  expect(appraisalChanges(first, second)).toEqual(["DRO: eligible → not eligible"]);
  expect(appraisalChanges(second, third)).toEqual([]);
  const scotland = saved("s", "2026-12-02T09:00:00Z", { dro: "not_eligible", sequestration: "eligible" }, "SCO");
  expect(appraisalChanges(third, scotland)).toEqual(["Jurisdiction: EW → SCO", "Sequestration: eligible (not appraised before)"]);
  expect(eligibleFor(second)).toBe("DMP");
  expect(eligibleFor(saved("n", "2026-12-03T09:00:00Z", { dro: "not_eligible" }))).toBe("None");
});

test("a change names a status in the words its tag shows", () => {
  const later = saved("a4", "2026-12-04T09:00:00Z", { dro: "adviser_judgement", bankruptcy: "adviser_judgement", dmp: "eligible" });
  expect(appraisalChanges(third, later)).toEqual(["DRO: not eligible → adviser's judgement"]);
  renderPage(<Tag value="adviser_judgement" />);
  expect(screen.getByText("adviser's judgement")).toHaveClass("govuk-tag", "govuk-tag--yellow");
});

test("saved appraisals are listed newest first, each against the one before", async () => {
  items = [first, third, second];
  renderPage(<SavedAppraisals caseId="k1" />);
  const table = await screen.findByRole("table", { name: /Saved appraisals, newest first/ });
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows.map((r) => within(r).getAllByRole("cell")[3]!.textContent)).toEqual(["Nothing", "DRO: eligible → not eligible", "The first saved"]);
  expect(within(rows[1]!).getAllByRole("cell")[2]).toHaveTextContent("DMP");
  expect(within(rows[2]!).getAllByRole("cell")[2]).toHaveTextContent("DRO, DMP");
  expect(asked).toEqual(["/api/v1/cases/k1/appraisals"]);
});

test("a case with none saved says so", async () => {
  items = [];
  renderPage(<SavedAppraisals caseId="k1" />);
  expect(await screen.findByText("No appraisal saved on this case yet.")).toBeInTheDocument();
});
