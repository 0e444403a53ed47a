// The Cases page shows what the case list read model holds (client, adviser, next deadline,
// open tasks, failing findings, last activity), and filters by any of the centre's advisers.
import { fireEvent, render, screen, within } from "@testing-library/react";
import { answer, json, renderPage } from "./harness";

const calls = { urls: [] as string[], staff: 200 };
const row = {
  id: "k1", reference: "C-000042", client_id: "cl1", status: "open", adviser_id: "u2",
  opened_at: "2026-11-01T09:00:00Z", updated_at: "2026-12-01T09:00:00Z", closed_at: null,
  close_reason: null, version: 3, client_name: "Ann Lee", adviser_name: "Bea Adviser",
  next_deadline: "2026-12-03", open_tasks: 4,
  findings: { critical: 1, high: 0, medium: 2, not_assessable: 5, passed: 9 },
  last_activity_at: "2026-12-02T10:00:00Z",
};
answer((input) => {
  const url = new URL(input.url);
  calls.urls.push(url.pathname + url.search);
  if (url.pathname === "/api/v1/users") {
    if (calls.staff !== 200) return json({ status: 403, title: "Forbidden" }, 403);
    const items = [{ id: "u2", display_name: "Bea Adviser", roles: ["adviser"], active: true }];
    return json({ items, total: 1, limit: 200, offset: 0, next_cursor: null });
  }
  return json({ items: [row], total: 1, limit: 20, offset: 0, next_cursor: null });
});

import { CasesList, NextDeadline } from "../src/pages/CasesList";

function show() {
  renderPage(<CasesList />, { route: "/cases" });
}

test("a row shows the client, adviser, deadline, tasks and failing findings", async () => {
  show();
  const row = (await screen.findByRole("link", { name: "C-000042" })).closest("tr")!;
  expect(within(row).getByText("Ann Lee")).toBeInTheDocument();
  expect(within(row).getAllByText("Bea Adviser").length).toBe(1);
  expect(within(row).getByText("4")).toBeInTheDocument();
  expect(within(row).getByText("1 critical")).toBeInTheDocument();
  expect(within(row).getByText("2 medium")).toBeInTheDocument();
  expect(within(row).queryByText(/not assessable|\d+ passed/)).toBeNull();
});

test("the adviser filter lists the centre's advisers and asks the API for the one chosen", async () => {
  calls.staff = 200;
  calls.urls.length = 0;
  show();
  const select = (await screen.findByLabelText("Adviser")) as HTMLSelectElement;
  await screen.findByRole("option", { name: "Bea Adviser" });
  fireEvent.change(select, { target: { value: "u2" } });
  await screen.findByRole("link", { name: "C-000042" });
  await vi.waitFor(() => expect(calls.urls.some((u) => u.startsWith("/api/v1/cases?") && u.includes("adviser_id=u2"))).toBe(true));
});

test("without the staff directory the filter still offers anyone and me", async () => {
  calls.staff = 403;
  show();
  await screen.findByRole("link", { name: "C-000042" });
  const options = screen.getAllByRole("option").map((o) => o.textContent);
  expect(options).toEqual(expect.arrayContaining(["Anyone", "Me"]));
  expect(options).not.toContain("Bea Adviser");
});

test("a deadline is flagged when passed or within a week", () => {
  const { rerender } = render(<NextDeadline on="2026-12-03" now="2026-12-04" />);
  expect(screen.getByText("overdue")).toBeInTheDocument();
  rerender(<NextDeadline on="2026-12-06" now="2026-12-04" />);
  expect(screen.getByText("in 2 days")).toBeInTheDocument();
  rerender(<NextDeadline on="2026-12-30" now="2026-12-04" />);
  expect(screen.queryByText(/in \d+ day|overdue|today/)).toBeNull();
});
