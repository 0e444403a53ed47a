import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import createClient from "openapi-fetch";
import { afterEach, expect, vi } from "vitest";
import { authMiddleware, onReauthenticationRequired, setAccessToken } from "../src/api/client";
import type { paths } from "../src/api/schema";
import { ReauthenticatePrompt } from "../src/auth/Reauthenticate";
import { answer } from "./harness";

const PROBLEM = {
  type: "https://cma.example.org/problems/reauthentication-required",
  title: "Reauthentication required",
  status: 401,
  detail: "this change needs a recent sign-in",
};

function json(status: number, body: unknown, type = "application/json"): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
}

afterEach(() => {
  onReauthenticationRequired(null);
  setAccessToken(null);
});

describe("step-up before a sensitive change", () => {
  it("asks for the password, gets a fresh token and sends the change again once", async () => {
    const seen: Array<{ url: string; auth: string | null; body: string }> = [];
    const answers = [
      json(401, PROBLEM, "application/problem+json"),
      json(200, { access_token: "fresh", token_type: "bearer", expires_in: 900, centre_id: "c", roles: [] }),
      json(201, { id: "u1" }),
    ];
    answer(async (request: Request) => {
      seen.push({ url: request.url, auth: request.headers.get("Authorization"), body: await request.text() });
      return answers.shift() ?? json(500, {});
    });
    setAccessToken("stale");
    // The prompt's own call to /auth/reauthenticate goes through the app's client (relative
    // to the console's origin, with the session's token), to the same fake API.
    render(<ReauthenticatePrompt />);
    const client = createClient<paths>({ baseUrl: "http://cma.test" });
    client.use(authMiddleware);
    const pending = client.POST("/api/v1/users", { body: { email: "new@example.org", full_name: "New Person", password: "a long enough password", roles: ["adviser"] } as never });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Password"), "my own password 1");
    await user.click(screen.getByRole("button", { name: "Confirm and carry on" }));
    const result = await pending;
    expect(result.response.status).toBe(201);
    expect(seen.map((s) => [new URL(s.url).pathname, s.auth])).toEqual([
      ["/api/v1/users", "Bearer stale"],
      ["/api/v1/auth/reauthenticate", "Bearer stale"],
      ["/api/v1/users", "Bearer fresh"],
    ]);
    expect(JSON.parse(seen[2]?.body ?? "")).toEqual(JSON.parse(seen[0]?.body ?? "")); // the same change
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("gives the page the original problem when the person cancels", async () => {
    answer(async () => json(401, PROBLEM, "application/problem+json"));
    render(<ReauthenticatePrompt />);
    const client = createClient<paths>({ baseUrl: "http://cma.test" });
    client.use(authMiddleware);
    const pending = client.POST("/api/v1/users", { body: {} as never });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    const result = await pending;
    expect(result.response.status).toBe(401);
  });

  it("leaves other 401s alone (an expired token is the session's business)", async () => {
    let calls = 0;
    answer(async () => {
      calls += 1;
      return json(401, { type: "about:blank", title: "Unauthorized", status: 401 }, "application/problem+json");
    });
    const asked = vi.fn(async () => true);
    onReauthenticationRequired(asked);
    const client = createClient<paths>({ baseUrl: "http://cma.test" });
    client.use(authMiddleware);
    const result = await client.POST("/api/v1/users", { body: {} as never });
    expect(result.response.status).toBe(401);
    expect(asked).not.toHaveBeenCalled();
    expect(calls).toBe(1);
  });
});
