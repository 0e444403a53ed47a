// The work queue page reads the work queue read model in one request and splits it into
// its sections, as the page showed them before from four routes.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { answer, json, renderPage } from "./harness";

const net = {
  seen: [] as Array<{ method: string; path: string; query: string; ifMatch: string | null }>,
  pages: [] as unknown[],
  // The queue's document section alone (?section=document), where a test sets it.
  documents: null as unknown,
  // A promise the document section's answer waits for, where a test holds it.
  hold: null as Promise<void> | null,
  unassigned: { items: [] as unknown[], total: 0, limit: 50, offset: 0 },
};
answer(async (req) => {
  const url = new URL(req.url);
  net.seen.push({ method: req.method, path: url.pathname, query: url.search, ifMatch: req.headers.get("If-Match") });
  if (url.pathname === "/api/v1/work-queue" && url.searchParams.get("section") === "document") {
    await net.hold;
    if (net.documents === "fail") return json({ title: "Service unavailable", status: 503 }, 503);
    return json(net.documents ?? { items: [], total: 0, limit: 200, next_cursor: null });
  }
  if (url.pathname === "/api/v1/work-queue") {
    const page = url.searchParams.get("cursor") ? net.pages[1] : net.pages[0];
    return json(page, 200, { "X-CMA-Read-Version": "2026-12-03T10:00:00+00:00", "X-CMA-Read-Lag": "0.000" });
  }
  if (url.pathname === "/api/v1/tasks") return json(net.unassigned);
  return json({ id: "x", version: 9 });
});
vi.mock("../src/auth/session", () => ({
  useMe: () => ({
    me: { user_id: "me-1", display_name: "Ada Adviser", centre_id: "c", roles: [], permissions: [] },
    can: (p: string) => ["task:read", "task:write", "case:read"].includes(p),
  }),
}));

import { queueSections, reviewsByCase, toCheckText, type WorkItem } from "../src/pages/queue/workQueue";
import { WorkQueue } from "../src/pages/WorkQueue";

const inDays = (n: number, hour = 10) => {
  const d = new Date();
  d.setHours(hour, 0, 0, 0);
  d.setDate(d.getDate() + n);
  return d.toISOString();
};

function item(over: Partial<WorkItem>): WorkItem {
  return { id: "i", section: "task", case_id: "c1", at: inDays(0), title: "T", label: "normal", kind: "general", due_at: null, version: 1, ...over };
}

const items: WorkItem[] = [
  item({ id: "late", title: "Send the CCJ form", at: inDays(-1), due_at: inDays(-1), kind: "deadline", version: 3, case_reference: "C-000007" }),
  item({ id: "old", title: "Undated, older", at: inDays(-5), due_at: null }),
  item({ id: "appt", section: "appointment", title: "C-1: phone appointment", at: inDays(0, 11), label: "phone", kind: null, version: null }),
  item({ id: "dl", section: "deadline", title: "C-1: ccj set aside", at: inDays(2, 0), label: "ccj_set_aside", kind: null, version: null }),
  item({ id: "soon", title: "Chase the bank", at: inDays(3), due_at: inDays(3), label: "high", case_id: null }),
  item({ id: "later", title: "Review the DMP", at: inDays(20), due_at: inDays(20) }),
  item({ id: "new", title: "Undated, newer", at: inDays(-2, 9), due_at: null }),
  item({ id: "doc", section: "document", title: "C-1: suggested new debt to review", at: inDays(-3) }),
];
const counts = { task: 5, deadline: 1, appointment: 1, document: 1 };

function show() {
  return renderPage(<WorkQueue />);
}

beforeEach(() => {
  net.seen.length = 0;
  net.pages = [{ user_id: "me-1", items, total: items.length, limit: 200, counts, next_cursor: null }];
  net.unassigned = { items: [], total: 0, limit: 50, offset: 0 };
  net.documents = null;
  net.hold = null;
});

