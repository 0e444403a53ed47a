// Your own sign-in on the Account page: a password change sends the current and new
// passwords (and a code when given) and says the other sessions ended; your sessions are
// listed with this one marked, another ended by its id; signing out everywhere revokes
// every session, then signs this one out.
import { fireEvent, screen } from "@testing-library/react";
import { answer, json, renderPage } from "./harness";

const state = vi.hoisted(() => ({ sent: [] as { method: string; path: string; body: unknown }[], signedOut: 0 }));
answer(async (input) => {
  const url = new URL(input.url);
  if (input.method !== "GET") {
    const body = input.method === "POST" && url.pathname.endsWith("/password") ? await input.json() : null;
    state.sent.push({ method: input.method, path: url.pathname, body });
    return input.method === "DELETE" ? new Response(null, { status: 204 }) : json({});
  }
  return json({
    items: [
      { id: "s1", centre_id: "c", created_at: "2026-12-06T09:00:00Z", last_used_at: "2026-12-06T10:00:00Z", address: "10.0.0.1", user_agent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36", current: true },
      { id: "s2", centre_id: "c", created_at: "2026-12-01T09:00:00Z", last_used_at: "2026-12-02T10:00:00Z", address: null, user_agent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1", current: false },
    ],
    total: 2, limit: 50, offset: 0, next_cursor: null,
  });
});

vi.mock("../src/auth/session", () => ({
  useSession: () => ({ signOut: async () => void (state.signedOut += 1) }),
}));

import { browserOf, ChangePassword, Sessions } from "../src/pages/AccountSecurity";

function show(node: React.ReactNode) {
  renderPage(node);
}

beforeEach(() => {
  state.sent.length = 0;
  state.signedOut = 0;
});

test("browsers in words", () => {
  expect(browserOf("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36")).toBe("Chrome on Linux");
  expect(browserOf("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1")).toBe("Safari on iOS");
  expect(browserOf(null)).toBe("Unknown browser");
});

test("a password change sends both passwords, no code when none is typed", async () => {
  show(<ChangePassword />);
  fireEvent.change(screen.getByLabelText("Current password"), { target: { value: "old one here 1" } });
  fireEvent.change(screen.getByLabelText("New password"), { target: { value: "plum tractor lighthouse sings" } });
  fireEvent.click(screen.getByRole("button", { name: "Change password" }));
  expect(await screen.findByText(/Your password is changed\./)).toBeInTheDocument();
  expect(state.sent).toEqual([{ method: "POST", path: "/api/v1/auth/password", body: { current_password: "old one here 1", new_password: "plum tractor lighthouse sings", otp: null } }]);
  expect(screen.getByLabelText("New password")).toHaveValue("");
});

test("sessions: this one marked, another ended by id; signing out everywhere revokes all, then signs out here", async () => {
  show(<Sessions />);
  expect(await screen.findByText("Chrome on Linux")).toBeInTheDocument();
  expect(screen.getByText("this session")).toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: /^End the session of Safari on iOS/ }));
  expect(await screen.findByText("That session has ended.")).toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: "Sign out everywhere" }));
  await vi.waitFor(() => expect(state.signedOut).toBe(1));
  expect(state.sent.map((s) => `${s.method} ${s.path}`)).toEqual(["DELETE /api/v1/auth/sessions/s2", "POST /api/v1/auth/logout-everywhere"]);
});
