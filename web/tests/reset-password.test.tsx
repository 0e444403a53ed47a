// A forgotten password: asked for by address (the answer the same whether or not it has an
// account), then a new one set with the emailed code, typed in or from the email's link.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useLocation } from "react-router-dom";
import ResetPassword, { linkToken } from "../src/pages/ResetPassword";
import { answer, json, renderPage } from "./harness";

const SENT = "If that address has an account, we have sent it a link to set a new password. It works once, for a short time.";
let asked: Array<[string, unknown]> = [];

answer(async (r) => {
  const path = new URL(r.url).pathname;
  const body = (await r.json()) as Record<string, string>;
  asked.push([path, body]);
  if (path === "/api/v1/auth/password-reset") return json({ detail: SENT }, 202);
  if (body.token !== "good-code") return json({ title: "Unprocessable", status: 422, errors: [{ field: "token", message: "is not a reset code that works: ask for a new email" }] }, 422);
  if ((body.new_password ?? "").length < 12) return json({ title: "Unprocessable", status: 422, errors: [{ field: "new_password", message: "must be at least 12 characters" }] }, 422);
  return new Response(null, { status: 204 });
});

function Where() {
  const l = useLocation();
  return <div data-testid="where">{l.pathname + l.hash}</div>;
}

beforeEach(() => {
  asked = [];
});

test("the code is read from a link's fragment only", () => {
  expect(linkToken("#token=abc-123")).toBe("abc-123");
  expect(linkToken("#token=")).toBeNull();
  expect(linkToken("")).toBeNull();
  expect(linkToken("#other=1")).toBeNull();
});

test("an address is asked for, then the emailed code and a new password; a refused one is said on its field", async () => {
  renderPage(<><ResetPassword /><Where /></>, { route: "/reset-password" });
  const user = userEvent.setup();
  expect(screen.getByRole("heading", { level: 1, name: "Reset your password" })).toBeInTheDocument();
  await user.type(screen.getByLabelText("Email address"), " ada@example.org ");
  await user.click(screen.getByRole("button", { name: "Email me a code" }));
  expect(await screen.findByRole("status")).toHaveTextContent(SENT);
  expect(asked).toEqual([["/api/v1/auth/password-reset", { email: "ada@example.org" }]]);
  expect(screen.queryByLabelText("Email address")).toBeNull();

  await user.type(screen.getByLabelText(/^Code from the email/), "good-code");
  await user.type(screen.getByLabelText(/^New password/), "short");
  await user.click(screen.getByRole("button", { name: "Set my new password" }));
  expect(await screen.findByRole("link", { name: "New password must be at least 12 characters" })).toHaveAttribute("href", "#reset-password");
  await user.clear(screen.getByLabelText(/^New password/));
  await user.type(screen.getByLabelText(/^New password/), "kettle orchard violin");
  await user.click(screen.getByRole("button", { name: "Set my new password" }));
  expect(await screen.findByRole("heading", { name: "Your password is changed" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Sign in with your new password" })).toHaveAttribute("href", "/sign-in");
  expect(asked.at(-1)).toEqual(["/api/v1/auth/password-reset/confirm", { token: "good-code", new_password: "kettle orchard violin" }]);
});

test("from the email's link: the code is taken off the address, and shown in its box only when it no longer works", async () => {
  renderPage(<><ResetPassword /><Where /></>, { route: "/reset-password#token=used-code" });
  const user = userEvent.setup();
  expect(screen.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeInTheDocument();
  await waitFor(() => expect(screen.getByTestId("where")).toHaveTextContent(/^\/reset-password$/));
  expect(screen.queryByLabelText(/^Code from the email/)).toBeNull();
  await user.type(screen.getByLabelText(/^New password/), "kettle orchard violin");
  await user.click(screen.getByRole("button", { name: "Set my new password" }));
  expect(await screen.findByRole("link", { name: "Code from the email is not a reset code that works: ask for a new email" })).toHaveAttribute("href", "#reset-token");
  expect(screen.getByLabelText(/^Code from the email/)).toHaveValue("used-code");
  expect(asked).toEqual([["/api/v1/auth/password-reset/confirm", { token: "used-code", new_password: "kettle orchard violin" }]]);
});
