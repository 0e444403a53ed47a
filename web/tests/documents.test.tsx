// The case's Documents tab: several files chosen at once are sent one after another, each
// with where it has got to (sent, read, its suggestions), and a refused one is named in a
// GOV.UK error summary linked to the file input.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Schemas } from "../src/api/client";
import { answer, json, renderPage } from "./harness";

type Doc = Schemas["DocumentOut"];

const state = {
  docs: [] as unknown[],
  suggestions: [] as unknown[],
  posted: [] as string[],
  posts: [] as Array<{ status: number; body: unknown }>,
  decisions: [] as string[],
  lines: {} as Record<string, { key: string; amount_pence: number; frequency: string; note: null }>,
  batches: [] as number[],
};
answer(async (input) => {
  const url = new URL(input.url);
  if (input.method === "POST" && url.pathname.endsWith("/documents")) {
    state.posted.push(input.headers.get("content-type") ?? "");
    const next = state.posts.shift()!;
    if (next.status === 201) state.docs = [next.body, ...state.docs];
    return json(next.body, next.status);
  }
  const retry = url.pathname.match(/\/documents\/([^/]+)\/retry$/);
  if (input.method === "POST" && retry) {
    state.decisions.push(`retry ${retry[1]} ${input.headers.get("if-match")}`);
    state.docs = state.docs.map((d) => ((d as Doc).id === retry[1] ? { ...(d as Doc), status: "queued", version: 4 } : d));
    return json(state.docs.find((d) => (d as Doc).id === retry[1]), 202);
  }
  const gone = url.pathname.match(/\/documents\/([^/]+)$/);
  if (input.method === "DELETE" && gone) {
    state.decisions.push(`delete ${gone[1]} ${input.headers.get("if-match")}`);
    state.docs = state.docs.filter((d) => (d as Doc).id !== gone[1]);
    return new Response(null, { status: 204 });
  }
  const kind = url.pathname.match(/\/documents\/([^/]+)\/reclassify$/);
  if (input.method === "POST" && kind) {
    const body = JSON.parse(await input.text()) as { document_class: string };
    state.decisions.push(`reclassify ${kind[1]} ${body.document_class} ${input.headers.get("if-match")}`);
    state.docs = state.docs.map((d) => ((d as Doc).id === kind[1] ? { ...(d as Doc), document_class: body.document_class, class_confidence: 1, version: 5 } : d));
    state.suggestions = state.suggestions.map((x) => ({ ...(x as object), status: "rejected" }));
    const made = { ...(state.suggestions[0] as object), id: "s-new", status: "pending", title: "Add debt: Cabot Financial Ltd, £2,340.00" };
    state.suggestions = [...state.suggestions, made];
    return json({ document: state.docs.find((d) => (d as Doc).id === kind[1]), suggestions: [made], replaced: 1 });
  }
  if (input.method === "POST" && url.pathname.endsWith("/suggestions/decisions")) {
    // Several at once: each accepted, but one changed since it was seen (version 9 now).
    const asked = (JSON.parse(await input.text()) as { decisions: Array<{ suggestion_id: string; version: number; decision: string }> }).decisions;
    state.batches.push(asked.length);
    const results = asked.map((d) => {
      state.decisions.push(`${d.decision} ${d.suggestion_id} at ${d.version}`);
      const s = state.suggestions.find((x) => (x as { id: string }).id === d.suggestion_id) as Record<string, unknown>;
      if (s.version !== d.version) return { suggestion_id: d.suggestion_id, decided: false, problem: { type: "x/stale-version", title: "Precondition failed", status: 412 } };
      const out = { ...s, status: "accepted", version: d.version + 1 };
      state.suggestions = state.suggestions.map((x) => ((x as { id: string }).id === d.suggestion_id ? out : x));
      return { suggestion_id: d.suggestion_id, decided: true, accepted: { suggestion: out, debt_id: null, task: null, deadline_ids: [] } };
    });
    const accepted = results.filter((r) => r.decided).length;
    return json({ results, accepted, rejected: 0, not_decided: results.length - accepted });
  }
  const decision = url.pathname.match(/\/suggestions\/([^/]+)\/(accept|reject)$/);
  if (input.method === "POST" && decision) {
    const s = state.suggestions.find((x) => (x as { id: string }).id === decision[1]) as Record<string, unknown>;
    const text = await input.text();
    state.decisions.push(`${decision[2]} ${decision[1]} ${text}`);
    // Accepted with changes: the suggestion holds the adviser's values, as_read the reader's.
    const changes = ((text ? JSON.parse(text) : {}) as { changes?: Record<string, unknown> }).changes;
    const asRead = changes ? Object.fromEntries(Object.keys(changes).map((k) => [k, s[k]])) : null;
    const out = { ...s, ...(changes ?? {}), as_read: asRead, status: decision[2] === "accept" ? "accepted" : "rejected", version: 2 };
    state.suggestions = state.suggestions.map((x) => ((x as { id: string }).id === decision[1] ? out : x));
    return json(decision[2] === "accept" ? { suggestion: out, debt_id: "debt1", task: null, deadline_ids: [] } : out);
  }
  const content = url.pathname.match(/\/documents\/([^/]+)\/content$/);
  if (content) {
    state.decisions.push(`content ${content[1]}`);
    if (content[1] === "gone") return json({ title: "Not Found", status: 404, detail: "no such document" }, 404);
    if (content[1] === "d12") return new Response("\x89PNG", { headers: { "content-type": "image/png" } });
    return new Response("%PDF-1.7", { headers: { "content-type": "application/pdf" } });
  }
  if (url.pathname.endsWith("/budget")) return json({ budget: { lines: state.lines } });
  const items = url.pathname.endsWith("/documents") ? state.docs : url.pathname.endsWith("/suggestions") ? state.suggestions : [];
  return json({ items, total: items.length, limit: 50, offset: 0, next_cursor: null });
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "a", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { batchStatus, byDocument, documentName, Documents, kindOptions, reclassified, uploadProblem, uploadState, type Upload } from "../src/pages/case/Documents";
import { acceptedAll, caution } from "../src/pages/case/AcceptAll";
import { changes, decided, listed, place, readValue, reference, shownTitle, sureness, toCheck, toCheckNotes, typeDoubt } from "../src/pages/case/Evidence";
import { acceptBody, asReadText, changeable, otherValues, startValues } from "../src/pages/case/AcceptChanges";

function doc(id: string, filename: string, extra: Partial<Doc> = {}): Doc {
  return {
    id, case_id: "k1", filename, content_type: "image/png", status: "queued", document_class: null, class_confidence: null,
    failure_reason: null, attempts: 0, mean_confidence: null, page_count: null, sha256: "x", size: 1, version: 1,
    uploaded_at: "2026-12-05T09:00:00Z", updated_at: "2026-12-05T09:00:00Z", uploaded_by: null, ...extra,
  } as Doc;
}

function show() {
  renderPage(<Documents caseId="k1" />);
}

beforeEach(() => {
  state.docs = [];
  state.suggestions = [];
  state.posted = [];
  state.posts = [];
  state.decisions = [];
  state.lines = {};
  state.batches = [];
});

test("several files are sent one after another, and a duplicate is named in the error summary", async () => {
  state.docs = [doc("old", "payslip-oct.png", { status: "done", document_class: "payslip", uploaded_at: "2026-12-01T10:30:00Z" })];
  state.posts = [
    { status: 201, body: doc("d1", "lowell.png") },
    { status: 409, body: { title: "Conflict", status: 409, detail: "this file is already on the case as 'payslip-oct.png' (old)", existing_document_id: "old", errors: [{ field: "file", message: "this file is already on the case" }] } },
    { status: 201, body: doc("d3", "statement.csv", { content_type: "text/csv" }) },
  ];
  show();
  await screen.findByText("payslip-oct.png", { selector: "td > span" });
  const input = screen.getByLabelText("Upload letters, payslips or statements") as HTMLInputElement;
  expect(input.multiple).toBe(true);
  expect(input.accept).toContain(".csv");
  expect(input.accept).toContain(".ofx");
  const files = ["lowell.png", "payslip-copy.png", "statement.csv"].map((n) => new File([n], n, { type: n.endsWith(".csv") ? "text/csv" : "image/png" }));
  await userEvent.upload(input, files);
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("2 of 3 uploaded, 1 not uploaded"));
  expect(state.posted).toHaveLength(3);
  expect(state.posted[0]).toMatch(/^multipart\/form-data/);
  const chosen = screen.getByRole("list", { name: "Files chosen" });
  expect(within(chosen).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
    "lowell.png: uploaded, waiting to be read",
    expect.stringMatching(/^payslip-copy.png: not uploaded: it is already on this case, as payslip-oct.png \(uploaded 1 Dec 2026/),
    "statement.csv: uploaded, waiting to be read",
  ]);
  const summary = await screen.findByRole("alert");
  const link = within(summary).getByRole("link", { name: /payslip-copy.png was not uploaded: it is already on this case, as payslip-oct.png/ });
  expect(link).toHaveAttribute("href", "#document-file");
  expect(summary).not.toHaveTextContent(/\(old\)/);
  await waitFor(() => expect(document.activeElement).toBe(summary.parentElement));
  // The field itself says so too, as GOV.UK asks of a field in error.
  expect(input).toHaveAccessibleDescription(/Error: Not uploaded: payslip-copy.png\. Choose another file, or leave it\.$/);
});

test("each upload says where it has got to, up to its suggestions", () => {
  const sent: Upload = { key: 1, name: "a.png", state: "uploaded", documentId: "d1" };
  expect(uploadState({ ...sent, state: "waiting" }, undefined, undefined)).toBe("waiting to be sent");
  expect(uploadState(sent, doc("d1", "a.png", { status: "processing" }), undefined)).toBe("uploaded, being read");
  expect(uploadState(sent, doc("d1", "a.png", { status: "failed", failure_reason: "no text found" }), undefined)).toBe("reading failed: no text found");
  const read = doc("d1", "a.png", { status: "done", document_class: "bank_statement" });
  expect(uploadState(sent, read, undefined)).toBe("read (bank statement), looking for suggestions");
  expect(uploadState(sent, read, 0)).toBe("read (bank statement): nothing to suggest, check it yourself");
  expect(uploadState(sent, read, 3)).toBe("read (bank statement): 3 suggestions below");
  expect(batchStatus([{ key: 4, name: "one.pdf", state: "uploading" }])).toBe("Uploading one.pdf");
  expect(batchStatus([{ key: 4, name: "one.pdf", state: "uploaded" }])).toBe("one.pdf uploaded");
  expect(batchStatus([sent, { key: 2, name: "b.png", state: "uploading" }, { key: 3, name: "c.png", state: "waiting" }])).toBe("Uploading 2 of 3: b.png");
  expect(uploadProblem(413, {}, [])).toBe("it is too big to upload");
  expect(uploadProblem(415, { errors: [{ field: "file", message: "this type of file is not accepted" }] }, [])).toBe("this type of file is not accepted");
});

function suggestion(id: string, extra: Record<string, unknown> = {}) {
  return {
    id, case_id: "k1", document_id: "d1", kind: "new_debt", status: "pending", version: 1, confidence: 0.9, source: "rules",
    title: `Add debt: Lowell Portfolio Ltd, £1,234.56 (${id})`, creditor_name: "Lowell Portfolio Ltd", account_reference: "12345678",
    balance_pence: 123456, previous_balance_pence: null, court_claim_number: null, deadline: null, deadline_basis: null, debt_id: null,
    fact_date: null, rejection_reason: null, decided_at: null, decided_by: null, created_at: "2026-12-05T09:00:00Z", evidence: [], ...extra,
  };
}

test("accepting says what changed in a focused banner, and the suggestion moves to the decided ones", async () => {
  state.docs = [doc("d1", "lowell.png", { status: "done", document_class: "creditor_letter", updated_at: "2026-12-01T09:00:00Z" })];
  state.suggestions = [suggestion("s1"), suggestion("s2", { kind: "response_deadline", title: "Act on the letter by 30 Nov 2026", deadline: "2026-11-30" })];
  show();
  expect(await screen.findByRole("heading", { name: "Waiting for your decision (2)" })).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: /^Accept\s*Add debt: Lowell Portfolio Ltd, £1,234.56 \(s1\)$/ }));
  const banner = await screen.findByText("Accepted: a debt to Lowell Portfolio Ltd of £1,234.56 is added to the Debts tab.");
  await waitFor(() => expect(document.activeElement).toBe(banner.closest(".govuk-notification-banner")));
  expect(state.decisions).toEqual([expect.stringMatching(/^accept s1/)]);
  expect(await screen.findByRole("heading", { name: "Waiting for your decision (1)" })).toBeInTheDocument();
  expect(screen.getByText("Decided suggestions (1)")).toBeInTheDocument();

  // Reject opens its form with the focus in it; "Keep it" gives the focus back to Reject.
  const reject = () => screen.getByRole("button", { name: /^Reject\s*Act on the letter by 30 Nov 2026$/ });
  await userEvent.click(reject());
  expect(document.activeElement).toBe(screen.getByLabelText("Why reject it (optional)"));
  await userEvent.click(screen.getByRole("button", { name: /^Keep it/ }));
  await waitFor(() => expect(document.activeElement).toBe(reject()));
  // Rejecting with a reason: the banner says so, and the focus moves to it again.
  await userEvent.click(reject());
  await userEvent.type(screen.getByLabelText("Why reject it (optional)"), "paid already");
  await userEvent.click(screen.getByRole("button", { name: /^Confirm rejection/ }));
  const again = await screen.findByText("Rejected: Act on the letter by 30 Nov 2026. Nothing changed on the case.");
  await waitFor(() => expect(document.activeElement).toBe(again.closest(".govuk-notification-banner")));
  expect(state.decisions[1]).toMatch(/^reject s2 .*"reason":"paid already"/);
  expect(await screen.findByText("None: every suggestion is decided.")).toBeInTheDocument();
});

