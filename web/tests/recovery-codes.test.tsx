import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { MemoryRouter, useLocation } from "react-router-dom";
import { afterEach, expect } from "vitest";
import { setAccessToken } from "../src/api/client";
import { App } from "../src/App";
import { SessionProvider } from "../src/auth/session";
import { answer, json, page } from "./harness";

/** What the fake API was asked, as "METHOD /path" (query left off). */
let asked: string[] = [];
const said = (r: Request) => {
  const path = new URL(r.url).pathname;
  asked.push(`${r.method} ${path}`);
  return path;
};

const CODES = ["7k2mq-x9vha", "c4r8d-1tzwe", "m0gh3-5pnbs", "q9vx2-e7kfa", "2wdj6-rh0mt", "zb5nc-83qgy", "f1t7s-kmx4d", "h6ewa-z2r9p", "s3ypq-0vbc8", "x8nkf-j4dt1"];
const TOKEN = { access_token: "full", token_type: "bearer", expires_in: 900, centre_id: "c1", roles: ["centre_admin"], second_factor_setup_required: false };
const ME = { user_id: "u1", centre_id: "c1", roles: ["centre_admin"], permissions: ["case:read", "user:manage", "audit:read"], second_factor_setup_required: false };
const ADA = { id: "u2", display_name: "Ada Adviser", roles: ["adviser"], active: true, version: 7 };

function Where() {
  return <output data-testid="where">{useLocation().pathname}</output>;
}

function Shell({ at, children }: { at: string; children: ReactNode }) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <QueryClientProvider client={qc}>
      <MemoryRouter initialEntries={[at]}>
        <SessionProvider>{children}</SessionProvider>
        <Where />
      </MemoryRouter>
    </QueryClientProvider>
  );
}

afterEach(() => {
  asked = [];
  setAccessToken(null);
});

describe("recovery codes", () => {
  it("signs in with a recovery code instead of the app's code", async () => {
    const logins: unknown[] = [];
    let signedIn = false;
    answer(async (r) => {
      const path = said(r);
      if (path === "/api/v1/auth/refresh") return signedIn ? json(TOKEN) : json({ title: "Unauthorised", detail: "no session" }, 401);
      if (path === "/api/v1/auth/login") {
        const body = (await r.json()) as Record<string, unknown>;
        logins.push(body);
        if (!body.otp && !body.recovery_code) return json({ title: "Code needed", detail: "a one-time code (otp) from your authenticator app is required" }, 401);
        if (body.recovery_code !== "7k2mq-x9vha") return json({ title: "Sign-in failed", detail: "the email, password or code is not right" }, 401);
        signedIn = true;
        return json(TOKEN);
      }
      if (path === "/api/v1/auth/me") return json(ME);
      return r.method === "GET" ? json(page([])) : json({ title: "Not found" }, 404);
    });
    render(
      <Shell at="/sign-in">
        <App />
      </Shell>,
    );
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Email address"), "ada@example.org");
    await user.type(screen.getByLabelText("Password"), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByLabelText("Code from your authenticator app")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Use a recovery code" }));
    expect(screen.queryByLabelText("Code from your authenticator app")).toBeNull();
    const field = screen.getByLabelText("Recovery code");
    await user.type(field, "zzzzz-zzzzz");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText(/is not right/, { selector: ".govuk-error-summary *" })).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, "7k2mq-x9vha");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(screen.getByTestId("where")).toHaveTextContent(/^\/$/));
    expect(logins.at(-1)).toEqual({ email: "ada@example.org", password: "correct horse battery", otp: null, recovery_code: "7k2mq-x9vha" });
  }, 30_000);

  it("shows how many are left and makes new ones, shown once", async () => {
    let left = 3;
    answer((r) => {
      const path = said(r);
      if (path === "/api/v1/auth/refresh") return json(TOKEN);
      if (path === "/api/v1/auth/me") return json(ME);
      if (path === "/api/v1/auth/recovery-codes" && r.method === "POST") {
        left = 10;
        return json({ recovery_codes: CODES, remaining: 10 });
      }
      if (path === "/api/v1/auth/recovery-codes") return json({ remaining: left, second_factor: true });
      return r.method === "GET" ? json(page([])) : json({ title: "Not found" }, 404);
    });
    render(
      <Shell at="/account">
        <App />
      </Shell>,
    );
    expect(await screen.findByTestId("recovery-left")).toHaveTextContent("You have 3 unused recovery codes.");
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Make new recovery codes" }));
    expect(await screen.findByRole("heading", { name: "Save your recovery codes" })).toBeInTheDocument();
    expect(screen.getByTestId("recovery-codes").querySelectorAll("li")).toHaveLength(10);
    await user.click(screen.getByLabelText("I have saved these codes somewhere safe"));
    await user.click(screen.getByRole("button", { name: "Done" }));
    expect(await screen.findByTestId("recovery-left")).toHaveTextContent("You have 10 unused recovery codes.");
    expect(screen.queryByText("7k2mq-x9vha")).toBeNull();
  }, 30_000);

  it("hides the section from someone without 2-step verification", async () => {
    answer((r) => {
      const path = said(r);
      if (r.method === "POST") return json(TOKEN);
      if (path === "/api/v1/auth/me") return json(ME);
      if (path === "/api/v1/auth/recovery-codes") return json({ remaining: 0, second_factor: false });
      return json(page([]));
    });
    render(
      <Shell at="/account">
        <App />
      </Shell>,
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Your account" })).toBeInTheDocument();
    await waitFor(() => expect(asked).toContain("GET /api/v1/auth/recovery-codes"));
    expect(screen.queryByRole("heading", { name: "Recovery codes" })).toBeNull();
  });
});

describe("an admin resets a member's 2-step verification", () => {
  it("asks for confirmation, then resets against the version read", async () => {
    const resets: unknown[] = [];
    answer((r) => {
      const path = said(r);
      if (path === "/api/v1/auth/refresh") return json(TOKEN);
      if (path === "/api/v1/users/u2/second-factor/reset") {
        resets.push({ user: "u2", ifMatch: r.headers.get("if-match") });
        return json({ ...ADA, version: 8 });
      }
      if (path === "/api/v1/auth/me") return json(ME);
      if (path === "/api/v1/users/u2") return json(ADA);
      return r.method === "GET" ? json(page([])) : json({ title: "Not found" }, 404);
    });
    render(
      <Shell at="/admin/users/u2">
        <App />
      </Shell>,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Reset 2-step verification" }));
    expect(await screen.findByRole("heading", { name: "Reset 2-step verification for Ada Adviser?" })).toBeInTheDocument();
    expect(resets).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("heading", { name: /Reset 2-step verification for/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Reset 2-step verification" }));
    await user.click(screen.getByRole("button", { name: "Reset 2-step verification" }));
    expect(await screen.findByText("2-step verification reset. They have been signed out.")).toHaveAttribute("role", "status");
    expect(resets).toEqual([{ user: "u2", ifMatch: '"7"' }]);
  }, 30_000);
});