describe("queueSections", () => {
  it("splits the queue as the page shows it: due in 7 days, tasks dated then undated", () => {
    const s = queueSections(items);
    expect(s.due.map((i) => i.id)).toEqual(["late", "soon"]);
    expect(s.tasks.map((i) => i.id)).toEqual(["late", "soon", "later", "old", "new"]);
    expect(s.appointments.map((i) => i.id)).toEqual(["appt"]);
    expect(s.documents.map((i) => i.id)).toEqual(["doc"]);
  });
});

describe("reviewsByCase", () => {
  it("puts a case's waiting suggestions on one line, with how many of each kind, the longest waiting first", () => {
    const doc = (id: string, caseId: string, kind: string, days: number) =>
      item({ id, section: "document", case_id: caseId, case_reference: `C-${caseId}`, label: kind, kind: null, at: inDays(days), title: "x" });
    const got = reviewsByCase([doc("a", "2", "new_expenditure", -1), doc("b", "1", "new_debt", -2), doc("c", "2", "new_expenditure", -4), doc("d", "2", "new_income", -3)]);
    expect(got.map((r) => [r.reference, r.count, r.kinds])).toEqual([
      ["C-2", 3, [["new_expenditure", 2], ["new_income", 1]]],
      ["C-1", 1, [["new_debt", 1]]],
    ]);
    expect(got[0]!.oldest).toBe(inDays(-4));
    expect(got.map((r) => r.unsure)).toEqual([0, 0]); // none holds a value to check
  });

  it("counts a case's suggestions holding values to check against the page", () => {
    const doc = (id: string, caseId: string, hard: number | null | undefined) =>
      item({ id, section: "document", case_id: caseId, label: "new_debt", kind: null, at: inDays(-1), title: "x", to_check: hard });
    const got = reviewsByCase([doc("a", "1", 2), doc("b", "1", 0), doc("c", "1", 1), doc("d", "2", null), doc("e", "3", undefined)]);
    expect(got.map((r) => [r.caseId, r.count, r.unsure])).toEqual([["1", 3, 2], ["2", 1, 0], ["3", 1, 0]]);
    expect(toCheckText(2, 3)).toBe("2 to check");
    expect(toCheckText(3, 3)).toBe("all to check");
    expect(toCheckText(1, 1)).toBe("to check");
  });
});