test("the banner says where an accepted budget line or deadline went", () => {
  const income = suggestion("s3", { kind: "new_income", budget_line: "wages_salary", balance_pence: 160140, frequency: "monthly" }) as never;
  expect(decided(income, "accepted")).toBe("Accepted: the budget's wages salary line is set to £1,601.40 monthly (Budget tab).");
  const claim = suggestion("s4", { kind: "court_claim_deadline", deadline: "2026-12-23" }) as never;
  expect(decided(claim, "accepted", { deadline_ids: ["a", "b"], task: null, debt_id: null, suggestion: claim })).toBe(
    "Accepted: court claim deadline recorded for 23 Dec 2026, 2 deadlines started (Deadlines tab).",
  );
  expect(decided(claim, "corrected")).toMatch(/^Rejected with your correction: .*the assistant learns from your correction\.$/);
});

test("a suggestion unsure of the document type says so apart from its title, in words and with what to do", async () => {
  state.docs = [doc("d1", "letter.png", { status: "done", document_class: "enforcement_agent_notice", updated_at: "2026-12-01T09:00:00Z" })];
  const title = "Check the document type (read as enforcement agent notice, 45% sure): Add debt: Lowell Portfolio Ltd, £1,234.56";
  state.suggestions = [suggestion("s5", { title, confidence: 0.45, source: "rules+tfidf:2026-12-05.20" })];
  show();
  const heading = await screen.findByRole("heading", { name: /^Add debt: Lowell Portfolio Ltd, £1,234.56\s*pending$/ });
  const card = heading.closest("li")!;
  expect(within(card).getByText(/From letter.png, read with low confidence \(45%\)/)).toBeInTheDocument();
  expect(card).toHaveTextContent(
    "Warning: Check the document type. It was read as an enforcement agent notice, only 45% sure; the values may be right but the paper another kind. If it is, say what kind it is in the documents list: it is read again as that kind, and this suggestion replaced.",
  );
  expect(within(card).getByRole("link", { name: "say what kind it is in the documents list" })).toHaveAttribute("href", "#document-d1-kind");
  expect(within(card).getByRole("button", { name: /^Accept\s*Add debt: Lowell Portfolio Ltd, £1,234.56$/ })).toBeInTheDocument();
});

