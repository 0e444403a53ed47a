// The audit trail's page, reached by its address by someone whose role cannot read it (the
// menu leaves it out): it says so and offers no chain check, filter or list, and asks the
// API for nothing. With the permission, the trail is asked for.
import { screen } from "@testing-library/react";
import { answer, emptyPage, json, renderPage } from "./harness";

const state = vi.hoisted(() => ({ allowed: false, asked: [] as string[] }));
answer((input) => {
  state.asked.push(new URL(input.url).pathname);
  return json(emptyPage());
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => state.allowed }),
}));

import AuditPage from "../src/pages/Audit";

beforeEach(() => {
  state.asked.length = 0;
});

test("without audit:read: why, and nothing to press", async () => {
  state.allowed = false;
  renderPage(<AuditPage />);
  expect(await screen.findByText(/Your role does not allow you to see the audit trail\./)).toBeInTheDocument();
  expect(screen.queryByRole("button")).toBeNull();
  expect(screen.queryByRole("textbox")).toBeNull();
  expect(state.asked).toEqual([]);
});

test("with audit:read: the trail is asked for", async () => {
  state.allowed = true;
  renderPage(<AuditPage />);
  expect(await screen.findByRole("button", { name: "Verify the whole chain" })).toBeInTheDocument();
  await vi.waitFor(() => expect(state.asked).toContain("/api/v1/audit"));
});
