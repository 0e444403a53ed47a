import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, vi } from "vitest";
import { hasAccessToken, setAccessToken } from "../src/api/client";
import { RENEWAL_RETRY_MS, SIGNED_IN_KEY, SessionProvider, useSession } from "../src/auth/session";
import { answer, json } from "./harness";

const path = (r: Request) => new URL(r.url).pathname;

// A token that lasts 70 seconds: the console renews it 10 seconds in.
const token = (n: number) => ({ access_token: `t${n}`, token_type: "bearer", expires_in: 70, centre_id: "c1", roles: ["adviser"], second_factor_setup_required: false });
const me = { user_id: "u1", centre_id: "c1", roles: ["adviser"], permissions: ["case:read"], second_factor_setup_required: false };

function Who() {
  const { session, resuming, signOut } = useSession();
  if (resuming) return <p>resuming</p>;
  return (
    <>
      <p data-testid="who">{session ? `signed in as ${session.me.user_id}` : "signed out"}</p>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </>
  );
}

function renderSession() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <SessionProvider>
        <Who />
      </SessionProvider>
    </QueryClientProvider>,
  );
}

// Any promise the session leaves rejected and unhandled is a script error in the browser
// (the end-to-end run fails a page on one); here it is collected and must stay empty.
const unhandled: unknown[] = [];
const collect = (reason: unknown) => void unhandled.push(reason);
type Listener = (reason: unknown) => void;
const node = (globalThis as unknown as { process: { on(e: string, f: Listener): void; off(e: string, f: Listener): void } }).process;

beforeEach(() => {
  unhandled.length = 0;
  node.on("unhandledRejection", collect);
  vi.useFakeTimers({ shouldAdvanceTime: true });
});

afterEach(() => {
  node.off("unhandledRejection", collect);
  vi.useRealTimers();
  setAccessToken(null);
});

describe("renewing the session", () => {
  it("keeps the person signed in when the network fails a renewal, and tries again shortly", async () => {
    const refreshes: string[] = [];
    let network = true;
    answer((r) => {
      if (path(r) === "/api/v1/auth/refresh") {
        if (!network) {
          refreshes.push("failed");
          throw new TypeError("Failed to fetch");
        }
        refreshes.push("ok");
        return json(token(refreshes.length));
      }
      if (path(r) === "/api/v1/auth/me") return json(me);
      return json({ title: "Not found" }, 404);
    });
    renderSession();
    expect(await screen.findByTestId("who")).toHaveTextContent("signed in as u1");
    expect(refreshes).toEqual(["ok"]);

    network = false;
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(refreshes).toEqual(["ok", "failed"]);
    expect(screen.getByTestId("who")).toHaveTextContent("signed in as u1");
    expect(hasAccessToken()).toBe(true);

    // Still failing: tried again after the retry delay, not before.
    await act(() => vi.advanceTimersByTimeAsync(RENEWAL_RETRY_MS - 1_000));
    expect(refreshes).toEqual(["ok", "failed"]);
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(refreshes).toEqual(["ok", "failed", "failed"]);

    // The network back: the next attempt renews, and the renewals go on from the new token.
    network = true;
    await act(() => vi.advanceTimersByTimeAsync(RENEWAL_RETRY_MS));
    expect(refreshes).toEqual(["ok", "failed", "failed", "ok"]);
    expect(screen.getByTestId("who")).toHaveTextContent("signed in as u1");
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(refreshes).toEqual(["ok", "failed", "failed", "ok", "ok"]);
    expect(unhandled).toEqual([]);
  });

  it("signs the person out when the API refuses the renewal", async () => {
    let refused = false;
    answer((r) => {
      if (path(r) === "/api/v1/auth/refresh") return refused ? json({ title: "Unauthorized" }, 401) : json(token(1));
      if (path(r) === "/api/v1/auth/me") return json(me);
      return json({ title: "Not found" }, 404);
    });
    renderSession();
    expect(await screen.findByTestId("who")).toHaveTextContent("signed in as u1");
    refused = true;
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(screen.getByTestId("who")).toHaveTextContent("signed out");
    expect(hasAccessToken()).toBe(false);
    // The next visit does not ask for a session the API has refused.
    expect(localStorage.getItem(SIGNED_IN_KEY)).toBeNull();
    expect(unhandled).toEqual([]);
  });

  it("asks nothing of the API on a first visit, and remembers a session until it is signed out", async () => {
    const asked: string[] = [];
    answer((r) => {
      asked.push(path(r));
      if (path(r) === "/api/v1/auth/refresh") return json({ title: "Unauthorized" }, 401);
      if (path(r) === "/api/v1/auth/login") return json(token(1));
      if (path(r) === "/api/v1/auth/me") return json(me);
      if (path(r) === "/api/v1/auth/logout") return new Response(null, { status: 204 });
      return json({ title: "Not found" }, 404);
    });
    localStorage.removeItem(SIGNED_IN_KEY);
    let signIn: (email: string, password: string) => Promise<void> = async () => undefined;
    function SignIn() {
      signIn = useSession().signIn;
      return null;
    }
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={qc}>
        <SessionProvider>
          <Who />
          <SignIn />
        </SessionProvider>
      </QueryClientProvider>,
    );
    // No refresh cookie to trade: the sign-in page shows with no refused request behind it.
    expect(await screen.findByTestId("who")).toHaveTextContent("signed out");
    expect(asked).toEqual([]);
    await act(() => signIn("a@example.org", "pw"));
    expect(screen.getByTestId("who")).toHaveTextContent("signed in as u1");
    expect(localStorage.getItem(SIGNED_IN_KEY)).toBe("1");
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole("button", { name: "Sign out" }));
    expect(await screen.findByTestId("who")).toHaveTextContent("signed out");
    expect(localStorage.getItem(SIGNED_IN_KEY)).toBeNull();
    expect(asked).toEqual(["/api/v1/auth/login", "/api/v1/auth/me", "/api/v1/auth/logout"]);
    expect(unhandled).toEqual([]);
  });

  it("signs out in this browser even when the network fails the sign-out request", async () => {
    answer((r) => {
      if (path(r) === "/api/v1/auth/refresh") return json(token(1));
      if (path(r) === "/api/v1/auth/me") return json(me);
      if (path(r) === "/api/v1/auth/logout") throw new TypeError("Failed to fetch");
      return json({ title: "Not found" }, 404);
    });
    renderSession();
    expect(await screen.findByTestId("who")).toHaveTextContent("signed in as u1");
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole("button", { name: "Sign out" }));
    expect(await screen.findByTestId("who")).toHaveTextContent("signed out");
    expect(hasAccessToken()).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(unhandled).toEqual([]);
  });
});