test("titles show dates as an adviser reads them, and confidence in words first", () => {
  expect(shownTitle({ title: "Act on the letter by 2026-11-30" })).toBe("Act on the letter by 30 Nov 2026");
  expect(typeDoubt("Add debt: X")).toBeNull();
  expect(typeDoubt("Check the document type (read as payslip, 50% sure): Add income: X")).toEqual({ kind: "payslip", sure: "50%", rest: "Add income: X" });
  expect([0.95, 0.7, 0.4].map(sureness)).toEqual(["high confidence (95%)", "medium confidence (70%)", "low confidence (40%)"]);
});

test("a statement's payment to a creditor says before and after that accepting makes a task, not the debt", () => {
  const payment = suggestion("s6", { title: "Add debt: Lowell Portfolio (paid £25.00 monthly on the bank statement; balance not shown)", creditor_name: "Lowell Portfolio", balance_pence: null, account_reference: null }) as never;
  expect(changes(payment)).toEqual([
    ["Makes a task", "to add the debt to Lowell Portfolio once you know its balance"],
    ["Why not the debt", "the document does not show its balance"],
  ]);
  const task = { title: "Add debt: Lowell Portfolio (from document statement.csv)" } as Schemas["TaskOut"];
  expect(decided(payment, "accepted", { debt_id: null, task, deadline_ids: [], suggestion: payment })).toBe(
    "Accepted: a task was made for you: Add debt: Lowell Portfolio (from document statement.csv). Nothing else changed on the case yet.",
  );
  // A CSV or OFX export has no pages: its values are not placed on one.
  const csv = doc("d9", "statement.csv", { content_type: "text/csv" });
  expect(place({ field: "creditor_name", value: "Lowell", page: 1, box: null, label: null, role: null, score: 1, chosen: true, hard_to_read: false, unsure_choice: false }, csv)).toBe("in the export (it has no pages)");
});

test("a document that could not be read can be read again from its row, and the focus stays there", async () => {
  state.docs = [doc("d7", "blurred.jpg", { status: "failed", failure_reason: "the reader timed out", version: 3 })];
  show();
  const button = await screen.findByRole("button", { name: /^Read it again\s*\(blurred.jpg\)$/ });
  const row = button.closest("tr")!;
  expect(row).toHaveTextContent(/could not be read\s*the reader timed out/);
  await userEvent.click(button);
  const sent = await within(row).findByText("Sent to be read again.");
  await waitFor(() => expect(document.activeElement).toBe(sent));
  expect(state.decisions).toEqual(['retry d7 "3"']);
  expect(within(row).getByText("waiting to be read")).toBeInTheDocument();
  expect(within(row).queryByRole("button", { name: /^Read it again/ })).toBeNull();
});

test("a letter's own deadline says it is accepted as a task due on it, and the banner dates it as an adviser reads", () => {
  const pay = suggestion("s8", { kind: "response_deadline", title: "Act on the letter by 2026-11-30", deadline: "2026-11-30", deadline_basis: "date printed on the letter" }) as never;
  expect(changes(pay)).toEqual([["Makes a task due on", "30 Nov 2026 (date printed on the letter)"]]);
  const task = { title: "Act on the letter by 2026-11-30 (from document lowell.png)" } as Schemas["TaskOut"];
  expect(decided(pay, "accepted", { debt_id: null, task, deadline_ids: [], suggestion: pay })).toBe(
    "Accepted: a task was made for you: Act on the letter by 30 Nov 2026 (from document lowell.png). Nothing else changed on the case yet.",
  );
  // A court claim with its date of service is recorded on the case's clock, as before.
  const claim = suggestion("s9", { kind: "court_claim_deadline", fact_date: "2026-12-01", deadline: "2026-12-15" }) as never;
  expect(changes(claim)[0]).toEqual(["Records", "Court claim deadline"]);
});

