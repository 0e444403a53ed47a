// The budget's household and what was considered: recorded in the editor and sent with the
// lines (the SFS needs them to be exported); what the editor read and did not change — an
// asset-use answer, the SFS details — goes back as read, not cleared.
import { fireEvent, screen, within } from "@testing-library/react";
import { answer, emptyPage, json, renderPage } from "./harness";

const state = { sent: [] as any[] };
const details = {
  additional_notes: [], client_address: null, client_date_of_birth: "1980-01-01", client_employment_status: ["Retired", "Carer"],
  client_employment_status_other: null, client_name: "Ann Lee", housing_tenure_other: null, is_joint_application: false,
  partner_date_of_birth: null, partner_employment_status: [], partner_employment_status_other: null, partner_name: null,
};
const out = {
  case_id: "k1", version: 2, completed_at: null, deficit: null, details, guidelines: [], guidelines_loaded: false, updated_at: "2026-12-01T10:00:00Z",
  summary: { available_for_non_priority_pence: 0, available_for_priority_pence: 0, debt_admin_fee_pence: 0, income_minus_outgoings_pence: 0, savings_contribution_pence: 0, total_fixed_pence: 0, total_flexible_pence: 0, total_income_pence: 0, total_outgoings_pence: 0, total_priority_offers_pence: 0 },
  budget: {
    lines: { rent: { key: "rent", amount_pence: 50000, frequency: "monthly", note: null } }, household: null, category_notes: {}, other_essentials: [],
    debt_admin_fee_pence: 0, savings_contribution_pence: 0, savings_contribution_considered: null, asset_use_considered: true,
  },
};
answer(async (input) => {
  const url = new URL(input.url);
  if (input.method === "PUT") {
    state.sent.push({ body: await input.json(), ifMatch: input.headers.get("If-Match") });
    return json({ ...out, version: 3 });
  }
  if (url.pathname.endsWith("/budget")) return json(out);
  return json(emptyPage());
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { Budget } from "../src/pages/case/Budget";

function show() {
  renderPage(<Budget caseId="k1" />);
}

beforeEach(() => {
  state.sent.length = 0;
});

test("the household, the client's work and the savings answer are sent; the asset answer and other details go back as read", async () => {
  show();
  fireEvent.change(await screen.findByLabelText("Housing"), { target: { value: "Tenant - private sector" } });
  fireEvent.click(screen.getByLabelText("The client has a partner"));
  fireEvent.change(screen.getByLabelText("Children under 16"), { target: { value: "2" } });
  fireEvent.change(screen.getByLabelText("The client's work"), { target: { value: "Part-time" } });
  fireEvent.change(screen.getByLabelText("Was a contribution to savings considered?"), { target: { value: "no" } });
  fireEvent.click(screen.getByRole("button", { name: "Save budget" }));
  await vi.waitFor(() => expect(state.sent).toHaveLength(1));
  const { body, ifMatch } = state.sent[0];
  expect(ifMatch).toBe('"2"');
  expect(body.household).toEqual({
    has_partner: true, tenure: "Tenant - private sector", dependent_children_under_16: 2, dependent_children_16_18: 0, other_dependants: 0, non_dependants: 0, vehicles: 0,
  });
  expect(body.details.client_employment_status).toEqual(["Part-time", "Carer"]);
  expect(body.details.client_date_of_birth).toBe("1980-01-01");
  expect(body.savings_contribution_considered).toBe(false);
  expect(body.asset_use_considered).toBe(true);
  // The save is said, and the banner saying it has the focus (the pressed button is redrawn).
  const said = await screen.findByText("The budget is saved: income £0.00 a month, outgoings £0.00.");
  expect(said.closest(".govuk-notification-banner")).toHaveFocus();
});

test("a count that is not a whole number is refused by its box, and nothing is sent", async () => {
  show();
  fireEvent.change(await screen.findByLabelText("Vehicles"), { target: { value: "two" } });
  fireEvent.click(screen.getByRole("button", { name: "Save budget" }));
  expect(await screen.findAllByText(/must be a whole number, like 2/)).not.toHaveLength(0);
  expect(state.sent).toEqual([]);
});

test("a partner's name, date of birth and work, and a joint statement, are sent; none once the client has no partner", async () => {
  show();
  fireEvent.click(await screen.findByLabelText("The client has a partner"));
  fireEvent.change(screen.getByLabelText("Partner's name"), { target: { value: "Sam Lee" } });
  const born = screen.getByRole("group", { name: "Partner's date of birth" });
  fireEvent.change(within(born).getByLabelText("Day"), { target: { value: "4" } });
  fireEvent.change(within(born).getByLabelText("Month"), { target: { value: "3" } });
  fireEvent.change(within(born).getByLabelText("Year"), { target: { value: "1979" } });
  fireEvent.change(screen.getByLabelText("Partner's work"), { target: { value: "Full-time" } });
  fireEvent.click(screen.getByLabelText(/^Joint statement/));
  fireEvent.click(screen.getByRole("button", { name: "Save budget" }));
  await vi.waitFor(() => expect(state.sent).toHaveLength(1));
  expect(state.sent[0].body.details).toMatchObject({
    partner_name: "Sam Lee", partner_date_of_birth: "1979-03-04", partner_employment_status: ["Full-time"], is_joint_application: true, client_name: "Ann Lee",
  });

  fireEvent.click(screen.getByLabelText("The client has a partner"));
  expect(screen.queryByLabelText("Partner's name")).not.toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: "Save budget" }));
  await vi.waitFor(() => expect(state.sent).toHaveLength(2));
  expect(state.sent[1].body.details).toMatchObject({ partner_name: null, partner_date_of_birth: null, partner_employment_status: [], is_joint_application: false });
});

test("a partner's date of birth that is not a date is refused by its box, and nothing is sent", async () => {
  show();
  fireEvent.click(await screen.findByLabelText("The client has a partner"));
  const born = screen.getByRole("group", { name: "Partner's date of birth" });
  fireEvent.change(within(born).getByLabelText("Day"), { target: { value: "31" } });
  fireEvent.change(within(born).getByLabelText("Month"), { target: { value: "2" } });
  fireEvent.change(within(born).getByLabelText("Year"), { target: { value: "1979" } });
  fireEvent.click(screen.getByRole("button", { name: "Save budget" }));
  expect(await screen.findAllByText(/real date/)).not.toHaveLength(0);
  expect(state.sent).toEqual([]);
});
