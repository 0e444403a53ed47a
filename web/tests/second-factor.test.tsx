import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { MemoryRouter, useLocation } from "react-router-dom";
import { afterEach, expect } from "vitest";
import { setAccessToken } from "../src/api/client";
import { App } from "../src/App";
import { SessionProvider } from "../src/auth/session";
import { SecondFactorPage } from "../src/pages/admin/SecondFactor";
import { answer, json, page, renderPage } from "./harness";

const path = (r: Request) => new URL(r.url).pathname;

function token(setup: boolean) {
  return { access_token: setup ? "setup" : "full", token_type: "bearer", expires_in: 900, centre_id: "c1", roles: ["adviser"], second_factor_setup_required: setup };
}

function me(setup: boolean) {
  return { user_id: "u1", centre_id: "c1", roles: ["adviser"], permissions: setup ? [] : ["case:read"], second_factor_setup_required: setup };
}

const CODES = ["7k2mq-x9vha", "c4r8d-1tzwe", "m0gh3-5pnbs", "q9vx2-e7kfa", "2wdj6-rh0mt", "zb5nc-83qgy", "f1t7s-kmx4d", "h6ewa-z2r9p", "s3ypq-0vbc8", "x8nkf-j4dt1"];

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
  setAccessToken(null);
});

describe("a centre that requires 2-step verification", () => {
  it("sends a setup-only session to the set-up page, whatever page was asked for, and on once confirmed", async () => {
    let setup = true;
    const posted: Array<[string, unknown]> = [];
    answer(async (r) => {
      const at = path(r);
      if (r.method === "GET") return at === "/api/v1/auth/me" ? json(me(setup)) : json(page([]));
      const body: unknown = r.headers.get("content-type")?.includes("json") ? await r.json() : undefined;
      posted.push([at, body]);
      if (at === "/api/v1/auth/refresh") return json(token(setup));
      if (at === "/api/v1/auth/totp/enrol") return json({ secret: "JBSWY3DPEHPK3PXP", otpauth_uri: "otpauth://totp/CMA:a?secret=JBSWY3DPEHPK3PXP" });
      if (at === "/api/v1/auth/totp/confirm") {
        if ((body as { otp: string }).otp !== "123456") return json({ title: "Invalid", errors: [{ field: "otp", message: "is not the current code from your authenticator app" }] }, 422);
        setup = false;
        return json({ recovery_codes: CODES, remaining: 10 });
      }
      return json({ title: "Not found" }, 404);
    });

    render(
      <Shell at="/cases">
        <App />
      </Shell>,
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Set up 2-step verification" })).toBeInTheDocument();
    expect(screen.getByTestId("where")).toHaveTextContent("/set-up-2-step-verification");
    // Nothing to wander off to: no navigation, search or account link; sign-out stays.
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Your account" })).toBeNull();
    expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Start setting up" }));
    expect(await screen.findByText("JBSWY3DPEHPK3PXP")).toBeInTheDocument();
    const code = screen.getByLabelText("Code from your authenticator app");
    expect(code).toHaveAttribute("autocomplete", "one-time-code");

    // A wrong code: the error summary and the field say so; still on the page.
    await user.type(code, "000000");
    await user.click(screen.getByRole("button", { name: "Confirm and continue" }));
    expect(await screen.findByRole("link", { name: /is not the current code/ })).toHaveAttribute("href", "#totp-code");
    expect(screen.getByTestId("where")).toHaveTextContent("/set-up-2-step-verification");

    await user.clear(code);
    await user.type(code, "123456");
    await user.click(screen.getByRole("button", { name: "Confirm and continue" }));
    // The recovery codes, once: not on until the user says they saved them.
    expect(await screen.findByRole("heading", { name: "Save your recovery codes" })).toBeInTheDocument();
    for (const c of CODES) expect(screen.getByText(c)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download codes (text file)" })).toHaveAttribute("download", "cma-recovery-codes.txt");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText("Confirm you have saved your recovery codes")).toBeInTheDocument();
    expect(screen.getByTestId("where")).toHaveTextContent("/set-up-2-step-verification");
    await user.click(screen.getByLabelText("I have saved these codes somewhere safe"));
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(screen.getByTestId("where")).toHaveTextContent(/^\/$/));
    expect(screen.queryByRole("heading", { name: "Set up 2-step verification" })).toBeNull();
    expect(await screen.findByRole("navigation", { name: "Main" })).toBeInTheDocument();
    // Confirmed, then renewed for a normal session.
    expect(posted.map(([p]) => p)).toEqual([
      "/api/v1/auth/refresh",
      "/api/v1/auth/totp/enrol",
      "/api/v1/auth/totp/confirm",
      "/api/v1/auth/totp/confirm",
      "/api/v1/auth/refresh",
    ]);
  }, 30_000);

  it("lets a normal session use the console", async () => {
    answer((r) => (r.method === "POST" ? json(token(false)) : path(r) === "/api/v1/auth/me" ? json(me(false)) : json(page([]))));
    render(
      <Shell at="/account">
        <App />
      </Shell>,
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Your account" })).toBeInTheDocument();
    expect(screen.getByTestId("where")).toHaveTextContent("/account");
  });
});

describe("the centre's 2-step verification rule", () => {
  it("shows the roles chosen and saves the new choice against the version read", async () => {
    const puts: Array<{ ifMatch: string | null; body: unknown }> = [];
    answer(async (r) => {
      if (r.method !== "PUT") return json({ centre_id: "c1", roles: ["centre_admin"], updated_at: null, updated_by: null, version: 3 });
      const body = (await r.json()) as { roles: string[] };
      puts.push({ ifMatch: r.headers.get("if-match"), body });
      if (body.roles.includes("auditor")) return json({ title: "Invalid", errors: [{ field: "roles", message: "auditor is not allowed here" }] }, 422);
      return json({ centre_id: "c1", roles: body.roles, updated_at: null, updated_by: null, version: 4 });
    });
    renderPage(<SecondFactorPage />);
    const group = await screen.findByRole("group", { name: "Roles that must use 2-step verification" });
    expect(group).toBeInTheDocument();
    expect(screen.getByLabelText("Centre admin")).toBeChecked();
    expect(screen.getByLabelText("Supervisor")).not.toBeChecked();

    const user = userEvent.setup();
    await user.click(screen.getByLabelText("Auditor"));
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("auditor is not allowed here", { selector: ".govuk-error-message" })).toBeInTheDocument();

    await user.click(screen.getByLabelText("Auditor"));
    await user.click(screen.getByLabelText("Supervisor"));
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("status")).toHaveTextContent("2-step verification rule saved.");
    expect(puts.at(-1)).toEqual({ ifMatch: '"3"', body: { roles: ["centre_admin", "supervisor"] } });
    expect(screen.getByLabelText("Supervisor")).toBeChecked();
  }, 30_000);
});
