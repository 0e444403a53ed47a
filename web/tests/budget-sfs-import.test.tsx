// An SFS from another agency is imported as the case's budget: the file's bytes as they are,
// its format from its name, the budget's version read (If-Match); a file the API refuses is
// reported in its words, and no file is refused by its box with nothing sent.
import { fireEvent, screen } from "@testing-library/react";
import { answer, emptyPage, json, renderPage } from "./harness";

const state = { sent: [] as { url: string; type: string | null; ifMatch: string | null; body: string }[], refuse: false };
const details = {
  additional_notes: [], client_address: null, client_date_of_birth: null, client_employment_status: [], client_employment_status_other: null,
  client_name: null, housing_tenure_other: null, is_joint_application: false, partner_date_of_birth: null, partner_employment_status: [],
  partner_employment_status_other: null, partner_name: null,
};
const out = {
  case_id: "k1", version: 3, completed_at: null, deficit: null, details, guidelines: [], guidelines_loaded: false, updated_at: "2026-12-01T10:00:00Z",
  summary: { available_for_non_priority_pence: 0, available_for_priority_pence: 0, debt_admin_fee_pence: 0, income_minus_outgoings_pence: 0, savings_contribution_pence: 0, total_fixed_pence: 0, total_flexible_pence: 0, total_income_pence: 0, total_outgoings_pence: 0, total_priority_offers_pence: 0 },
  budget: {
    lines: {}, household: null, category_notes: {}, other_essentials: [],
    debt_admin_fee_pence: 0, savings_contribution_pence: 0, savings_contribution_considered: null, asset_use_considered: null,
  },
};
answer(async (input) => {
  const url = new URL(input.url);
  if (input.method === "POST" && url.pathname.endsWith("/sfs")) {
    state.sent.push({ url: `${url.pathname}${url.search}`, type: input.headers.get("Content-Type"), ifMatch: input.headers.get("If-Match"), body: await input.text() });
    if (state.refuse)
      return json(
        { type: "about:blank", title: "Invalid input", status: 422, detail: "body: SFS-DDS v1.1: not the SFS data entry document", errors: [{ field: "body", message: "SFS-DDS v1.1: not the SFS data entry document" }] },
        422,
      );
    return json({ ...out, version: 4, summary: { ...out.summary, total_income_pence: 141050, total_outgoings_pence: 98000 } });
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

function choose(name: string, text: string) {
  const input = screen.getByLabelText("Statement file") as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name)] } });
}

beforeEach(() => {
  state.sent.length = 0;
  state.refuse = false;
});

test("the chosen file is sent as it is, as XML by its name, with the budget's version", async () => {
  show();
  fireEvent.click(await screen.findByText("Import an SFS from another agency"));
  fireEvent.click(screen.getByRole("button", { name: "Import the statement" }));
  expect(await screen.findAllByText(/choose the statement's file/)).not.toHaveLength(0);
  expect(state.sent).toEqual([]);

  choose("referral.xml", "<sfs>statement</sfs>");
  fireEvent.click(screen.getByRole("button", { name: "Import the statement" }));
  expect(await screen.findByText(/Imported: the budget now holds the statement's figures \(income £1,410\.50 a month/)).toBeInTheDocument();
  expect(state.sent).toEqual([{ url: "/api/v1/cases/k1/sfs?format=xml", type: "application/xml", ifMatch: '"3"', body: "<sfs>statement</sfs>" }]);
});

test("a file the API refuses is reported in its words", async () => {
  state.refuse = true;
  show();
  fireEvent.click(await screen.findByText("Import an SFS from another agency"));
  choose("statement.json", '{"a": 1}');
  fireEvent.click(screen.getByRole("button", { name: "Import the statement" }));
  expect(await screen.findAllByText(/not the SFS data entry document/)).not.toHaveLength(0);
  expect(state.sent.map((s) => [s.url, s.type])).toEqual([["/api/v1/cases/k1/sfs?format=json", "application/json"]]);
});