test("the adviser says a document is another kind: it is read again as that kind, and a banner says what changed", async () => {
  state.docs = [doc("d8", "claim.png", { status: "done", document_class: "court_claim_n1", class_confidence: 0.41, version: 4 })];
  state.suggestions = [suggestion("s8", { document_id: "d8", title: "Respond to court claim K1 by 2026-11-30" })];
  show();
  const summary = await screen.findByText(/^Court claim N1/, { selector: ".govuk-details__summary-text" });
  const row = summary.closest("tr")!;
  await userEvent.click(summary);
  await userEvent.selectOptions(within(row).getByLabelText("What kind of document is it?"), "county_court_judgment");
  await userEvent.click(within(row).getByRole("button", { name: /^Read it again as this kind\s*\(claim.png\)$/ }));
  const banner = await screen.findByText("claim.png is read again as a county court judgment: 1 new suggestion below; 1 earlier suggestion is replaced");
  await waitFor(() => expect(document.activeElement).toBe(banner.closest(".govuk-notification-banner")));
  expect(state.decisions).toEqual(['reclassify d8 county_court_judgment "4"']);
  expect(await screen.findByText(/^County court judgment/, { selector: ".govuk-details__summary-text" })).toBeInTheDocument();
  expect(reclassified("a.png", "other", 0, 0)).toBe("a.png is read again as none of the kinds CMA knows: nothing new to suggest");
  expect(reclassified("a.png", "overpayment", 2, 3)).toBe("a.png is read again as an overpayment: 2 new suggestions below; 3 earlier suggestions are replaced");
});

test("a document is deleted only once the adviser confirms, and the banner says what stays", async () => {
  state.docs = [doc("d9", "wrong-client.png", { status: "done", document_class: "payslip", version: 6 })];
  show();
  const del = await screen.findByRole("button", { name: /^Delete\s*wrong-client.png$/ });
  const row = del.closest("tr")!;
  expect(within(row).getByRole("button", { name: /^Download\s*wrong-client.png$/ })).toBeInTheDocument();
  await userEvent.click(del);
  const ask = within(row).getByText(/^Delete wrong-client.png\? The file and all its suggestions go, decided ones too; .* You cannot undo this.$/);
  await waitFor(() => expect(document.activeElement).toBe(ask.parentElement));
  await userEvent.click(within(row).getByRole("button", { name: /^Cancel\s*deleting wrong-client.png$/ }));
  expect(state.decisions).toEqual([]);
  await waitFor(() => expect(document.activeElement).toBe(within(row).getByRole("button", { name: /^Delete\s*wrong-client.png$/ })));
  await userEvent.click(within(row).getByRole("button", { name: /^Delete\s*wrong-client.png$/ }));
  await userEvent.click(within(row).getByRole("button", { name: /^Yes, delete\s*wrong-client.png$/ }));
  const banner = await screen.findByText("wrong-client.png is deleted, with its suggestions. Anything they added to the case stays.");
  await waitFor(() => expect(document.activeElement).toBe(banner.closest(".govuk-notification-banner")));
  expect(state.decisions).toEqual(['delete d9 "6"']);
  expect(await screen.findByText("No documents yet.")).toBeInTheDocument();
});

test("a PDF or an image is shown in a new tab of its own (the console's page for it), opened in the click; other files are only downloaded", async () => {
  state.docs = [
    doc("d10", "final-demand.pdf", { status: "done", content_type: "application/pdf" }),
    doc("d11", "statement.csv", { status: "done", content_type: "text/csv" }),
    doc("d12", "payslip.png", { status: "done" }),
  ];
  const tab = { opener: {} as unknown };
  const open = vi.spyOn(window, "open").mockReturnValue(tab as unknown as Window);
  show();
  const view = await screen.findByRole("button", { name: /^View\s*final-demand.pdf ?\(opens in new tab\)$/ });
  const csvRow = screen.getByRole("button", { name: /^Download\s*statement.csv$/ }).closest("tr")!;
  expect(within(csvRow).queryByRole("button", { name: /^View/ })).toBeNull();
  await userEvent.click(view);
  // The document's page (DocumentView, tests/document-view.test.tsx) at an address that
  // holds its id, never its name; the tab cut off from the console; nothing fetched here.
  expect(open).toHaveBeenCalledWith("/documents/d10/view", "_blank");
  expect(tab.opener).toBeNull();
  await userEvent.click(screen.getByRole("button", { name: /^View\s*payslip.png/ }));
  expect(open).toHaveBeenLastCalledWith("/documents/d12/view", "_blank");
  // A blocked pop-up is said as such.
  open.mockReturnValue(null);
  await userEvent.click(view);
  const row = view.closest("tr")!;
  expect(await within(row).findByRole("alert")).toHaveTextContent("Not shown: the browser blocked the new tab: allow pop-ups for CMA, or download the file");
  expect(state.decisions).toEqual([]);
  open.mockRestore();
});

test("a budget suggestion says what the line holds now: a salary already set from a payslip is seen to be the same", async () => {
  state.lines = { client_salary: { key: "client_salary", amount_pence: 174260, frequency: "monthly", note: null } };
  state.docs = [doc("d1", "statement.png", { status: "done", document_class: "bank_statement" })];
  const line = { kind: "new_income", budget_line: "client_salary", frequency: "monthly", creditor_name: "Halden Engineering", account_reference: null };
  state.suggestions = [
    suggestion("s1", { ...line, title: "Add income: salary", balance_pence: 174260 }),
    suggestion("s2", { ...line, title: "Add income: other salary", balance_pence: 180000, budget_line: "client_salary" }),
    suggestion("s3", { ...line, title: "Add spending: water", kind: "new_expenditure", budget_line: "water", balance_pence: 3000 }),
  ];
  show();
  const card = async (name: RegExp) => (await screen.findByRole("heading", { name })).closest("li")!;
  const salary = await card(/^Add income: salary/);
  await waitFor(() => expect(salary).toHaveTextContent("In the budget now£1,742.60 monthly, the same: accepting changes nothing"));
  expect(await card(/^Add income: other salary/)).toHaveTextContent("In the budget now£1,742.60 monthly, replaced by this amount");
  expect(await card(/^Add spending: water/)).toHaveTextContent("In the budget nownothing on this line yet");
});

