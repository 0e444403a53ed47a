// The case Overview's timeline comes from GET /api/v1/cases/{case_id}/timeline, one request
// per page, newest first as the API orders it; a sensitive note shows no words.
import { fireEvent, screen } from "@testing-library/react";
import type { Schemas } from "../src/api/client";
import { answer, json, renderPage } from "./harness";

const calls = { urls: [] as string[] };
const entry = (id: string, at: string, title: string, detail: string | null, sensitive = false) => ({
  id, kind: "note", action: "added", at, subject_id: id, actor_id: null, actor_name: null, title, detail, sensitive,
});
answer((input) => {
  const url = new URL(input.url);
  calls.urls.push(url.pathname + url.search);
  let body: unknown = { id: "cl1", first_name: "Ann", last_name: "Lee" };
  if (url.pathname.endsWith("/timeline")) {
    body = url.searchParams.get("cursor")
      ? { items: [entry("e3", "2026-12-01T09:00:00Z", "Case opened", null)], total: 3, limit: 50, offset: 0, next_cursor: null }
      : {
          items: [
            entry("e1", "2026-12-03T10:00:00Z", "Note added", "Brought six letters"),
            entry("e2", "2026-12-02T10:00:00Z", "Sensitive note", null, true),
          ],
          total: 3,
          limit: 50,
          offset: 0,
          next_cursor: "abc",
        };
  }
  return json(body);
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "a", centre_id: "c", roles: [], permissions: [] }, can: () => false }),
}));

import { Overview } from "../src/pages/case/Overview";

const kase = {
  id: "k1",
  reference: "C-000001",
  client_id: "cl1",
  status: "open",
  opened_at: "2026-12-01T09:00:00Z",
} as Schemas["CaseOut"];

test("the timeline is the API's, paged with its cursor", async () => {
  renderPage(<Overview kase={kase} />);
  expect(await screen.findByText("Note added: Brought six letters")).toBeInTheDocument();
  expect(screen.getByText("Sensitive note")).toBeInTheDocument();
  expect(screen.queryByText("Case opened")).not.toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: "Show older entries" }));
  expect(await screen.findByText("Case opened")).toBeInTheDocument();
  const timeline = calls.urls.filter((u) => u.includes("/timeline"));
  expect(timeline).toEqual(["/api/v1/cases/k1/timeline?limit=50", "/api/v1/cases/k1/timeline?limit=50&cursor=abc"]);
  expect(calls.urls.some((u) => u.includes("/notes") || u.includes("/deadlines") || u.includes("/appointments"))).toBe(false);
  expect(screen.queryByRole("button", { name: "Show older entries" })).not.toBeInTheDocument();
});
