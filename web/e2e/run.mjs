// Browser tests of the console: a real CMA server on a fresh demo SQLite database, driven
// in Debian's Chromium by playwright-core (no browser download). Every page is checked
// with axe-core (0 serious or critical violations) and photographed at 1280 and 390 px
// into test-results/screenshots; any Content Security Policy violation fails the run.
// Writes test-results/budgets.json (first-load JS gzipped, work queue interactive time).
//
//   node e2e/run.mjs            (needs ../.venv with CMA installed, and `npm run build`)
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { staffTests } from "./staff.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const web = join(here, "..");
const repo = join(web, "..");
const out = join(web, "test-results");
const shots = join(out, "screenshots");
const PASSWORD = "demo-password-2024";
const cma = process.env.CMA_BIN || join(repo, ".venv", "bin", "cma");
const axeSource = readFileSync(join(web, "node_modules", "axe-core", "axe.min.js"), "utf8");

rmSync(out, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

const results = { pages: [], axe: [], failures: [], budgets: {} };
let failed = false;
function check(ok, message) {
  if (!ok) {
    failed = true;
    results.failures.push(message);
    console.error(`FAIL ${message}`);
  } else {
    console.log(`ok   ${message}`);
  }
}

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const p = spawn(cma, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    p.stdout.on("data", (d) => (text += d));
    p.stderr.on("data", (d) => (text += d));
    p.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`cma ${args.join(" ")}: ${code}\n${text}`))));
  });
}

// ---- the server: a fresh demo database ----
const dataDir = mkdtempSync(join(tmpdir(), "cma-web-e2e-"));
const port = await freePort();
const base = `http://localhost:${port}`;
const env = {
  ...process.env,
  CMA_DATA_DIR: dataDir,
  CMA_WEB_DIR: join(web, "dist"),
  CMA_RATE_LIMIT_PER_MINUTE: "0",
  CMA_RATE_LIMIT_PER_IP_PER_MINUTE: "0",
  CMA_LOG_LEVEL: "WARNING",
  OMP_THREAD_LIMIT: "1",
};
delete env.CMA_DATABASE_URL;
delete env.CMA_REDIS_URL;
console.log(`seeding the demo into ${dataDir}`);
await run(["demo", "--no-serve"], env);
const server = spawn(cma, ["serve", "--host", "127.0.0.1", "--port", String(port)], { env, stdio: "inherit" });
process.on("exit", () => server.kill("SIGTERM"));
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/health`)).ok) break;
  } catch {
    /* not yet */
  }
  if (i > 240) throw new Error("the server did not start");
  await new Promise((r) => setTimeout(r, 250));
}

async function apiLogin(email) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return (await r.json()).access_token;
}
async function apiGet(token, path) {
  const r = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return r.json();
}

// ---- the browser ----
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    // A fresh, empty profile: Playwright's launch() makes one per run (it refuses
    // --user-data-dir here; launchPersistentContext is the other way).
  ],
});

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) check(false, `CSP violation on ${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => check(false, `script error on ${page.url()}: ${e.message}`));
  return page;
}

async function settled(page) {
  // Not "networkidle": the documents tab polls while a document is being read.
  await page.waitForLoadState("load");
  await page.waitForTimeout(150);
  await page.waitForFunction(() => !Array.from(document.querySelectorAll("[role=status]")).some((e) => /Loading/.test(e.textContent || "")), null, { timeout: 15000 });
}

async function audit(page, name) {
  await settled(page);
  await page.evaluate(`${axeSource}\n;0`);
  const r = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const res = await axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  });
  const bad = r.filter((v) => v.impact === "serious" || v.impact === "critical");
  results.axe.push({ page: name, violations: r, serious_or_critical: bad.length });
  check(bad.length === 0, `axe ${name}: ${bad.length} serious/critical${bad.length ? ` ${JSON.stringify(bad)}` : ""}`);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const file = `${name}-${width}.png`;
    await page.screenshot({ path: join(shots, file), fullPage: true });
    results.pages.push(file);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function signIn(page, email) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Work queue" }).waitFor();
}