test("a document with no kind asks for one; a doubtful one offers the likeliest kinds first, and the warning's link opens its choice", async () => {
  expect(kindOptions({ document_class: "court_claim_n1", class_alternatives: [{ document_class: "county_court_judgment", probability: 0.55 }] }).slice(0, 3)).toEqual([
    "court_claim_n1", "county_court_judgment", "creditor_letter",
  ]);
  state.docs = [
    doc("d1", "unknown.png", { status: "done", document_class: null }),
    doc("d2", "claim.png", { status: "done", document_class: "court_claim_n1", class_alternatives: [{ document_class: "county_court_judgment", probability: 0.55 }] }),
  ];
  const title = "Check the document type (read as court claim n1, 45% sure): Add debt: Cabot Financial Ltd, £2,340.00";
  state.suggestions = [suggestion("s1", { document_id: "d2", title, confidence: 0.45 })];
  show();
  const unknown = (await screen.findByText("unknown.png", { selector: "td > span" })).closest("tr")!;
  await userEvent.click(within(unknown).getByText("—", { selector: ".govuk-details__summary-text" }));
  const select = within(unknown).getByLabelText("What kind of document is it?") as HTMLSelectElement;
  expect(select.value).toBe("");
  expect(select.options[0]!.textContent).toBe("Choose a kind");
  await userEvent.click(within(unknown).getByRole("button", { name: /^Read it again as this kind/ }));
  expect(within(unknown).getByRole("alert")).toHaveTextContent("Choose what kind of document it is");
  expect(state.decisions).toEqual([]);

  const card = (await screen.findByRole("heading", { name: /^Add debt: Cabot Financial Ltd/ })).closest("li")!;
  expect(card).toHaveTextContent("It was read as a court claim n1, only 45% sure; it may be county court judgment; the values may be right");
  await userEvent.click(within(card).getByRole("link", { name: "say what kind it is in the documents list" }));
  const claimRow = screen.getByText("claim.png", { selector: "td > span" }).closest("tr")!;
  expect(claimRow.querySelector("details")!.open).toBe(true);
  expect(document.activeElement).toBe(claimRow.querySelector("summary"));
  expect(within(claimRow).getByText("The reader was not sure: it may be county court judgment.")).toBeInTheDocument();
});

test("a budget suggestion with no frequency is compared as the monthly line accepting would set", () => {
  const s = suggestion("s1", { kind: "new_income", budget_line: "client_salary", frequency: null, balance_pence: 10000, status: "pending" }) as never;
  expect(changes(s, { amount_pence: 10000, frequency: "weekly" }).at(-1)).toEqual(["In the budget now", "£100.00 weekly, replaced by this amount"]);
  expect(changes(s, { amount_pence: 10000, frequency: "monthly" }).at(-1)).toEqual(["In the budget now", "£100.00 monthly, the same: accepting changes nothing"]);
});

test("the reader's balance is wrong: the adviser accepts with another value it found, in one click", async () => {
  state.docs = [doc("d1", "lowell.png", { status: "done", document_class: "creditor_letter", updated_at: "2026-12-01T09:00:00Z" })];
  const evidence = [
    { field: "balance_pence", value: "£1,234.56", page: 1, box: [10, 10, 50, 10], label: "Arrears", role: null, score: 0.7, chosen: true },
    { field: "balance_pence", value: "£1,842.50", page: 1, box: [10, 40, 50, 10], label: "Total balance", role: null, score: 0.3, chosen: false },
    { field: "balance_pence", value: "£1,234.56", page: 2, box: null, label: null, role: null, score: 0.2, chosen: false },
  ];
  state.suggestions = [suggestion("s9", { evidence })];
  show();
  await userEvent.click(await screen.findByRole("button", { name: /^Accept with changes\s*to Add debt/ }));
  const heading = await screen.findByRole("heading", { name: /^Accept with changes: Add debt/ });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  const form = heading.closest("section")!;
  expect(within(form).getByLabelText("Balance")).toHaveValue("1234.56");
  // The same value read twice is offered once; the one in the form is not offered.
  const offered = within(form).getAllByRole("button", { name: /^Use / });
  expect(offered.map((b) => b.textContent)).toEqual(["Use “£1,842.50” as the amount"]);
  expect(within(form).getByText(/page 1, box 2, next to “Total balance”/)).toBeInTheDocument();
  // Emptied, or not an amount: said in the adviser's words, next to the field; nothing sent.
  await userEvent.clear(within(form).getByLabelText("Balance"));
  await userEvent.click(within(form).getByRole("button", { name: /^Accept with these values/ }));
  expect(await within(form).findByRole("link", { name: "Balance cannot be left empty: give the right value, or the one read" })).toBeInTheDocument();
  await userEvent.type(within(form).getByLabelText("Balance"), "lots");
  await userEvent.click(within(form).getByRole("button", { name: /^Accept with these values/ }));
  expect(await within(form).findByRole("link", { name: "Balance must be an amount in pounds, like 75.00" })).toBeInTheDocument();
  expect(state.decisions).toEqual([]);
  // (with "lots" in the field, the value the reader used is offered back too)
  expect(within(form).getAllByRole("button", { name: /^Use / }).map((b) => b.textContent)).toEqual([
    "Use “£1,234.56” as the amount",
    "Use “£1,842.50” as the amount",
  ]);
  await userEvent.click(within(form).getByRole("button", { name: "Use “£1,842.50” as the amount" }));
  expect(within(form).getByLabelText("Balance")).toHaveValue("1842.50");
  await userEvent.click(within(form).getByRole("button", { name: /^Accept with these values/ }));
  const banner = await screen.findByText("Accepted with your changes: a debt to Lowell Portfolio Ltd of £1,842.50 is added to the Debts tab.");
  await waitFor(() => expect(document.activeElement).toBe(banner.closest(".govuk-notification-banner")));
  expect(state.decisions).toEqual(['accept s9 {"changes":{"balance_pence":184250}}']);
  // The decided suggestion says what the reader had read.
  expect(await screen.findByText("Accepted with changes. The reader had read: amount £1,234.56.")).toBeInTheDocument();
});

