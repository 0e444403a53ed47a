// A centre requiring 2-step verification of a role (centre admin → 2-step verification),
// and a member of that role without it: sent to "Set up 2-step verification" at sign-in,
// held there whatever page they ask for, let in once a code from their app is confirmed.
// The code comes from pyotp in the project's venv, as an authenticator app would make it.
// Then the lost phone: the recovery codes shown once after confirming (saved before going
// on), the caseworker signing out and back in with one ("Use a recovery code"), and the
// centre admin resetting their 2-step verification (a confirmation page first), after
// which the caseworker's password alone leads back to the set-up page.
// The rule is lifted again at the end (later phases sign in as other staff).
import { execFileSync } from "node:child_process";
import { join } from "node:path";

function totpNow(repo, secret) {
  return execFileSync(process.env.CMA_PYTHON || join(repo, ".venv", "bin", "python"), ["-c", "import sys, pyotp; print(pyotp.TOTP(sys.argv[1]).now())", secret], {
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
  // -- the recovery codes, shown once; going on needs "I have saved these" --
  await cw.getByRole("heading", { name: "Save your recovery codes" }).waitFor();
  const codes = (await cw.getByTestId("recovery-codes").locator("li").allTextContents()).map((c) => c.trim());
  check(codes.length === 10 && codes.every((c) => /^[0-9a-z]{5}-[0-9a-z]{5}$/.test(c)), "confirming shows 10 recovery codes");
  check((await cw.getByRole("link", { name: "Download codes (text file)" }).getAttribute("download")) === "cma-recovery-codes.txt", "the codes can be downloaded");
  await audit(cw, "recovery-codes");
  await cw.getByRole("button", { name: "Continue" }).click();
  await cw.getByText("Confirm you have saved your recovery codes", { selector: ".govuk-error-message" }).waitFor();
  check(true, "going on without saying the codes are saved is refused, with the reason");
  await audit(cw, "recovery-codes-error");
  await cw.getByLabel("I have saved these codes somewhere safe").check();
  await cw.getByRole("button", { name: "Continue" }).click();
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

  // -- the phone is lost: sign out, and back in with a recovery code --
  await cw.getByRole("button", { name: "Sign out" }).click();
  await cw.getByRole("heading", { name: "Sign in to CMA" }).waitFor();
  await cw.getByLabel("Email address").fill(email);
  await cw.getByLabel("Password").fill(password);
  await cw.getByRole("button", { name: "Sign in" }).click();
  await cw.getByLabel("Code from your authenticator app").waitFor();
  await cw.getByRole("button", { name: "Use a recovery code" }).click();
  await cw.getByLabel("Recovery code").fill(codes[0]);
  await audit(cw, "sign-in-recovery-code");
  await cw.getByRole("button", { name: "Continue" }).click();
  // Signed in, back on the page they signed out from (or the work queue).
  const main = cw.getByRole("navigation", { name: "Main" });
  await main.or(cw.locator(".govuk-error-summary")).first().waitFor();
  const refused = await cw.locator(".govuk-error-summary").count();
  check(refused === 0, `the caseworker signs in with a recovery code instead of the app's code${refused ? `: ${await cw.locator(".govuk-error-summary").textContent()}` : ""}`);
  await main.waitFor();
  await cw.goto(`${base}/account`);
  await cw.getByTestId("recovery-left").waitFor();
  check(/You have 9 unused recovery codes/.test(await cw.getByTestId("recovery-left").textContent()), "the account page counts the codes left (9)");
  await audit(cw, "account-recovery-codes");
  const reused = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, recovery_code: codes[0] }),
  });
  check(reused.status === 401, `a spent recovery code is refused (${reused.status})`);
  const second = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, recovery_code: codes[1] }),
  });
  const cwToken = (await second.json()).access_token;
  const cwId = (await (await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${cwToken}` } })).json()).user_id;

  // -- the admin resets the caseworker's 2-step verification (a confirmation first) --
  await adm.goto(`${base}/admin/users/${cwId}`);
  await adm.getByRole("button", { name: "Reset 2-step verification" }).click();
  await adm.getByRole("heading", { name: /^Reset 2-step verification for / }).waitFor();
  await audit(adm, "admin-reset-2sv-confirm");
  await adm.getByRole("button", { name: "Reset 2-step verification" }).click();
  await adm.getByText("2-step verification reset. They have been signed out.").waitFor();
  check(true, "a centre admin resets a member's 2-step verification after confirming");
  const ended = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${cwToken}` } });
  check(ended.status === 401, `the member's sessions ended (${ended.status})`);

  // -- the caseworker's password alone now leads to the set-up page (the rule holds them) --
  const held = await newPage();
  await held.goto(`${base}/sign-in`);
  await held.getByLabel("Email address").fill(email);
  await held.getByLabel("Password").fill(password);
  await held.getByRole("button", { name: "Sign in" }).click();
  await held.getByRole("heading", { name: "Set up 2-step verification", level: 1 }).waitFor();
  check(true, "after the reset the caseworker is held on setting 2-step verification up again");

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