describe("WorkQueue", () => {
  it("reads the queue in one request and shows every section with its links", async () => {
    show();
    const mine = await screen.findByRole("list", { name: "My tasks" });
    expect(within(mine).getAllByRole("heading").map((h) => h.textContent)).toEqual([
      expect.stringMatching(/^Send the CCJ form/),
      expect.stringMatching(/^Chase the bank/),
      expect.stringMatching(/^Review the DMP/),
      expect.stringMatching(/^Undated, older/),
      expect.stringMatching(/^Undated, newer/),
    ]);
    expect(within(mine).getAllByText(/Ada Adviser/)).toHaveLength(5);
    const due = screen.getByRole("list", { name: "Due in the next 7 days" });
    // A task on a case says which case (its title alone is often the same on every case).
    expect(within(due).getByRole("link", { name: "C-000007: Send the CCJ form" })).toHaveAttribute("href", "/cases/c1/deadlines");
    expect(within(mine).getByText(/^C-000007 · Deadline · due/)).toBeInTheDocument();
    expect(within(due).getByText("overdue")).toBeInTheDocument();
    expect(within(due).queryByRole("link", { name: "Chase the bank" })).toBeNull(); // no case
    expect(within(due).queryByText(/Review the DMP/)).toBeNull(); // 20 days away
    const appts = screen.getByRole("list", { name: "Today's appointments" });
    expect(within(appts).getByRole("link", { name: "Phone" })).toHaveAttribute("href", "/cases/c1/appointments");
    const docs = screen.getByRole("list", { name: "Documents waiting for review" });
    expect(within(docs).getByRole("link")).toHaveAttribute("href", "/cases/c1/documents");
    expect(within(docs).getByRole("link")).toHaveTextContent("1 suggestion to review");
    expect(within(docs).queryByText(/to check/)).toBeNull();
    expect(screen.getByText("Every open task has someone on it.")).toBeInTheDocument();
    const queueCalls = net.seen.filter((c) => c.path === "/api/v1/work-queue");
    expect(queueCalls).toHaveLength(1);
    expect(queueCalls[0]!.query).toContain("limit=200");
    expect(net.seen.filter((c) => c.path === "/api/v1/appointments" || c.path === "/api/v1/suggestions")).toEqual([]);
    expect(screen.queryByRole("button", { name: "Show more of your queue" })).toBeNull();
  });

  it("tags a case whose waiting suggestions hold values to check against the page", async () => {
    const docs = [
      item({ id: "d1", section: "document", case_id: "c9", case_reference: "C-000009", label: "new_debt", kind: null, at: inDays(-2), title: "x", to_check: 1 }),
      item({ id: "d2", section: "document", case_id: "c9", case_reference: "C-000009", label: "response_deadline", kind: null, at: inDays(-1), title: "x", to_check: 0 }),
    ];
    net.pages = [{ user_id: "me-1", items: docs, total: 2, limit: 200, counts: { task: 0, deadline: 0, appointment: 0, document: 2 }, next_cursor: null }];
    show();
    const list = await screen.findByRole("list", { name: "Documents waiting for review" });
    expect(within(list).getByRole("link")).toHaveTextContent("C-000009: 2 suggestions to review");
    expect(within(list).getByText("1 to check")).toBeInTheDocument();
  });

  it("says when each section is empty", async () => {
    net.pages = [{ user_id: "me-1", items: [], total: 0, limit: 200, counts: { task: 0, deadline: 0, appointment: 0, document: 0 }, next_cursor: null }];
    show();
    expect(await screen.findByText("You have no open tasks.")).toBeInTheDocument();
    expect(screen.getByText("Nothing due in the next 7 days.")).toBeInTheDocument();
    expect(screen.getByText("No appointments today.")).toBeInTheDocument();
    expect(screen.getByText("Nothing read from a document is waiting for you.")).toBeInTheDocument();
  });

  it("pages on with the cursor and says how much of a section is shown", async () => {
    net.pages = [
      { user_id: "me-1", items: items.slice(0, 2), total: 8, limit: 200, counts, next_cursor: "abc" },
      { user_id: "me-1", items: items.slice(2), total: 8, limit: 200, counts, next_cursor: null },
    ];
    show();
    expect(await screen.findByText("5 open tasks, the first 2 shown.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Show more of your queue" }));
    await waitFor(() => expect(within(screen.getByRole("list", { name: "My tasks" })).getAllByRole("heading")).toHaveLength(5));
    const queuePages = net.seen.filter((c) => c.path === "/api/v1/work-queue" && !c.query.includes("section="));
    expect(queuePages.map((c) => new URLSearchParams(c.query).get("cursor"))).toEqual([null, "abc"]);
    expect(screen.queryByText(/the first 2 shown/)).toBeNull();
  });

  it("reads the documents waiting for review whole when the queue's page holds only some", async () => {
    const doc = (id: string, caseId: string, reference: string, kind: string, days: number) =>
      item({ id, section: "document", case_id: caseId, case_reference: reference, title: `${reference}: suggested`, label: kind, at: inDays(days) });
    // The queue's first page holds one of the four (the others sort after its 200 items).
    net.pages = [{ user_id: "me-1", items: [items[0]!, doc("d1", "c1", "C-000001", "new_debt", -3)], total: 210, limit: 200, counts: { ...counts, document: 4 }, next_cursor: "abc" }];
    net.documents = {
      user_id: "me-1",
      items: [doc("d1", "c1", "C-000001", "new_debt", -3), doc("d2", "c2", "C-000002", "new_expenditure", -2), doc("d3", "c1", "C-000001", "new_debt", -1), doc("d4", "c2", "C-000002", "new_income", -1)],
      total: 4, limit: 200, counts: { ...counts, document: 4 }, next_cursor: null,
    };
    show();
    const docs = await screen.findByRole("list", { name: "Documents waiting for review" });
    await waitFor(() => expect(within(docs).getAllByRole("link")).toHaveLength(2));
    expect(within(docs).getAllByRole("link").map((a) => a.textContent)).toEqual(["C-000001: 2 suggestions to review", "C-000002: 2 suggestions to review"]);
    expect(screen.getByText(/^4 suggestions from documents on your cases:$/)).toBeInTheDocument();
    const asked = net.seen.filter((c) => c.query.includes("section=document"));
    expect(asked).toHaveLength(1);
    expect(asked[0]!.query).toContain("limit=200");
  });

  it("says it is reading them, not the first page's short counts, and then lists them; an empty first page is not 'nothing waiting'", async () => {
    const doc = (id: string, caseId: string, reference: string, days: number) =>
      item({ id, section: "document", case_id: caseId, case_reference: reference, title: `${reference}: suggested`, label: "new_debt", at: inDays(days) });
    net.pages = [{ user_id: "me-1", items: [items[0]!], total: 203, limit: 200, counts: { ...counts, document: 3 }, next_cursor: "abc" }];
    let release = () => {};
    net.hold = new Promise<void>((resolve) => (release = resolve));
    net.documents = { user_id: "me-1", items: [doc("d1", "c1", "C-000001", -3), doc("d2", "c1", "C-000001", -2), doc("d3", "c2", "C-000002", -1)], total: 3, limit: 200, counts: { ...counts, document: 3 }, next_cursor: null };
    show();
    expect(await screen.findByText("Reading every one of them…")).toBeInTheDocument();
    expect(screen.getByText(/^3 suggestions from documents on your cases:$/)).toBeInTheDocument();
    expect(screen.queryByText("Nothing read from a document is waiting for you.")).toBeNull();
    expect(screen.queryByRole("list", { name: "Documents waiting for review" })).toBeNull();
    release();
    const docs = await screen.findByRole("list", { name: "Documents waiting for review" });
    expect(within(docs).getAllByRole("link").map((a) => a.textContent)).toEqual(["C-000001: 2 suggestions to review", "C-000002: 1 suggestion to review"]);
    expect(screen.queryByText("Reading every one of them…")).toBeNull();
  });

  it("says so when the whole list cannot be read, and lists the oldest it has", async () => {
    net.pages = [{ user_id: "me-1", items, total: 210, limit: 200, counts: { ...counts, document: 12 }, next_cursor: "abc" }];
    net.documents = "fail";
    show();
    expect(await screen.findByText(/could not be read: only the oldest are listed/)).toBeInTheDocument();
    expect(screen.getByText(/^12 suggestions from documents on your cases, the oldest 1 shown:$/)).toBeInTheDocument();
    const docs = screen.getByRole("list", { name: "Documents waiting for review" });
    expect(within(docs).getByRole("link")).toHaveTextContent("1 suggestion to review");
    expect(within(docs).queryByText(/to check/)).toBeNull();
  });

  it("asks for no more documents when the queue's page holds every one", async () => {
    show();
    await screen.findByRole("list", { name: "Documents waiting for review" });
    expect(net.seen.filter((c) => c.query.includes("section=document"))).toEqual([]);
  });

  it("changes a task with the version the queue showed (If-Match)", async () => {
    show();
    const mine = await screen.findByRole("list", { name: "My tasks" });
    const card = within(mine).getAllByRole("listitem")[0]!;
    fireEvent.click(within(card).getByText("Complete or change"));
    fireEvent.change(within(card).getByLabelText("What came of it"), { target: { value: "Sent." } });
    fireEvent.click(within(card).getByRole("button", { name: /^Complete task/ }));
    await waitFor(() => expect(net.seen.some((c) => c.path === "/api/v1/tasks/late/complete")).toBe(true));
    expect(net.seen.find((c) => c.path === "/api/v1/tasks/late/complete")!.ifMatch).toBe('"3"');
  });

  it("reads closed tasks from the task list only when asked for", async () => {
    show();
    await screen.findByRole("list", { name: "My tasks" });
    expect(net.seen.some((c) => c.query.includes("status=done"))).toBe(false);
    fireEvent.change(screen.getByLabelText("Show"), { target: { value: "done" } });
    expect(await screen.findByText("You have no completed tasks.")).toBeInTheDocument();
    expect(net.seen.some((c) => c.path === "/api/v1/tasks" && c.query.includes("status=done"))).toBe(true);
  });
});
