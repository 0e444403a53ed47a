// A closed case's pages: what the case records is frozen until it is reopened (the API
// refuses a change with a "case-closed" problem), so the forms that would change it are
// not offered and each page says why and what to do; an open case offers them.
import { screen } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { answer, emptyPage, json, renderPage } from "./harness";

const state = { status: "open" as "open" | "closed" };
answer((input) => {
  const url = new URL(input.url);
  if (url.pathname === "/api/v1/cases/k1")
    return json({
      id: "k1", reference: "C-000001", client_id: "cl1", client_name: "Ann Lee", status: state.status,
      opened_at: "2026-12-01T09:00:00Z", adviser_id: "u1", adviser_name: "Ada Adviser",
      closed_at: state.status === "closed" ? "2026-12-06T10:00:00Z" : null,
      close_reason: state.status === "closed" ? "advice_complete" : null, version: 3,
    });
  return json(emptyPage());
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import CasePage from "../src/pages/case/CasePage";

function show(tab: string) {
  renderPage(
    <Routes>
      <Route path="/cases/:caseId/*" element={<CasePage />} />
    </Routes>,
    { route: `/cases/k1/${tab}` },
  );
}

const HINT = /The case is closed, so .* cannot be .*: reopen it from its Overview first\./;

test.each([
  ["debts", "its debts cannot be changed", "Add a debt"],
  ["notes", "notes cannot be added", "Add note"],
  ["appointments", "appointments cannot be booked", "Book an appointment"],
])("on a closed case's %s page the form is not offered, and the page says why", async (tab, words, form) => {
  state.status = "closed";
  show(tab);
  expect(await screen.findByText(new RegExp(words))).toHaveTextContent(HINT);
  expect(screen.queryByText(form)).not.toBeInTheDocument();
});

test.each([
  ["debts", "Add a debt"],
  ["notes", "Add note"],
  ["appointments", "Book an appointment"],
])("an open case's %s page offers its form and no closed hint", async (tab, form) => {
  state.status = "open";
  show(tab);
  expect((await screen.findAllByText(form)).length).toBeGreaterThan(0);
  expect(screen.queryByText(HINT)).not.toBeInTheDocument();
});

test("the Overview of a closed case offers reopening, not a new adviser", async () => {
  state.status = "closed";
  show("");
  expect(await screen.findByRole("button", { name: "Reopen this case" })).toBeInTheDocument();
  expect(screen.queryByText("Change the adviser")).not.toBeInTheDocument();
});

test("closing says what happens: the record frozen until reopened, tasks and appointments ahead cancelled", async () => {
  state.status = "open";
  show("");
  await screen.findByText("Close this case");
  expect(screen.getByText(/cannot be changed until the case is reopened\. Its open tasks and the appointments booked ahead are cancelled\./)).toBeInTheDocument();
});
