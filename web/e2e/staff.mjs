// Browser tests of the supervision, centre admin, audit and privacy pages, run by run.mjs
// with its helpers (a fresh demo server, axe on every page, screenshots at both widths).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export async function staffTests({ base, newPage, signIn, audit, settled, check, apiLogin, apiGet, out, password, fillDate }) {
  // -- supervisor: the audit chain verified in the browser --
  const sup = await newPage();
  await signIn(sup, "supervisor@northside.example");
  await sup.getByRole("link", { name: "Audit", exact: true }).click();
  await sup.getByRole("button", { name: "Verify the whole chain" }).click();
  await sup.getByText(/every hash and every link holds|problems? in/).waitFor({ timeout: 60000 });
  const verified = await sup.getByText(/every hash and every link holds/).count();
  check(verified === 1, "the audit chain verifies in the browser (every hash recomputed)");
  await sup.getByRole("button", { name: "Check the chain" }).click();
  await sup.getByText(/entries up to head #\d+/).waitFor({ timeout: 60000 });
  const serverCheck = sup.getByRole("region", { name: "Chain check on the server" });
  check((await serverCheck.getByText("intact", { exact: true }).count()) === 1, "the server's chain check (head and count) says intact");
  await audit(sup, "audit-verified");

  // -- supervisor: the centre's closure days, on the calendar page --
  await sup.getByRole("link", { name: "Calendar", exact: true }).click();
  await sup.getByRole("heading", { name: "Closure days", level: 2 }).waitFor();
  await settled(sup);
  const next = new Date();
  next.setDate(next.getDate() + 200);
  const closeOn = next.toISOString().slice(0, 10);
  await fillDate(sup, "Date", closeOn);
  await sup.getByRole("button", { name: "Close the centre on this day" }).click();
  await sup.locator(".govuk-error-summary a[href='#closure-reason']").waitFor();
  check(true, "a closure day without a reason is refused on its field");
  await sup.getByLabel(/^Why/).fill("Annual staff conference");
  await sup.getByRole("button", { name: "Close the centre on this day" }).click();
  const closedBanner = sup.locator(".govuk-notification-banner--success", { hasText: /^The centre is closed on / });
  await closedBanner.waitFor();
  const closedRow = sup.getByRole("row", { name: /Annual staff conference/ });
  await closedRow.waitFor();
  const listed = await apiGet(await apiLogin("supervisor@northside.example"), `/api/v1/calendar/closures?from=${closeOn}&to=${closeOn}`);
  check(listed.length === 1 && listed[0].reason === "Annual staff conference", `a supervisor closed the centre on ${closeOn} from the calendar page, and the API lists it`);
  await audit(sup, "calendar-closures");
  await closedRow.getByRole("button", { name: /^Open again/ }).click();
  await sup.locator(".govuk-notification-banner--success", { hasText: / is a working day again\.$/ }).waitFor();
  await closedRow.waitFor({ state: "detached" });
  check((await apiGet(await apiLogin("supervisor@northside.example"), `/api/v1/calendar/closures?from=${closeOn}&to=${closeOn}`)).length === 0, "the day was opened again");

  // -- supervisor: draw a QA sample, review a case, read the report --
  await sup.getByRole("link", { name: "Supervision", exact: true }).click();
  await sup.getByRole("heading", { name: "File reviews", level: 1 }).waitFor();
  await settled(sup);
  await sup.getByRole("button", { name: "Draw sample" }).click();
  await sup.locator(".govuk-error-summary a[href='#sample-seed']").waitFor();
  check(true, "an empty seed shows the API's problem linked to the field");
  await audit(sup, "qa-sample-error");
  // By keyboard: the seed typed and the form sent with Enter.
  await sup.getByLabel("Seed").fill("e2e-2026-Q4");
  await sup.getByLabel("Seed").press("Enter");
  await sup.getByText(/Sample drawn with seed/).waitFor();
  await settled(sup);
  await audit(sup, "qa");
  const review = sup.getByRole("link", { name: /^Review case/ }).first();
  await review.waitFor();
  await review.click();
  await sup.getByRole("heading", { name: /^Review case/ }).waitFor();
  await settled(sup);
  await audit(sup, "qa-review");
  // The reviewer judges the first item otherwise than the stored finding, by keyboard.
  const first = sup.locator("fieldset .govuk-radios__input").first();
  await first.focus();
  await sup.keyboard.press("ArrowRight");
  await sup.getByLabel("Actions for the adviser").fill("Send the written advice letter within 5 working days.");
  await sup.getByRole("button", { name: "Record review" }).click();
  await sup.getByRole("heading", { name: "Review recorded" }).waitFor();
  const score = await sup.locator(".govuk-panel__body").innerText();
  check(/Score \d+%/.test(score), `a supervisor recorded a QA review (${score.trim()})`);
  await audit(sup, "qa-review-recorded");
  await sup.getByRole("link", { name: "Back to file reviews" }).click();
  await sup.getByText("Send the written advice letter within 5 working days.").waitFor();
  check(true, "the review is listed with its actions");

  await sup.getByRole("link", { name: "Compliance report" }).click();
  await sup.getByRole("heading", { name: "Compliance report" }).waitFor();
  await settled(sup);
  const charts = await sup.locator("figure.cma-chart svg[role=img]").count();
  check(charts >= 3, `the compliance report draws its charts (${charts})`);
  await sup.getByText("Show the figures as a table").first().click();
  check(await sup.locator("figure.cma-chart table").first().isVisible(), "a chart's figures open as a table");
  await audit(sup, "compliance-report");
  // Pass rates over time come from the API's findings history (this week: every case).
  const history = sup.locator("figure.cma-chart", { has: sup.locator("#chart-history-title") });
  await history.waitFor();
  check((await history.locator("circle").count()) >= 1, "the pass rate over time is plotted from the findings history");
  await sup.locator("#history-interval").selectOption("month");
  await settled(sup);
  await sup.locator("#chart-history-title", { hasText: "Rule pass rate by month" }).waitFor();
  check(true, "the pass rate over time can be shown by month");

  // A supervisor keeps the creditor directory (finance:write).
  await sup.getByRole("link", { name: "Centre admin" }).click();
  await sup.getByRole("link", { name: "Creditor directory" }).click();
  await settled(sup);
  await sup.getByRole("button", { name: "Add a creditor" }).click();
  await sup.getByRole("button", { name: "Add creditor" }).click();
  await sup.locator(".govuk-error-summary a[href='#creditor-name']").waitFor();
  check(true, "a creditor without a name shows the problem linked to the field");
  await audit(sup, "admin-creditor-error");
  await sup.getByLabel("Name", { exact: true }).fill("E2E Finance Ltd");
  await sup.getByLabel("Email").fill("collections@e2e-finance.example");
  await sup.getByRole("button", { name: "Add creditor" }).click();
  await sup.getByRole("cell", { name: "E2E Finance Ltd", exact: true }).waitFor();
  check(true, "a supervisor added a creditor");
  await audit(sup, "admin-creditors");

  // -- centre admin: users and grants, policy, profile, reference data --
  const adm = await newPage();
  await signIn(adm, "admin@northside.example");
  await adm.getByRole("link", { name: "Centre admin" }).click();
  await adm.getByRole("heading", { name: "Users", level: 1 }).waitFor();
  await settled(adm);
  await audit(adm, "admin-users");
  // An admin creates a user, who then signs in with the first password the admin set.
  await adm.getByRole("button", { name: "Add a user" }).click();
  await adm.getByRole("button", { name: "Add user" }).click();
  await adm.locator(".govuk-error-summary a[href^='#user-']").first().waitFor();
  check(true, "adding a user with nothing filled in shows the API's problem linked to the field");
  await audit(adm, "admin-user-add-error");
  const newEmail = "new.caseworker@northside.example";
  await adm.getByLabel("Email address").fill(newEmail);
  await adm.getByLabel("Display name").fill("New Caseworker");
  await adm.getByLabel("Caseworker", { exact: true }).check();
  await adm.getByLabel("Adviser", { exact: true }).uncheck();
  await adm.getByLabel("First password").fill(password);
  await adm.getByLabel("First password").press("Enter");
  await adm.getByRole("status").filter({ hasText: "added" }).waitFor();
  check(true, "an admin created a user (by keyboard: sent with Enter)");
  await audit(adm, "admin-user-added");
  const fresh = await newPage();
  await signIn(fresh, newEmail);
  check(true, "the new user signed in with the first password");
  await adm.getByRole("status").getByRole("link", { name: "New Caseworker" }).click();
  await adm.getByRole("heading", { name: "New Caseworker", level: 1 }).waitFor();
  await settled(adm);
  await adm.getByLabel("Adviser", { exact: true }).check();
  await adm.getByRole("button", { name: "Save roles" }).click();
  await adm.getByText("Roles saved.").waitFor();
  await adm.getByRole("button", { name: "Deactivate user" }).click();
  await adm.getByRole("button", { name: "Reactivate user" }).waitFor();
  await audit(adm, "admin-user-edited");
  const refused = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: newEmail, password }),
  });
  check(refused.status === 401, "an admin changed the user's roles and deactivated them: they can no longer sign in");
  await adm.getByRole("link", { name: "Back to users" }).click();
  await adm.getByRole("heading", { name: "Users", level: 1 }).waitFor();
  await adm.getByRole("link", { name: "Northside Caseworker", exact: true }).click();
  await adm.getByRole("heading", { name: "Northside Caseworker", level: 1 }).waitFor();
  await settled(adm);
  await adm.getByLabel("Permission").selectOption("sensitive:read");
  await adm.getByRole("button", { name: "Grant permission" }).click();
  await adm.locator(".govuk-error-summary").waitFor();
  await audit(adm, "admin-user-grant-error");
  await adm.getByLabel("Reason").fill("Covering a vulnerable client's case this week");
  await adm.getByRole("button", { name: "Grant permission" }).click();
  await adm.getByRole("button", { name: "Revoke sensitive:read" }).waitFor();
  check(true, "an admin granted a user a permission");
  await audit(adm, "admin-user");
  await adm.getByRole("button", { name: "Revoke sensitive:read" }).click();
  await adm.getByText("No extra permissions").waitFor();
  check(true, "an admin revoked the grant");

  await adm.getByRole("link", { name: "Compliance policy" }).click();
  await settled(adm);
  await adm.getByLabel("Written advice within (working days)").fill("abc");
  await adm.getByRole("button", { name: "Save policy" }).click();
  await adm.locator(".govuk-error-summary").waitFor();
  await audit(adm, "admin-policy-error");
  await adm.getByLabel("Written advice within (working days)").fill("5");
  await adm.getByRole("button", { name: "Save policy" }).click();
  await adm.getByText(/Policy saved/).waitFor();
  check(true, "an admin saved the compliance policy");
  await audit(adm, "admin-policy");

  await adm.getByRole("link", { name: "Centre profile" }).click();
  await settled(adm);
  await adm.getByLabel("Phone").fill("0161 496 0000");
  await adm.getByRole("button", { name: "Save profile" }).click();
  await adm.getByText("Profile saved.").waitFor();
  check(true, "an admin saved the centre's profile");
  await audit(adm, "admin-profile");

  await adm.getByRole("link", { name: "Working hours" }).click();
  await settled(adm);
  await adm.locator("#hours-4-0-to").fill("half five");
  await adm.getByRole("button", { name: "Save working hours" }).click();
  await adm.locator(".govuk-error-summary a[href='#hours-4-0-to']").waitFor();
  check((await adm.locator("#hours-4-0-to.govuk-input--error").count()) === 1, "a time the API cannot read is named in the error summary and marked on its input");
  await audit(adm, "admin-working-hours-error");
  await adm.locator("#hours-4-0-to").fill("13:00");
  // A second window on Friday overlapping the first: the API names that window's field.
  await adm.getByRole("button", { name: "Add a window on Friday" }).click();
  check(await adm.locator("#hours-4-1-from").evaluate((el) => el === document.activeElement), "adding a window puts the cursor in its opening time");
  await adm.locator("#hours-4-1-from").fill("12:30");
  await adm.locator("#hours-4-1-to").fill("16:00");
  await adm.getByRole("button", { name: "Save working hours" }).click();
  await adm.locator(".govuk-error-summary a[href='#hours-4-1-from']").waitFor();
  check((await adm.locator("#hours-4-1-from.govuk-input--error").count()) === 1, "an overlapping window is named in the error summary and marked on its input");
  await audit(adm, "admin-working-hours-overlap");
  await adm.locator("#hours-4-1-from").fill("14:00");
  const put = () => adm.waitForResponse((r) => r.url().includes("/api/v1/centre/working-hours") && r.request().method() === "PUT");
  let answered = put();
  await adm.getByRole("button", { name: "Save working hours" }).click();
  check((await answered).status() === 200, "the two Friday windows were saved");
  await adm.getByText(/Working hours saved/).waitFor();
  const admin = await apiLogin("admin@northside.example");
  let saved = await apiGet(admin, "/api/v1/centre/working-hours");
  check(
    JSON.stringify(saved.weekly_hours["4"]?.map((w) => w.end)) === JSON.stringify(["13:00:00", "16:00:00"]) && saved.weekly_hours["4"][1].start === "14:00:00",
    `an admin set two opening windows on Friday (${JSON.stringify(saved.weekly_hours["4"])})`,
  );
  await audit(adm, "admin-working-hours");
  // The afternoon window removed again: Fridays close at 13:00.
  await adm.getByRole("button", { name: "Remove window 2 on Friday" }).click();
  check(await adm.locator("#hours-4-0-from").evaluate((el) => el === document.activeElement), "removing a window puts the cursor in the window before it, not at the top of the page");
  answered = put();
  await adm.getByRole("button", { name: "Save working hours" }).click();
  check((await answered).status() === 200, "the Friday afternoon window was removed");
  saved = await apiGet(admin, "/api/v1/centre/working-hours");
  check(saved.weekly_hours["4"]?.length === 1 && saved.weekly_hours["4"][0].end === "13:00:00", "an admin set the centre's working hours (Fridays close at 13:00)");

  // Spending guidelines: a bad line named, a preview, then the import.
  await adm.getByRole("link", { name: "Spending guidelines" }).click();
  await settled(adm);
  await audit(adm, "admin-guidelines");
  const header = "valid_from,valid_to,adults,children,category,monthly_pence,source";
  await adm.getByLabel("Or paste the file").fill(`${header}\n2026-04-06,,3,0,personal,100,E2E\n`);
  await adm.getByRole("button", { name: "Preview changes" }).click();
  await adm.locator(".govuk-error-summary").waitFor();
  check(/line\[2\]\.adults/.test(await adm.locator(".govuk-error-summary").innerText()), "a bad guidelines line is named (line and column) in the error summary");
  await audit(adm, "admin-guidelines-error");
  const example = readFileSync(join(repo, "src", "cma_core", "reference", "example_spending_guidelines.csv"), "utf8");
  await adm.getByLabel("Or paste the file").fill(example.replace("2025-04-07,,1,0,personal,5200", "2025-04-07,,1,0,personal,5300"));
  await adm.getByLabel("Where the figures come from").fill("E2E figures");
  await adm.getByRole("button", { name: "Preview changes" }).click();
  await adm.getByRole("heading", { name: "What this file changes" }).waitFor();
  await audit(adm, "admin-guidelines-preview");
  await adm.getByRole("button", { name: "Import these guidelines" }).click();
  await adm.getByRole("heading", { name: "Imported" }).waitFor();
  await adm.getByRole("cell", { name: "E2E figures" }).first().waitFor();
  check(true, "an admin previewed a guidelines file, then imported it (listed with its source)");
  await audit(adm, "admin-guidelines-imported");

  // Threshold overrides: a bad value named, then saved with its reason.
  await adm.getByRole("link", { name: "Threshold overrides" }).click();
  await settled(adm);
  await audit(adm, "admin-thresholds");
  await adm.locator("#override-pick").selectOption({ index: 0 });
  await adm.getByRole("button", { name: "Add an override" }).click();
  await adm.getByLabel("The centre's figure").fill("lots");
  await adm.getByLabel("Reason").fill("E2E pilot figure");
  await adm.getByRole("button", { name: "Save overrides" }).click();
  await adm.locator(".govuk-error-summary").waitFor();
  await audit(adm, "admin-thresholds-error");
  await adm.getByLabel("The centre's figure").fill("3");
  await adm.getByRole("button", { name: "Save overrides" }).click();
  await adm.getByText(/Overrides saved/).waitFor();
  check(true, "an admin saved a threshold override (If-Match) with its reason and the national figure shown");
  await audit(adm, "admin-thresholds-saved");
  await adm.getByRole("link", { name: "Creditor directory" }).click();
  await settled(adm);
  check((await adm.getByRole("button", { name: "Add a creditor" }).count()) === 0, "an admin without finance:write is not offered creditor edits");
  await adm.getByRole("link", { name: "Letter templates" }).click();
  await adm.getByRole("region", { name: "Advice summary" }).getByText("Show the wording").click();
  check(
    (await adm.getByRole("button", { name: "Save the centre's wording" }).count()) === 0 && (await adm.locator("pre.cma-pre").first().isVisible()),
    "an admin without finance:write reads the letters' wording and is not offered edits",
  );
  await audit(adm, "admin-letter-templates-read");

  // -- privacy: subject access copy, then erasure behind the typed name --
  const token = await apiLogin("admin@northside.example");
  const clients = await apiGet(token, "/api/v1/clients?limit=100");
  const victim = clients.items[clients.items.length - 1];
  await adm.goto(`${base}/clients/${victim.id}`);
  await adm.getByRole("link", { name: /Data protection requests/ }).click();
  await adm.getByRole("heading", { name: "Data protection requests" }).waitFor();
  await settled(adm);
  await audit(adm, "privacy");
  const [download] = await Promise.all([adm.waitForEvent("download"), adm.getByRole("button", { name: "Download the subject access copy" }).click()]);
  const path = join(out, "subject-access.json");
  await download.saveAs(path);
  check(/"client"/.test((await import("node:fs")).readFileSync(path, "utf8")), "the subject access copy downloads as JSON");
  const erase = adm.getByRole("button", { name: "Erase client and all their cases" });
  await adm.getByLabel(/To confirm, type/).fill("someone else");
  check(await erase.isDisabled(), "erasure stays disabled until the client's name is typed");
  await adm.getByLabel(/To confirm, type/).fill(`${victim.first_name} ${victim.last_name}`);
  await audit(adm, "privacy-confirm");
  await erase.click();
  await adm.getByRole("heading", { name: "Client erased" }).waitFor();
  const gone = await fetch(`${base}/api/v1/clients/${victim.id}`, { headers: { authorization: `Bearer ${token}` } });
  check(gone.status === 404, "the erased client is gone from the API");
  await audit(adm, "privacy-erased");

  // -- privacy registers: data-subject requests and legal holds --
  await adm.getByRole("link", { name: "Privacy", exact: true }).click();
  await adm.getByRole("heading", { name: "Data-subject requests" }).waitFor();
  await settled(adm);
  await audit(adm, "privacy-requests");
  await adm.getByRole("button", { name: "Record the request" }).click();
  await adm.locator(".govuk-error-summary a[href='#request-new-client']").waitFor();
  await audit(adm, "privacy-requests-error");
  // Find the client by typing the start of a surname, not by scrolling the whole centre.
  await adm.locator("#request-new-client option").nth(1).waitFor({ state: "attached" });
  const someone = (await adm.locator("#request-new-client option").nth(1).textContent()).trim();
  const surname = someone.split(" ").pop();
  await adm.locator("#request-new-client-search").fill(surname.slice(0, 4));
  await adm.locator("#request-new-client-found", { hasText: /match/ }).waitFor();
  check((await adm.locator("#request-new-client option", { hasText: someone }).count()) >= 1, "typing the start of a surname offers that client");
  await audit(adm, "privacy-requests-client-search");
  await adm.locator("#request-new-client").selectOption({ label: someone });
  await adm.getByRole("button", { name: "Record the request" }).click();
  await adm.locator("tbody td", { hasText: someone }).first().waitFor();
  await adm.locator("tbody .govuk-tag", { hasText: /^open$/ }).first().waitFor();
  await adm.getByRole("button", { name: /^Edit/ }).first().click();
  await fillDate(adm, "Answered on (optional)", new Date().toISOString().slice(0, 10));
  await adm.getByRole("button", { name: "Save the request" }).click();
  await adm.locator("tbody .govuk-tag", { hasText: "answered" }).first().waitFor();
  check(true, "a data-subject request was recorded, then answered (If-Match)");
  await audit(adm, "privacy-requests-answered");
  if ((await adm.getByRole("link", { name: "Legal holds" }).count()) > 0) {
    await adm.getByRole("link", { name: "Legal holds" }).click();
    await adm.getByRole("heading", { name: "Legal holds" }).waitFor();
    await settled(adm);
    await audit(adm, "privacy-holds");
    if ((await adm.getByRole("button", { name: "Place the hold" }).count()) > 0) {
      await adm.locator("#hold-client").selectOption({ index: 1 });
      await adm.getByRole("button", { name: "Place the hold" }).click();
      await adm.locator("tbody .govuk-tag", { hasText: "held" }).first().waitFor();
      await adm.getByRole("button", { name: /^Release/ }).first().click();
      await adm.locator("#holds-active").selectOption("");
      await adm.locator("tbody .govuk-tag", { hasText: /^released/ }).first().waitFor();
      check(true, "a legal hold was placed on a client and released (If-Match)");
      await audit(adm, "privacy-holds-released");
      // A hold on one case: the client's cases offered once the client is chosen.
      await adm.locator("#hold-subject").selectOption("case");
      await adm.getByRole("button", { name: "Place the hold" }).click();
      await adm.locator(".govuk-error-summary a[href='#hold-case']").waitFor();
      await adm.locator("#hold-case option").nth(1).waitFor({ state: "attached" });
      const caseLabel = (await adm.locator("#hold-case option").nth(1).textContent()).trim();
      await adm.locator("#hold-case").selectOption({ index: 1 });
      await adm.getByRole("button", { name: "Place the hold" }).click();
      await adm.locator("tbody td", { hasText: `Case ${caseLabel.split(" ")[0]}` }).first().waitFor();
      check(true, "a legal hold was placed on one case, named by its reference in the register");
      await audit(adm, "privacy-holds-case");
    }
  }
  await adm.getByRole("link", { name: "Due for disposal" }).click();
  await adm.getByRole("heading", { name: /^Would be deleted \(\d+\)$/ }).waitFor();
  check(/kept \d+ years after closure/.test(await adm.locator("main").innerText()), "the privacy registers show what the next retention run would delete (a dry run)");
  await audit(adm, "privacy-retention-due");

  // -- the caseworker is offered neither supervision nor admin --
  const cw = await newPage();
  await signIn(cw, "caseworker@northside.example");
  const offered = (await cw.getByRole("link", { name: "Supervision" }).count()) + (await cw.getByRole("link", { name: "Centre admin" }).count());
  check(offered === 0, "a caseworker's navigation has no supervision or admin");
  await cw.goto(`${base}/admin/users`);
  await cw.getByRole("heading", { name: "Page not found" }).waitFor();
  check(true, "a caseworker typing the admin address gets not found");
  writeFileSync(join(out, "staff-done.txt"), "ok\n");
}
