// A centre requiring 2-step verification of a role (centre admin → 2-step verification),
// and a member of that role without it: sent to "Set up 2-step verification" at sign-in,
// held there whatever page they ask for, let in once a code from their app is confirmed.
// The code comes from pyotp in the project's venv, as an authenticator app would make it.
// The rule is lifted again at the end (later phases sign in as other staff).
import { execFileSync } from "node:child_process";
import { join } from "node:path";

function totpNow(repo, secret) {
  return execFileSync(join(repo, ".venv", "bin", "python"), ["-c", "import sys, pyotp; print(pyotp.TOTP(sys.argv[1]).now())", secret], {
    encoding: "utf8",
  }).trim();
}

export async function secondFactorTests({ base, newPage, signIn, audit, settled, check, apiLogin, password, repo }) {
  const email = "caseworker@northside.example";
  // -- the admin requires it of caseworkers --
  const adm = await newPage();
  await signIn(adm, "admin@northside.example");
  await adm.goto(`${base}/admin/second-factor`);
  await adm.getByRole("heading", { name: "2-step verification", level: 1 }).waitFor();
  await settled(adm);
  await adm.getByLabel("Caseworker").check();
  await adm.getByRole("button", { name: "Save", exact: true }).click();
  await adm.getByText("2-step verification rule saved.").waitFor();
  check(true, "a centre admin required 2-step verification of caseworkers");
  await audit(adm, "admin-second-factor");

  // -- a caseworker without it signs in: only the set-up page --
  const cw = await newPage();
  await cw.goto(`${base}/sign-in`);
  await cw.getByLabel("Email address").fill(email);
  await cw.getByLabel("Password").fill(password);
  await cw.getByRole("button", { name: "Sign in" }).click();
  await cw.getByRole("heading", { name: "Set up 2-step verification", level: 1 }).waitFor();
  check(true, "a caseworker without 2-step verification is sent to set it up at sign-in");
  check((await cw.getByRole("navigation", { name: "Main" }).count()) === 0, "the set-up page offers no navigation away");
  await audit(cw, "set-up-2sv");
  await cw.goto(`${base}/cases`);
  await cw.getByRole("heading", { name: "Set up 2-step verification", level: 1 }).waitFor();
  check(new URL(cw.url()).pathname === "/set-up-2-step-verification", "other pages lead back to the set-up page until it is done");

  await cw.getByRole("button", { name: "Start setting up" }).click();
  const key = (await cw.locator(".govuk-summary-list__value .cma-hash").first().textContent()).trim();
  await cw.getByLabel("Code from your authenticator app").fill("000000");
  await cw.getByRole("button", { name: "Confirm and continue" }).click();
  await cw.locator(".govuk-error-summary a[href='#totp-code']").waitFor();
  check(true, "a wrong code is named in the error summary, linked to the field");
  await audit(cw, "set-up-2sv-error");
  await cw.getByLabel("Code from your authenticator app").fill(totpNow(repo, key));
  await cw.getByRole("button", { name: "Confirm and continue" }).click();
  await cw.getByRole("heading", { name: "Work queue" }).waitFor();
  await settled(cw);
  check(true, "once confirmed, the caseworker reaches the work queue");
  await cw.getByRole("link", { name: "Cases", exact: true }).click();
  await cw.getByRole("heading", { name: "Cases" }).waitFor();
  check(new URL(cw.url()).pathname === "/cases", "and other pages open");

  // -- the next sign-in asks for the code --
  const again = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  check(again.status === 401 && /otp-required/.test((await again.json()).type), "the caseworker's next sign-in asks for the code");

  // -- lift the rule again for the phases after this one --
  const token = await apiLogin("admin@northside.example");
  const rule = await fetch(`${base}/api/v1/centre/second-factor`, { headers: { authorization: `Bearer ${token}` } });
  const lifted = await fetch(`${base}/api/v1/centre/second-factor`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "if-match": rule.headers.get("etag") },
    body: JSON.stringify({ roles: [] }),
  });
  check(lifted.status === 200, `the rule was lifted (${lifted.status})`);
}