test("only what the adviser changed is sent, as the kind takes it", () => {
  const debt = suggestion("s10") as never;
  const start = startValues(debt);
  expect(acceptBody("new_debt", start, start)).toEqual({});
  expect(acceptBody("new_debt", start, { ...start, account_reference: "  AB-9 ", creditor_name: "" })).toEqual({ changes: { account_reference: "AB-9" } });
  expect(acceptBody("new_debt", start, { ...start, balance: "12,34x" })).toEqual({ changes: { balance_pence: -1 } });
  // A claim's deadlines are counted from the date it was served: a deadline is not sent too.
  const claim = suggestion("s11", { kind: "court_claim_deadline", fact_date: null, deadline: "2026-12-23" }) as never;
  const c0 = startValues(claim);
  expect(acceptBody("court_claim_deadline", c0, { ...c0, fact_date: "2026-12-01", deadline: "2026-12-30" })).toEqual({ changes: { fact_date: "2026-12-01" } });
  expect(acceptBody("court_claim_deadline", c0, { ...c0, deadline: "2026-12-30" })).toEqual({ changes: { deadline: "2026-12-30" } });
  // A field the kind does not take is never sent.
  expect(acceptBody("update_debt", start, { ...start, creditor_name: "Other Ltd" })).toEqual({});
  expect(changeable("new_income")).toEqual(["balance", "frequency", "budget_line"]);
  expect(changeable("response_deadline")).toEqual(["deadline"]);
  const income = suggestion("s12", {
    kind: "new_income", balance_pence: 41000, frequency: "weekly", budget_line: "client_salary",
    evidence: [{ field: "gross_pence", value: "£520.00", page: 1, box: null, label: "Gross", role: null, score: 0.1, chosen: false }],
    as_read: { balance_pence: 52000, frequency: "monthly", not_read: ["budget_line"] },
  }) as never;
  expect(otherValues(income, "balance", "410.00").map((e) => e.value)).toEqual(["£520.00"]);
  expect(otherValues(income, "balance", "520.00")).toEqual([]);
  expect(asReadText(income)).toBe("amount £520.00, frequency monthly, no SFS line");
  const clocked = suggestion("s13", { kind: "court_claim_deadline", as_read: { fact_date: "2026-12-01", deadline: "2026-12-15" } }) as never;
  expect(asReadText(clocked)).toBe("date counted from 1 Dec 2026, deadline 15 Dec 2026");
});

test("a document's suggestions are accepted together, asked first; one changed since is named and still waits", async () => {
  state.docs = [
    doc("d1", "statement.csv", { status: "done", document_class: "bank_statement", updated_at: "2026-12-01T09:00:00Z" }),
    doc("d2", "lowell.png", { status: "done", document_class: "creditor_letter", updated_at: "2026-12-01T09:00:00Z" }),
  ];
  state.suggestions = [
    suggestion("s1", { kind: "new_expenditure", title: "Add spending: water, £32.40 a month" }),
    suggestion("s2", { document_id: "d2" }),
    suggestion("s3", { kind: "new_expenditure", title: "Add spending: TV licence, £13.25 a month" }),
  ];
  show();
  // Grouped by the document they were read from; one alone has no "Accept all".
  expect(await screen.findByText("From statement.csv: 2 waiting")).toBeInTheDocument();
  expect(screen.getByText("From lowell.png: 1 waiting")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: /^Accept all \d+ suggestions from lowell.png/ })).toBeNull();
  await userEvent.click(screen.getByRole("button", { name: /^Accept all 2\s*suggestions\s*from statement.csv$/ }));
  const ask = screen.getByRole("group", { name: "Accept all 2 from statement.csv?" });
  await waitFor(() => expect(document.activeElement).toBe(within(ask).getByRole("heading")));
  expect(within(ask).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Add spending: water, £32.40 a month", "Add spending: TV licence, £13.25 a month"]);
  expect(state.decisions).toEqual([]); // nothing sent before the adviser confirms
  // Cancel gives the focus back to the button; then s3 changes elsewhere before confirming.
  await userEvent.click(within(ask).getByRole("button", { name: "Cancel" }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: /^Accept all 2\s*suggestions\s*from statement.csv$/ })));
  await userEvent.click(screen.getByRole("button", { name: /^Accept all 2\s*suggestions\s*from statement.csv$/ }));
  state.suggestions = state.suggestions.map((x) => ((x as { id: string }).id === "s3" ? { ...(x as object), version: 9 } : x));
  await userEvent.click(screen.getByRole("button", { name: "Accept these 2" }));
  const banner = await screen.findByText(
    "1 accepted; 1 not accepted: Add spending: TV licence, £13.25 a month: it changed since you opened the page; it still waits below, look at it again.",
  );
  await waitFor(() => expect(document.activeElement).toBe(banner.closest(".govuk-notification-banner")));
  expect(state.decisions).toEqual(["accept s1 at 1", "accept s3 at 1"]);
  expect(await screen.findByText("From statement.csv: 1 waiting")).toBeInTheDocument();
});

test("accepting several says how many, and why any was not", () => {
  const s = (id: string, title: string) => suggestion(id, { title }) as unknown as Schemas["SuggestionOut"];
  const asked = [s("a", "Add spending: water, £32.40 a month"), s("b", "Add debt: Lowell")];
  const ok = { suggestion_id: "a", decided: true };
  expect(acceptedAll(asked, { results: [ok, { ...ok, suggestion_id: "b" }], accepted: 2, rejected: 0, not_decided: 0 } as Schemas["DecisionsOut"])).toBe(
    "2 accepted. Each change is on the case (Debts, Budget and Deadlines tabs).",
  );
  const gone = { suggestion_id: "b", decided: false, problem: { type: "x/invalid-transition", title: "Conflict", status: 409 } };
  expect(acceptedAll(asked, { results: [ok, gone], accepted: 1, rejected: 0, not_decided: 1 } as Schemas["DecisionsOut"])).toBe(
    "1 accepted; 1 not accepted: Add debt: Lowell: it was already decided, by you or someone else.",
  );
  const changed = { suggestion_id: "b", decided: false, problem: { type: "x/conflict", title: "Conflict", status: 409, detail: "the debt's balance changed since the letter was read" } };
  expect(acceptedAll(asked, { results: [ok, changed], accepted: 1, rejected: 0, not_decided: 1 } as Schemas["DecisionsOut"])).toBe(
    "1 accepted; 1 not accepted: Add debt: Lowell: the debt's balance changed since the letter was read; it still waits below, decide it on its own.",
  );
});

test("suggestions are grouped by their document in the order first read", () => {
  const items = [{ document_id: "b", n: 1 }, { document_id: "a", n: 2 }, { document_id: "b", n: 3 }];
  expect(byDocument(items)).toEqual([
    ["b", [items[0], items[2]]],
    ["a", [items[1]]],
  ]);
});

