// A forgotten password: "Forgotten your password?" on the sign-in page, the address asked
// for, the email read from the outbox folder (`cma notify read --json`, as a relay would),
// its link followed (the code is in the fragment, taken off the address once read), a
// password the policy refuses said on its field, then a new one set and signed in with;
// the old one no longer signs in. A member no other phase signs in as.
const EMAIL = "adviser2@riverside.example";
const NEW_PASSWORD = "kettle orchard violin harbour";

/** An email's text as its reader sees it: a quoted-printable body (a line longer than 78
 * characters, as a link with its code is, makes Python's email package choose it) decoded. */
function decoded(message) {
  if (!/^Content-Transfer-Encoding: quoted-printable/im.test(message)) return message;
  return message.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

async function resetMail(readOutbox, email) {
  const until = Date.now() + 30_000;
  for (;;) {
    const found = JSON.parse(await readOutbox())
      .map((m) => decoded(m.message))
      .filter((m) => m.includes(`To: ${email}`) && m.includes("reset-password#token="));
    if (found.length) return found.at(-1);
    if (Date.now() > until) throw new Error(`no reset email to ${email} in the outbox within 30 s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function passwordResetTests({ base, newPage, audit, settled, check, apiLogin, readOutbox }) {
  const page = await newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await page.getByRole("heading", { name: "Reset your password", level: 1 }).waitFor();
  await settled(page);
  await audit(page, "reset-password-ask");
  await page.getByLabel("Email address").fill(EMAIL);
  await page.getByRole("button", { name: "Email me a code" }).click();
  const sent = page.getByRole("status").filter({ hasText: /If that address has an account, we have sent it a link/ });
  await sent.waitFor();
  check(true, "a forgotten password: the address is asked for, and the answer does not say whether it has an account");
  await audit(page, "reset-password-sent");

  const mail = await resetMail(readOutbox, EMAIL);
  const link = mail.match(/https?:\/\/\S+reset-password#token=\S+/)?.[0];
  check(Boolean(link) && link.startsWith(`${base}/reset-password#token=`), `the email links to the console's reset page (${link ? link.replace(/token=.*/, "token=…") : "no link"})`);
  const fresh = await newPage();
  await fresh.goto(link);
  await fresh.getByRole("heading", { name: "Choose a new password", level: 1 }).waitFor();
  await fresh.waitForURL((u) => u.hash === "");
  check(!fresh.url().includes("token"), "the code is taken off the address once read");
  await fresh.getByLabel("New password").fill("short");
  await fresh.getByRole("button", { name: "Set my new password" }).click();
  const summary = fresh.locator(".govuk-error-summary");
  await summary.waitFor();
  check(/New password/.test(await summary.innerText()) && (await fresh.locator("#reset-password-error, .govuk-error-message").count()) > 0, `a password the policy refuses is said on its field: "${(await summary.innerText()).replace(/\s+/g, " ").slice(0, 140)}"`);
  await audit(fresh, "reset-password-refused");
  await fresh.getByLabel("New password").fill(NEW_PASSWORD);
  await fresh.getByRole("button", { name: "Set my new password" }).click();
  await fresh.getByRole("heading", { name: "Your password is changed" }).waitFor();
  await audit(fresh, "reset-password-done");
  await fresh.getByRole("link", { name: "Sign in with your new password" }).click();
  await fresh.getByLabel("Email address").fill(EMAIL);
  await fresh.getByLabel("Password").fill(NEW_PASSWORD);
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await fresh.getByRole("heading", { name: "Work queue" }).waitFor();
  check(true, "the new password signs in through the console");
  check(!(await apiLogin(EMAIL)), "the old password no longer signs in");
  await page.close();
  await fresh.close();
}
