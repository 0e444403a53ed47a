// A debt changed in the console: only what the form shows is sent (PATCH, If-Match), so
// what it does not show (arrears, notes, CCJ dates) keeps its value; the CCJ answer and
// whose debt it is are part of the form; once saved, a focused banner says what was saved.
import { fireEvent, screen, within } from "@testing-library/react";
import { answer, emptyPage, json, page, renderPage } from "./harness";

const state = { sent: [] as { method: string; path: string; body: any; ifMatch: string | null }[] };
const debt = {
  id: "d1", case_id: "k1", creditor_id: null, creditor_name: "Example Bank", debt_type: "credit_card", balance_pence: 120000,
  account_reference: "EB-1", arrears_pence: 30000, ccj: false, ccj_date: null, ccj_paid_date: null, ccj_register: null, ownership: "sole",
  contractual_payment_pence: 4500, enforcement_stage: null, hp_goods_essential: null, last_acknowledgment_date: null, last_payment_date: "2026-10-01",
  notes: "Statement requested", created_at: "2026-12-01T10:00:00Z", updated_at: "2026-12-01T10:00:00Z", version: 4, reference_format: null, reference_matches: null,
  limitation: { status: "unknown", warning: false, expires_on: null },
  priority: { is_priority: false, basis: "table", rule_id: "PRI-T13", treatment: "non_priority", sanction: "county court judgment", source: "CPAG", needs_adviser_decision: false, flags: [], override_reason: null },
};
answer(async (input) => {
  const url = new URL(input.url);
  if (input.method !== "GET") {
    const body = await input.json();
    state.sent.push({ method: input.method, path: url.pathname, body, ifMatch: input.headers.get("If-Match") });
    return json({ ...debt, ...body, version: 5 });
  }
  if (url.pathname.endsWith("/debts")) return json(page([debt]));
  return json(emptyPage());
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "a", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { Debts } from "../src/pages/case/Debts";

test("a change is a PATCH of the form's fields, with the CCJ answer, and If-Match", async () => {
  renderPage(<Debts caseId="k1" />);
  const row = (await screen.findByText("EB-1")).closest("tr") as HTMLElement;
  fireEvent.click(within(row).getByRole("button", { name: /Change/ }));
  expect(screen.getByLabelText("County court judgment on it")).toHaveValue("no");
  expect(screen.getByLabelText("Whose debt")).toHaveValue("sole");
  fireEvent.change(screen.getByLabelText("County court judgment on it"), { target: { value: "yes" } });
  fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
  await vi.waitFor(() => expect(state.sent).toHaveLength(1));
  const [sent] = state.sent;
  expect([sent!.method, sent!.path, sent!.ifMatch]).toEqual(["PATCH", "/api/v1/cases/k1/debts/d1", '"4"']);
  expect(sent!.body.ccj).toBe(true);
  expect(sent!.body.last_payment_date).toBe("2026-10-01");
  // What the form does not show is not sent, so it keeps its value.
  expect(Object.keys(sent!.body).sort()).toEqual(["account_reference", "balance_pence", "ccj", "creditor_id", "debt_type", "last_payment_date", "ownership"]);
  // The form is gone once saved: a banner says so and takes the focus (it fell to the page).
  const banner = await screen.findByText("Debt saved: Example Bank, reference EB-1, balance £1,200.00.");
  expect(banner.closest("[role=status]")).toHaveFocus();
  expect(screen.queryByRole("button", { name: "Save changes" })).toBeNull();
  // Starting another change clears it.
  fireEvent.click(within(row).getByRole("button", { name: /Change/ }));
  expect(screen.queryByText(/^Debt saved/)).toBeNull();
});