test("'Accept all' sends the list the adviser was shown, in requests of at most 100, and says any doubt first", async () => {
  state.docs = [doc("d1", "statement.csv", { status: "done", document_class: "bank_statement", updated_at: "2026-12-01T09:00:00Z" })];
  const lines = Array.from({ length: 101 }, (_, i) => suggestion(`s${i}`, { kind: "new_expenditure", title: `Add spending: line ${i}` }));
  lines[0] = { ...lines[0]!, title: "Check the document type (read as bank statement, 55% sure): Add spending: line 0", confidence: 0.55 };
  state.suggestions = lines;
  show();
  await userEvent.click(await screen.findByRole("button", { name: /^Accept all 101\s*suggestions\s*from statement.csv$/ }));
  const ask = screen.getByRole("group", { name: "Accept all 101 from statement.csv?" });
  expect(within(ask).getByText(/The reader is not sure what kind of document this is/)).toBeInTheDocument();
  expect(within(ask).getAllByRole("listitem")[0]!.textContent).toBe(
    "Add spending: line 0 (check the document type: read as a bank statement, only 55% sure; read with low confidence (55%))",
  );
  // A line read meanwhile (the list is read again every few seconds) is not sent.
  state.suggestions = [...state.suggestions, suggestion("late", { kind: "new_expenditure", title: "Add spending: late" })];
  await userEvent.click(within(ask).getByRole("button", { name: "Accept these 101" }));
  expect(await screen.findByText(/^101 accepted\. /)).toBeInTheDocument();
  expect(state.decisions).toHaveLength(101);
  expect(state.decisions).not.toContain("accept late at 1");
  expect(state.batches).toEqual([100, 1]);
});

test("two documents of one name are told apart by when they were uploaded", () => {
  const docs = [
    { id: "a", filename: "image.jpg", uploaded_at: "2026-12-01T09:00:00Z" },
    { id: "b", filename: "image.jpg", uploaded_at: "2026-12-02T10:30:00Z" },
    { id: "c", filename: "letter.pdf", uploaded_at: "2026-12-02T10:30:00Z" },
  ];
  expect(documentName("a", docs)).toMatch(/^image\.jpg \(uploaded .*2026.*\)$/);
  expect(documentName("a", docs)).not.toBe(documentName("b", docs));
  expect(documentName("c", docs)).toBe("letter.pdf");
  expect(documentName("gone", docs)).toBe("a document");
});

test("values the scan made hard to read are named in a warning and marked where each came from", async () => {
  state.docs = [doc("d1", "lowell.png", { status: "done", document_class: "creditor_letter", updated_at: "2026-12-01T09:00:00Z" })];
  const at = (field: string, value: string, hard: boolean, chosen = true, unsure = false) => ({
    field, value, page: 1, box: [10, 10, 50, 10], label: null, role: null, score: 0.5, chosen, hard_to_read: hard, read_confidence: hard ? 0.41 : 0.95,
    unsure_choice: unsure, choice_confidence: unsure ? 0.31 : 0.9,
  });
  const evidence = [at("creditor_name", "Lowell Portfolio Ltd", false), at("account_reference", "12345678", true), at("balance_pence", "£1,234.56", true), at("balance_pence", "£1,842.50", true, false)];
  // Which of a suggestion's values are to check is the API's word (`fields_to_check`).
  const unsure = ["account_reference", "balance_pence"];
  state.suggestions = [suggestion("s1", { evidence, fields_to_check: unsure }), suggestion("s2", { evidence: [at("creditor_name", "Lowell Portfolio Ltd", false)] })];
  show();
  const warning = await screen.findByText(/The scan was hard to read at/);
  expect(warning).toHaveTextContent("The scan was hard to read at the account reference and the balance: check them against the page before accepting.");
  // One warning, on the suggestion with unsure values; each unsure value marked in its table.
  expect(screen.getAllByText(/The scan was hard to read at/)).toHaveLength(1);
  expect(screen.getAllByText("hard to read")).toHaveLength(3);
  expect(toCheck(suggestion("s3", { evidence, fields_to_check: ["account_reference"] }) as never)).toEqual({ hard: ["the account reference"], unsure: [] });
  // An alternative passed over is tagged in the table but is not what accepting uses: the
  // API leaves it out of the list, and the console goes by the list.
  expect(toCheckNotes(suggestion("s4", { evidence: [at("account_reference", "12345678", true, false)], fields_to_check: [] }) as never)).toEqual([]);
  expect([listed(["a"]), listed(["a", "b"]), listed(["a", "b", "c"])]).toEqual(["a", "a and b", "a, b and c"]);
  // Accepting with changes: the fields holding them say so, for the adviser to compare.
  await userEvent.click(screen.getByRole("button", { name: /^Accept with changes\s*to Add debt.*\(s1\)/ }));
  const form = (await screen.findByRole("heading", { name: /^Accept with changes: Add debt.*\(s1\)/ })).closest("section")!;
  expect(within(form).getByLabelText("Account reference")).toHaveAccessibleDescription("The scan was hard to read here: compare it with the page.");
  expect(within(form).getByLabelText("Balance")).toHaveAccessibleDescription("The scan was hard to read here: compare it with the page.");
  expect(within(form).getByLabelText("Creditor")).not.toHaveAccessibleDescription(/hard to read/);
  // "Accept all" names them beside the suggestion's title too.
  expect(caution(suggestion("s1", { evidence, fields_to_check: unsure }) as never)).toEqual(["the scan was hard to read at the account reference and the balance"]);
});

test("a value the reader was unsure of is named apart from one the scan made hard to read, and tagged", async () => {
  state.docs = [doc("d1", "lowell.png", { status: "done", document_class: "creditor_letter", updated_at: "2026-12-01T09:00:00Z" })];
  const at = (field: string, value: string, hard: boolean, unsure: boolean) => ({
    field, value, page: 1, box: [10, 10, 50, 10], label: null, role: null, score: 0.5, chosen: true, hard_to_read: hard, read_confidence: hard ? 0.41 : 0.95,
    unsure_choice: unsure, choice_confidence: unsure ? 0.31 : 0.9,
  });
  const evidence = [at("creditor_name", "Lowell Portfolio Ltd", false, false), at("account_reference", "12345678", true, false), at("balance_pence", "£1,234.56", false, true)];
  const s1 = suggestion("s1", { evidence, fields_to_check: ["account_reference", "balance_pence"] });
  state.suggestions = [s1];
  show();
  const warning = await screen.findByText(/The scan was hard to read at/);
  expect(warning).toHaveTextContent(
    "The scan was hard to read at the account reference; the reader was unsure which value is the balance: check them against the page before accepting.",
  );
  expect(screen.getAllByText("unsure which")).toHaveLength(1);
  expect(toCheck(s1 as never)).toEqual({ hard: ["the account reference"], unsure: ["the balance"] });
  expect(caution(s1 as never)).toEqual(["the scan was hard to read at the account reference", "the reader was unsure which value is the balance"]);
  await userEvent.click(screen.getByRole("button", { name: /^Accept with changes\s*to Add debt.*\(s1\)/ }));
  const form = (await screen.findByRole("heading", { name: /^Accept with changes: Add debt.*\(s1\)/ })).closest("section")!;
  expect(within(form).getByLabelText("Balance")).toHaveAccessibleDescription("The reader was unsure this is the value: compare it with the page.");
  expect(within(form).getByLabelText("Account reference")).toHaveAccessibleDescription("The scan was hard to read here: compare it with the page.");
});

