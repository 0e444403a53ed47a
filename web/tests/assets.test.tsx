// The client's assets and circumstances: read as a summary ("Not known" where nothing is
// recorded), changed in a form that sends the whole record back with the version read,
// keeping what it does not edit (a vehicle's flags, past procedures, pensions), with
// "not known" as null, and refusing an amount that is not one next to its box.
import { fireEvent, screen } from "@testing-library/react";
import { yesNo } from "../src/components/yesNo";
import { amount } from "../src/pages/case/Assets";
import { answer, json, renderPage } from "./harness";

const state = { sent: [] as { body: Record<string, unknown>; ifMatch: string | null }[] };
{
  const status = Object.fromEntries(
    ["bro_or_bru", "debtor_petition_referred_to_dro", "drro_or_drru", "in_breathing_space", "in_dro", "in_interim_order", "in_iva", "in_map_or_sequestration",
      "in_mental_health_crisis_moratorium", "in_trust_deed", "pending_creditor_petition", "pending_debtor_petition", "petitioning_creditor_consents", "undischarged_bankrupt"].map((k) => [k, null]),
  );
  const facts = {
    case_id: "k1", centre_id: "c", created_at: "2026-12-01T10:00:00Z", updated_at: "2026-12-01T10:00:00Z", version: 3,
    amhp_evidence: null, benefits_only_months: null, jurisdiction: "EW", lump_sum_available_pence: null, receiving_crisis_treatment: null,
    unable_to_pay_debts_as_due: null,
    assets: {
      savings_and_cash_pence: null, owns_property: false, pensions: [{ description: "Work pension", value_pence: 100000, in_payment: false }], properties: [],
      vehicles: [{ description: "2012 Ford Fiesta", value_pence: 150000, outstanding_finance_pence: null, needed_for_work: true, adapted_for_disability: null, work_only: null }],
      other_assets: null,
    },
    residence: { domiciled: true, ordinarily_resident: null, lived_there_last_year: null, connected_last_3_years: null, jurisdiction: "EW" },
    insolvency: { current: status, previous: [{ kind: "dro", ended_on: "2019-01-01" }] },
  };
  answer(async (input) => {
    if (input.method === "PUT") {
      const body = (await input.json()) as Record<string, unknown>;
      state.sent.push({ body, ifMatch: input.headers.get("If-Match") });
      return json({ ...facts, ...body, version: 4 });
    }
    return json(facts);
  });
}

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { Assets } from "../src/pages/case/Assets";

function show() {
  renderPage(<Assets caseId="k1" />);
}

beforeEach(() => {
  state.sent.length = 0;
});

test("amounts and yes/no", () => {
  expect(amount("", "f")).toBeNull();
  expect(amount("£1,250.50", "f")).toBe(125050);
  expect(() => amount("lots", "assets.savings_and_cash_pence")).toThrow();
  expect(() => amount("-5", "f")).toThrow();
  expect([yesNo(true), yesNo(false), yesNo(null)]).toEqual(["yes", "no", ""]);
});

test("the summary says what is known; the form sends the whole record back, keeping what it does not edit", async () => {
  show();
  expect(await screen.findByText("2012 Ford Fiesta (£1,500.00)")).toBeInTheDocument();
  expect(screen.getByText("Savings and cash", { selector: "dt" }).nextSibling).toHaveTextContent("Not known");
  fireEvent.click(screen.getByText("Change the assets and circumstances"));
  fireEvent.change(screen.getByLabelText("Savings and cash"), { target: { value: "120.50" } });
  fireEvent.change(screen.getByLabelText("Finance owed on it"), { target: { value: "300" } });
  fireEvent.click(screen.getByRole("button", { name: "Add an asset" }));
  fireEvent.change(screen.getByLabelText("Asset 1"), { target: { value: "Engagement ring" } });
  fireEvent.change(screen.getAllByLabelText("Worth")[1] as HTMLElement, { target: { value: "400" } });
  fireEvent.change(screen.getByLabelText("Is an insolvency procedure or a Breathing Space in force now?"), { target: { value: "yes" } });
  fireEvent.click(screen.getByLabelText("Breathing Space"));
  fireEvent.click(screen.getByRole("button", { name: "Save assets and circumstances" }));
  expect(await screen.findByText("The client's assets and circumstances are saved.")).toBeInTheDocument();
  expect(state.sent).toHaveLength(1);
  const { body, ifMatch } = state.sent[0] as { body: Record<string, any>; ifMatch: string };
  expect(ifMatch).toBe('"3"');
  expect(body.version).toBeUndefined();
  expect(body.assets.savings_and_cash_pence).toBe(12050);
  expect(body.assets.owns_property).toBe(false);
  expect(body.assets.vehicles).toEqual([
    { description: "2012 Ford Fiesta", value_pence: 150000, outstanding_finance_pence: 30000, needed_for_work: true, adapted_for_disability: null, work_only: null },
  ]);
  expect(body.assets.other_assets).toEqual([{ description: "Engagement ring", value_pence: 40000 }]);
  expect(body.assets.pensions).toEqual([{ description: "Work pension", value_pence: 100000, in_payment: false }]);
  expect(body.insolvency.previous).toEqual([{ kind: "dro", ended_on: "2019-01-01" }]);
  expect(body.insolvency.current.in_breathing_space).toBe(true);
  expect(body.insolvency.current.in_dro).toBe(false);
  expect(body.residence).toEqual({ domiciled: true, ordinarily_resident: null, lived_there_last_year: null, connected_last_3_years: null, jurisdiction: "EW" });
  expect(body.unable_to_pay_debts_as_due).toBeNull();
});

test("an amount that is not one is refused next to its box, and nothing is sent", async () => {
  show();
  fireEvent.click(await screen.findByText("Change the assets and circumstances"));
  fireEvent.change(screen.getByLabelText("Savings and cash"), { target: { value: "lots" } });
  fireEvent.click(screen.getByRole("button", { name: "Save assets and circumstances" }));
  expect(await screen.findAllByText(/must be an amount in pounds/)).not.toHaveLength(0);
  expect(screen.getByLabelText("Savings and cash")).toHaveValue("lots");
  expect(state.sent).toEqual([]);
});
