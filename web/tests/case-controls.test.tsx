// Who has the case and whether it is open, on the case's Overview: an adviser closes a
// case with a reason (and reopens it), a supervisor hands it to another adviser; each
// change sends the version the page read, and the page shows the case the API returned.
import { fireEvent, screen } from "@testing-library/react";
import type { Schemas } from "../src/api/client";
import { answer, json, renderPage } from "./harness";

const state = vi.hoisted(() => ({
  sent: [] as { method: string; path: string; body: unknown; ifMatch: string | null }[],
  permissions: [] as string[],
  status: 200,
}));
answer(async (input) => {
  const url = new URL(input.url);
  if (input.method !== "GET") {
    const body = await input.json().catch(() => null);
    state.sent.push({ method: input.method, path: url.pathname, body, ifMatch: input.headers.get("If-Match") });
    if (state.status === 412) return json({ status: 412, title: "Precondition failed", detail: "the case changed since you read it" }, 412);
    const base = { id: "k1", reference: "C-000001", client_id: "cl1", opened_at: "2026-12-01T09:00:00Z", version: 4 };
    if (url.pathname.endsWith("/close"))
      return json({ ...base, status: "closed", closed_at: "2026-12-06T10:00:00Z", close_reason: (body as { reason: string }).reason, adviser_id: "u1", adviser_name: "Ada Adviser" });
    if (url.pathname.endsWith("/reopen")) return json({ ...base, status: "open", closed_at: null, close_reason: null, adviser_id: "u1", adviser_name: "Ada Adviser" });
    return json({ ...base, status: "open", adviser_id: "u2", adviser_name: "Ben Adviser" });
  }
  if (url.pathname === "/api/v1/users")
    return json({ items: [{ id: "u1", display_name: "Ada Adviser" }, { id: "u2", display_name: "Ben Adviser" }], total: 2, limit: 200, offset: 0 });
  if (url.pathname.endsWith("/timeline")) return json({ items: [], total: 0, limit: 50, offset: 0, next_cursor: null });
  return json({ id: "cl1", first_name: "Ann", last_name: "Lee" });
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({
    me: { user_id: "u1", centre_id: "c", roles: [], permissions: state.permissions },
    can: (p: string) => state.permissions.includes(p),
  }),
}));

import { Overview } from "../src/pages/case/Overview";

const open = {
  id: "k1", reference: "C-000001", client_id: "cl1", client_name: "Ann Lee", status: "open", opened_at: "2026-12-01T09:00:00Z",
  adviser_id: "u1", adviser_name: "Ada Adviser", closed_at: null, close_reason: null, version: 3,
} as Schemas["CaseOut"];

function show(kase: Schemas["CaseOut"]) {
  return renderPage(<Overview kase={kase} />).qc;
}

beforeEach(() => {
  state.sent.length = 0;
  state.status = 200;
});

test("the summary names the adviser and the client; with no rights to change them, nothing is offered", () => {
  state.permissions = [];
  show({ ...open, adviser_id: null, adviser_name: null });
  expect(screen.getByText("Unassigned")).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Ann Lee" })).toHaveAttribute("href", "/clients/cl1");
  expect(screen.queryByText("Close this case")).not.toBeInTheDocument();
  expect(screen.queryByText("Change the adviser")).not.toBeInTheDocument();
});

test("an adviser closes the case with a reason, sending the version read; the page shows it closed", async () => {
  state.permissions = ["case:close"];
  const qc = show(open);
  expect(screen.queryByText("Change the adviser")).not.toBeInTheDocument();
  fireEvent.click(screen.getByText("Close this case"));
  fireEvent.change(screen.getByLabelText("Why it is closed"), { target: { value: "solution_in_place" } });
  fireEvent.click(screen.getByRole("button", { name: "Close case" }));
  expect(await screen.findByText("C-000001 is closed. Its record is kept; reopen it if the client comes back.")).toBeInTheDocument();
  expect(state.sent).toEqual([{ method: "POST", path: "/api/v1/cases/k1/close", body: { reason: "solution_in_place" }, ifMatch: '"3"' }]);
  const now = qc.getQueryData<Schemas["CaseOut"]>(["case", "k1"]);
  expect(now?.status).toBe("closed");
});

test("a closed case says when and why, and is reopened with the version read", async () => {
  state.permissions = ["case:close"];
  show({ ...open, status: "closed", closed_at: "2026-12-05T10:00:00Z", close_reason: "advice_complete", version: 7 });
  expect(screen.getByText("Closed on 5 Dec 2026: advice complete")).toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: "Reopen this case" }));
  expect(await screen.findByText("C-000001 is open again.")).toBeInTheDocument();
  expect(state.sent).toEqual([{ method: "POST", path: "/api/v1/cases/k1/reopen", body: null, ifMatch: '"7"' }]);
});

test("a supervisor hands the case to another adviser; a change someone else made first is said plainly", async () => {
  state.permissions = ["case:close", "case:assign"];
  show(open);
  fireEvent.click(screen.getByText("Change the adviser"));
  const select = screen.getByLabelText("Adviser");
  await screen.findByRole("option", { name: "Ben Adviser" });
  fireEvent.change(select, { target: { value: "u2" } });
  state.status = 412;
  fireEvent.click(screen.getByRole("button", { name: "Save the adviser" }));
  expect(await screen.findByText("the case changed since you read it")).toBeInTheDocument();
  state.status = 200;
  fireEvent.click(screen.getByRole("button", { name: "Save the adviser" }));
  expect(await screen.findByText("C-000001 is now Ben Adviser's case.")).toBeInTheDocument();
  expect(state.sent.map((s) => [s.method, s.path, s.body, s.ifMatch])).toEqual([
    ["PATCH", "/api/v1/cases/k1", { adviser_id: "u2" }, '"3"'],
    ["PATCH", "/api/v1/cases/k1", { adviser_id: "u2" }, '"3"'],
  ]);
});