try {
  // -- first load and sign-in budgets (adviser) --
  const page = await newPage();
  const js = [];
  page.on("response", async (r) => {
    if (r.url().endsWith(".js") && r.url().startsWith(base)) {
      try {
        js.push({ url: r.url(), gz: gzipSync(await r.body(), { level: 9 }).length });
      } catch {
        /* a redirect or aborted response */
      }
    }
  });
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email address").waitFor();
  await page.waitForLoadState("networkidle");
  const firstLoadGz = js.reduce((n, f) => n + f.gz, 0);
  results.budgets.first_load_js_gzip_bytes = firstLoadGz;

  check(firstLoadGz <= 250 * 1024, `first-load JS ${(firstLoadGz / 1024).toFixed(1)} KB gzipped (budget 250 KB)`);
  await audit(page, "sign-in");

  // A problem+json shown in the error summary (wrong password).
  await page.getByLabel("Email address").fill("adviser1@northside.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.locator(".govuk-error-summary").waitFor();
  check(await page.locator(".govuk-error-summary").isVisible(), "a failed sign-in shows the error summary");
  await audit(page, "sign-in-error");

  await page.getByLabel("Password").fill(PASSWORD);
  // Timed from the sign-in answer (the password check itself is argon2, deliberately
  // slow) to the queue showing every section with nothing left loading.
  const t0 = Date.now();
  let signedIn = 0;
  const answered = page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/login")).then(() => (signedIn = Date.now()));
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
  await page.getByRole("heading", { name: "Work queue" }).waitFor();
  await page.waitForFunction(() => !Array.from(document.querySelectorAll("[role=status]")).some((e) => /Loading/.test(e.textContent || "")), null, { polling: 16 });
  const done = Date.now();
  results.budgets.sign_in_request_ms = signedIn - t0;
  results.budgets.work_queue_interactive_ms = done - signedIn;
  // Baseline in the same run: the same API calls the queue makes, straight from Node
  // (sequenced as the page does: who-am-I, then the three lists at once).
  const baseToken = await apiLogin("adviser1@northside.example");
  const b0 = Date.now();
  await apiGet(baseToken, "/api/v1/auth/me");
  const day = new Date();
  day.setHours(0, 0, 0, 0);
  const from = day.toISOString();
  const to = new Date(day.getTime() + 86400000).toISOString();
  const week = new Date(day.getTime() + 8 * 86400000).toISOString();
  await Promise.all([
    apiGet(baseToken, "/api/v1/tasks?assignee=me&status=open&limit=100"),
    apiGet(baseToken, `/api/v1/tasks?assignee=me&status=open&limit=100&due_before=${encodeURIComponent(week)}`),
    apiGet(baseToken, `/api/v1/appointments?adviser_id=me&limit=50&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  ]);
  results.budgets.baseline_same_api_calls_ms = Date.now() - b0;
  check(done - signedIn <= 1500, `work queue interactive ${done - signedIn} ms after sign-in (budget 1500 ms; the sign-in request itself took ${signedIn - t0} ms)`);
  await audit(page, "work-queue");

  // The access token is in memory only; the refresh cookie is HttpOnly.
  const stored = await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie);
  check(!/eyJ|cma_refresh/.test(stored), "no token in storage or script-readable cookies");
  await page.reload();
  await page.getByRole("heading", { name: "Work queue" }).waitFor();
  check(true, "a reload resumes the session from the HttpOnly cookie");

  // -- cases list, case page tabs --
  await page.getByRole("link", { name: "Cases", exact: true }).click();
  await page.getByRole("heading", { name: "Cases" }).waitFor();
  await audit(page, "cases");
  await page.getByLabel("Adviser").selectOption("me");
  await settled(page);
  await page.locator("table a").first().click();
  await page.getByText("Timeline").waitFor();
  const caseUrl = page.url();
  await audit(page, "case-overview");

  // Debts: a problem next to the field, then a debt added and changed.
  await page.getByRole("link", { name: "Debts", exact: true }).click();
  await settled(page);
  await page.getByText("Add a debt").first().click();
  await page.getByLabel("Balance").fill("abc");
  await page.getByRole("button", { name: "Add debt" }).click();
  await page.locator(".govuk-error-summary").waitFor();
  await audit(page, "case-debts-error");
  await page.getByLabel("Balance").fill("1234.56");
  await page.getByLabel("Account reference").fill("E2E-REF-1");
  await page.getByRole("button", { name: "Add debt" }).click();
  await page.getByText("E2E-REF-1").waitFor();
  check(true, "a debt was added");
  await page.getByRole("button", { name: /Change/ }).first().click();
  await page.locator("form .govuk-heading-m", { hasText: "Change debt" }).waitFor();
  await audit(page, "case-debts");
  await page.getByRole("button", { name: "Save changes" }).click();
  await settled(page);

  for (const [tab, name] of [
    ["Budget", "case-budget"],
    ["Options and offers", "case-options"],
    ["Letters", "case-letters"],
    ["Documents", "case-documents"],
    ["Deadlines", "case-deadlines"],
    ["Appointments", "case-appointments"],
    ["Compliance", "case-compliance"],
    ["Notes", "case-notes"],
  ]) {
    await page.getByRole("link", { name: tab, exact: true }).click();
    await settled(page);
    if (tab === "Budget") {
      await page.getByRole("button", { name: "Save budget" }).click();
      await settled(page);
    }
    if (tab === "Options and offers") {
      await page.getByRole("button", { name: "Plan offers" }).click();
      await page.getByText(/Latest plan/).waitFor();
      check(true, "offers were planned");
      await page.getByLabel("Why this solution").fill("Affordable monthly payments; no assets at risk.");
      await page.getByRole("button", { name: "Record advice" }).click();
      await page.getByText(/recommended Dmp/).waitFor();
      check(true, "the advice given was recorded");
    }
    if (tab === "Letters") {
      // An offer letter needs its debt: the API's problem is linked to that field.
      await page.getByLabel("Letter", { exact: true }).selectOption("offer_of_payment");
      await page.getByRole("button", { name: "Generate letter" }).click();
      await page.locator(".govuk-error-summary a[href='#letter-debt']").waitFor();
      check(true, "a refused letter shows the API's reason next to the field");
      await page.getByLabel("Letter", { exact: true }).selectOption("advice_summary");
      await page.getByRole("button", { name: "Generate letter" }).click();
      await page.locator("iframe.cma-letter-preview").waitFor();
      check(true, "an advice summary letter was generated and previewed");
    }
    if (tab === "Documents") {
      // A creditor's letter rendered by the API tests' own fixture, read by Tesseract.
      const png = execFileSync(
        join(repo, ".venv", "bin", "python"),
        ["-c", "import sys; from tests.e2e.documents_fixtures import CREDITOR_LETTER, letter_png; sys.stdout.buffer.write(letter_png(CREDITOR_LETTER))"],
        { cwd: repo, maxBuffer: 16 * 1024 * 1024 },
      );
      await page.setInputFiles("#document-file", { name: "lowell-letter.png", mimeType: "image/png", buffer: png });
      await page.getByText("lowell-letter.png").waitFor();
      check(true, "a document was uploaded and listed with its reading status");
      // The status updates by itself; the suggestion it makes is accepted.
      await page.locator("tbody .govuk-tag", { hasText: /^(read|failed)$/ }).first().waitFor({ timeout: 90000 });
      const accept = page.getByRole("button", { name: /^Accept/ }).first();
      await accept.waitFor({ timeout: 30000 });
      const what = await page.locator(".cma-card p").first().innerText();
      await accept.click();
      await page.locator(".cma-card .govuk-tag", { hasText: "accepted" }).first().waitFor();
      check(true, `a suggestion was accepted (${what})`);
    }
    if (tab === "Notes") {
      await page.getByLabel("Add a note").fill("Called the client; budget agreed.");
      await page.getByRole("button", { name: "Add note" }).click();
      await page.getByText("Called the client; budget agreed.").waitFor();
      check(true, "a note was added");
    }
    await audit(page, name);
  }

  await page.getByRole("link", { name: "Clients", exact: true }).click();
  await settled(page);
  await audit(page, "clients");
  await page.locator("main ul.govuk-list a").first().click();
  await settled(page);
  await audit(page, "client");
  await page.getByRole("link", { name: "Your account" }).click();
  await settled(page);
  await audit(page, "account");
  await page.goto(`${base}/no-such-page`);
  await settled(page);
  await audit(page, "not-found");

  // -- another centre's case id in the URL: not found --
  const caseId = new URL(caseUrl).pathname.split("/")[2];
  const other = await newPage();
  await signIn(other, "adviser1@riverside.example");
  await other.goto(`${base}/cases/${caseId}`);
  await other.getByRole("heading", { name: "Case not found" }).waitFor();
  check(true, "another centre's case id shows not found");
  await audit(other, "case-other-centre");

  // -- a caseworker must not see sensitive fields --
  // The demo client with recorded health detail, as an adviser sees it.
  const adviserToken = await apiLogin("adviser1@northside.example");
  const all = await apiGet(adviserToken, "/api/v1/clients?limit=100");
  const full = all.items.find((c) => c.health_notes);
  const sensitive = full;
  const cw = await newPage();
  await signIn(cw, "caseworker@northside.example");
  await cw.goto(`${base}/clients/${sensitive.id}`);
  await cw.getByText("Some details are withheld").waitFor();
  const text = await cw.locator("main").innerText();
  const secrets = [full.health_notes, full.vulnerability_notes].filter(Boolean);
  check(secrets.length > 0 && secrets.every((s) => !text.includes(s)), "the caseworker sees no sensitive detail");
  check((await cw.getByText("Withheld", { exact: true }).count()) >= 3, "withheld fields are shown as withheld");
  await audit(cw, "client-caseworker");

  // -- supervisor: audit viewer --
  const sup = await newPage();
  await signIn(sup, "supervisor@northside.example");
  await sup.getByRole("link", { name: "Audit" }).click();
  await sup.getByText("Chain links on this page").waitFor();
  await audit(sup, "audit");
  // Sign out everywhere: the refresh family is revoked and the cookie cleared.
  await sup.getByRole("button", { name: "Sign out" }).click();
  await sup.getByRole("heading", { name: "Sign in to CMA" }).waitFor();
  await sup.reload();
  await sup.getByRole("heading", { name: "Sign in to CMA" }).waitFor();
  check(true, "signing out ends the session (a reload stays signed out)");

  // -- supervision, centre admin, audit verification, privacy (e2e/staff.mjs) --
  await staffTests({ base, newPage, signIn, audit, settled, check, apiLogin, apiGet, out, password: PASSWORD });

  // -- API docs page renders under the CSP --
  const docs = await newPage();
  await docs.goto(`${base}/schema`);
  await docs.locator(".swagger-ui .info .title").waitFor({ timeout: 90000 });
  check(true, "/schema renders Swagger UI from local assets");
  await docs.screenshot({ path: join(shots, "schema-1280.png") });
  results.pages.push("schema-1280.png");

  // -- PWA: the manifest and the service worker --
  const manifest = await (await fetch(`${base}/manifest.webmanifest`)).json();
  check(manifest.display === "standalone" && manifest.icons.length > 0, "the web app manifest is served");
  const offline = await (await fetch(`${base}/offline.html`)).text();
  check(/You are offline/.test(offline), "the offline page is served");
} catch (e) {
  check(false, `run stopped: ${e.stack || e}`);
  for (const [i, p] of browser.contexts().flatMap((c) => c.pages()).entries()) {
    await p.screenshot({ path: join(out, `failure-${i}.png`), fullPage: true }).catch(() => undefined);
  }
} finally {
  writeFileSync(join(out, "results.json"), JSON.stringify(results, null, 2));
  writeFileSync(join(out, "budgets.json"), JSON.stringify(results.budgets, null, 2));
  await browser.close();
  server.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(results.budgets));
console.log(`${results.pages.length} screenshots in ${shots}`);
process.exit(failed ? 1 : 0);