test("a bank statement's line shows the transactions it is made of, each where it was printed; a frequency reads in words", async () => {
  state.docs = [doc("d1", "statement.png", { status: "done", document_class: "bank_statement", updated_at: "2026-12-01T09:00:00Z" })];
  const paid = (value: string, top: number) => ({
    field: "transaction", value, page: 1, box: [40, top, 600, 20], label: null, role: "paid out", score: 1, chosen: true,
    hard_to_read: false, read_confidence: 0.95, unsure_choice: false, choice_confidence: null,
  });
  state.suggestions = [
    suggestion("s1", {
      kind: "new_expenditure", title: "Add spending (Groceries): 2 payments, £90.00 a month (bank statement)", creditor_name: null, account_reference: null,
      balance_pence: 9000, budget_line: "groceries", frequency: "monthly",
      evidence: [paid("6 Jan 2026: CARD PAYMENT TESCO STORES, £64.18", 180), paid("10 Jan 2026: CARD PAYMENT ALDI, £25.82", 220)],
    }),
  ];
  show();
  const table = (await screen.findByRole("table", { name: "Where each value came from in statement.png" })) as HTMLTableElement;
  const rows = within(table).getAllByRole("row").slice(1).map((r) => r.textContent);
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatch(/^Transaction used.*“6 Jan 2026: CARD PAYMENT TESCO STORES, £64.18” \(paid out\).*page 1, box 1/);
  expect(rows[1]).toMatch(/“10 Jan 2026: CARD PAYMENT ALDI, £25.82” \(paid out\).*page 1, box 2/);
  // Nothing else read from the statement is offered as part of the line.
  expect(screen.queryByText(/Other values read from statement.png/)).toBeNull();
  expect([readValue("four_weekly", "frequency"), readValue("2026-01-06", "letter_date"), readValue("four_weekly")]).toEqual(["four weekly", "6 Jan 2026", "four_weekly"]);
});

test("a new debt says the type it is added as and whether that is a priority; the adviser may choose another", async () => {
  state.docs = [doc("d1", "bill.png", { status: "done", document_class: "council_tax", updated_at: "2026-12-01T09:00:00Z" })];
  const council = suggestion("s1", { title: "Add debt: Leeds City Council, £842.10", creditor_name: "Leeds City Council", debt_type: "council_tax", debt_treatment: "priority" });
  const letter = suggestion("s2", { debt_type: "other", debt_treatment: "non_priority" });
  expect(changes(council as never)).toContainEqual(["Debt type", "Council tax: a priority debt"]);
  expect(changes(letter as never)).toContainEqual(["Debt type", "Other: not a priority debt (the document does not say: choose it with “Accept with changes”)"]);
  // A suggestion made before types were kept says nothing of one, and offers no choice.
  expect(changes(suggestion("s3") as never).map(([k]) => k)).not.toContain("Debt type");
  const start = startValues(letter as never);
  expect(acceptBody("new_debt", start, { ...start, debt_type: "credit_card" })).toEqual({ changes: { debt_type: "credit_card" } });
  expect(acceptBody("update_debt", start, { ...start, debt_type: "credit_card" })).toEqual({});
  expect(asReadText(suggestion("s4", { as_read: { debt_type: "other" } }) as never)).toBe("debt type other");

  state.suggestions = [letter];
  show();
  await userEvent.click(await screen.findByRole("button", { name: /^Accept with changes\s*to Add debt.*\(s2\)/ }));
  const form = (await screen.findByRole("heading", { name: /^Accept with changes: Add debt.*\(s2\)/ })).closest("section")!;
  const type = within(form).getByLabelText("Debt type") as HTMLSelectElement;
  expect(type.value).toBe("other");
  expect(type).toHaveAccessibleDescription(/priority follows from its type/);
  await userEvent.selectOptions(type, "credit_card");
  await userEvent.click(within(form).getByRole("button", { name: /^Accept with these values/ }));
  await waitFor(() => expect(state.decisions.some((d) => d.startsWith("accept s2"))).toBe(true));
  expect(JSON.parse(state.decisions.find((d) => d.startsWith("accept s2"))!.slice("accept s2 ".length))).toEqual({ changes: { debt_type: "credit_card" } });
});

test("a reference given by its last figures reads as a letter prints it", () => {
  expect(["ENDING 4411", "account ending in 4411", "************4411", "LD-20931"].map(reference)).toEqual(["ending 4411", "ending 4411", "ending 4411", "LD-20931"]);
  const update = suggestion("s1", { kind: "update_debt", account_reference: "ENDING 4411", previous_balance_pence: 231044, balance_pence: 250544, creditor_name: "Northern Bank" });
  expect(changes(update as never)[0]).toEqual(["Changes the debt with", "Northern Bank, ref ending 4411"]);
});

test("a new debt from a claim or a judgment says the stage of recovery it is recorded at", () => {
  const judgment = suggestion("s1", { debt_type: "other", debt_treatment: "non_priority", enforcement_stage: "judgment" });
  expect(changes(judgment as never)).toContainEqual(["Recovery stage", "Judgment (recorded with its county court judgment)"]);
  const claim = suggestion("s2", { debt_type: "credit_card", debt_treatment: "non_priority", enforcement_stage: "claim_issued" });
  expect(changes(claim as never)).toContainEqual(["Recovery stage", "Claim issued"]);
  expect(changes(suggestion("s3", { debt_type: "other", debt_treatment: "non_priority" }) as never).map(([k]) => k)).not.toContain("Recovery stage");
  const update = suggestion("s4", { kind: "update_debt", previous_balance_pence: 231044, balance_pence: 250544, enforcement_stage: "claim_issued" });
  expect(changes(update as never)).toContainEqual(["Recovery stage", "Claim issued, if the debt is not further along"]);
  // A judgment for a debt at the balance recorded: the update is the stage (and the CCJ).
  const same = suggestion("s5", { kind: "update_debt", previous_balance_pence: 123456, balance_pence: 123456, enforcement_stage: "judgment" });
  expect(changes(same as never).slice(1)).toEqual([["Balance", "£1,234.56, unchanged"], ["Recovery stage", "Judgment (recorded with its county court judgment), if the debt is not further along"]]);
});
