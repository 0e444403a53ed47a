// The case's Deadlines tab: an adviser records a dated event (it starts deadlines), with
// the petition's details in pence, and marks an open deadline as met.
import { fireEvent, screen, within } from "@testing-library/react";
import { answer, json, renderPage } from "./harness";

const calls = { posts: [] as { path: string; body: unknown }[], ifMatch: [] as (string | null)[] };
const deadline = {
  id: "d1", case_id: "k1", fact_id: "f1", kind: "respond_to_claim", due: "2026-12-18",
  trigger: "2026-12-04", counting: "calendar_days", amount: 14, rule: "CPR 10.3", source: "CPR",
  is_earliest: false, status: "open", adviser_id: null, task_id: null, escalated_to: null,
};
const fact = {
  id: "f1", case_id: "k1", kind: "court_claim_served", occurred_on: "2026-12-04", deadlines: [deadline],
  deemed: false, details: {}, recorded_at: "2026-12-04T09:00:00Z", recorded_by: null, version: 1,
  withdrawn_at: null, withdrawn_by: null, withdrawn_reason: null,
};
answer(async (input) => {
  const url = new URL(input.url);
  if (input.method === "POST") {
    const body = await input.json().catch(() => null);
    calls.posts.push({ path: url.pathname, body });
    if (url.pathname.endsWith("/facts")) return json({ id: "f1", case_id: "k1", kind: "creditor_petition", occurred_on: "2026-12-04", deadlines: [deadline, deadline] }, 201);
    if (url.pathname.endsWith("/withdraw")) {
      calls.ifMatch.push(input.headers.get("If-Match"));
      return json({ ...fact, version: 2, withdrawn_at: "2026-12-05T10:00:00Z", withdrawn_reason: "date mistyped" });
    }
    return json({ ...deadline, status: "met" });
  }
  if (url.pathname.endsWith("/facts")) return json({ items: [fact], total: 1, limit: 50, offset: 0, next_cursor: null });
  if (url.pathname.endsWith("/appointments")) return json({ items: [], total: 0, limit: 50, offset: 0, next_cursor: null });
  return json({ items: [deadline], total: 1, limit: 50, offset: 0, next_cursor: null });
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "a", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { Appointments, Deadlines, clockTime } from "../src/pages/case/Clock";
import { typeDate } from "./dates";

function show() {
  renderPage(<Deadlines caseId="k1" />);
}

test("a petition is recorded with its sums in pence, and the deadlines it started are counted", async () => {
  calls.posts.length = 0;
  show();
  fireEvent.change(await screen.findByLabelText("What happened"), { target: { value: "creditor_petition" } });
  typeDate("Date it happened", "2026-12-04");
  fireEvent.change(screen.getByLabelText("Petition debt"), { target: { value: "6,250.50" } });
  typeDate("Hearing date (if known)", "2027-01-20");
  fireEvent.click(screen.getByRole("button", { name: "Record event" }));
  expect(await screen.findByText("Recorded: 2 deadlines started.")).toBeInTheDocument();
  expect(calls.posts).toEqual([
    {
      path: "/api/v1/cases/k1/facts",
      body: { kind: "creditor_petition", occurred_on: "2026-12-04", details: { debt_pence: 625050, hearing_on: "2027-01-20" }, deemed: false },
    },
  ]);
});

test("a date half typed is refused before anything is sent, in the same words in the summary and by its boxes", async () => {
  calls.posts.length = 0;
  show();
  fireEvent.change(await screen.findByLabelText("What happened"), { target: { value: "court_claim_served" } });
  const happened = screen.getByRole("group", { name: "Date it happened" });
  fireEvent.change(within(happened).getByLabelText("Month"), { target: { value: "" } });
  fireEvent.click(screen.getByRole("button", { name: "Record event" }));
  expect(await screen.findByRole("link", { name: /must include a month/ })).toHaveAttribute("href", "#fact-on");
  expect(within(happened).getByText("must include a month")).toBeInTheDocument();
  expect(calls.posts).toEqual([]);
});

test("a statutory demand asks where it was served; an open deadline can be marked met", async () => {
  calls.posts.length = 0;
  show();
  fireEvent.change(await screen.findByLabelText("What happened"), { target: { value: "statutory_demand_served" } });
  expect(screen.getByLabelText("Served outside England and Wales")).toBeInTheDocument();
  expect(screen.queryByLabelText("Petition debt")).toBeNull();
  const row = (await screen.findByText("Respond to claim")).closest("tr")!;
  expect(within(row).getByText("from 4 Dec 2026: 14 calendar days")).toBeInTheDocument();
  fireEvent.click(within(row).getByRole("button", { name: /Mark as met/ }));
  await vi.waitFor(() => expect(calls.posts.map((p) => p.path)).toEqual(["/api/v1/cases/k1/deadlines/d1/complete"]));
});

test("a claim form's deemed date of service, still ahead, is sent as deemed; other events never are", async () => {
  calls.posts.length = 0;
  show();
  const deemed = "This is the deemed date of service printed on the form (it may be up to 14 days ahead)";
  fireEvent.change(await screen.findByLabelText("What happened"), { target: { value: "court_claim_served" } });
  typeDate("Date it happened", "2026-12-09");
  fireEvent.click(screen.getByLabelText(deemed));
  fireEvent.click(screen.getByRole("button", { name: "Record event" }));
  await vi.waitFor(() => expect(calls.posts).toHaveLength(1));
  expect(calls.posts[0]?.body).toEqual({ kind: "court_claim_served", occurred_on: "2026-12-09", details: {}, deemed: true });
  // A letter of claim is an event already past: the box is not offered.
  fireEvent.change(screen.getByLabelText("What happened"), { target: { value: "letter_of_claim" } });
  expect(screen.queryByLabelText(deemed)).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Record event" }));
  await vi.waitFor(() => expect(calls.posts).toHaveLength(2));
  // (the box was ticked for the claim form: a letter of claim still goes as not deemed)
  expect(calls.posts[1]?.body).toEqual({ kind: "letter_of_claim", occurred_on: "2026-12-09", details: {}, deemed: false });
});

test("an event recorded in error is withdrawn with a reason, sending the version it was read at", async () => {
  calls.posts.length = 0;
  calls.ifMatch.length = 0;
  show();
  const table = await screen.findByRole("table", { name: "Recorded events, oldest first" });
  const row = within(table).getByText("Court claim form served").closest("tr")!;
  expect(within(row).getByText("standing")).toBeInTheDocument();
  fireEvent.click(within(row).getByRole("button", { name: /Withdraw/ }));
  expect(document.activeElement).toBe(screen.getByLabelText("Why it is withdrawn"));
  fireEvent.change(screen.getByLabelText("Why it is withdrawn"), { target: { value: "date mistyped" } });
  fireEvent.click(screen.getByRole("button", { name: "Withdraw event" }));
  await vi.waitFor(() => expect(calls.posts.map((p) => p.path)).toEqual(["/api/v1/cases/k1/facts/f1/withdraw"]));
  expect(calls.posts[0]?.body).toEqual({ reason: "date mistyped" });
  expect(calls.ifMatch).toEqual(['"1"']);
  await vi.waitFor(() => expect(screen.queryByLabelText("Why it is withdrawn")).toBeNull());
});

test("a time of day is read as an adviser types it, on the 24-hour clock", () => {
  expect(clockTime("9:30")).toBe("09:30");
  expect(clockTime(" 14.05 ")).toBe("14:05");
  expect(clockTime("0930")).toBe("09:30");
  expect(clockTime("23:59")).toBe("23:59");
  expect(clockTime("24:00")).toBeNull();
  expect(clockTime("9:75")).toBeNull();
  expect(clockTime("half nine")).toBeNull();
  expect(clockTime("")).toBeNull();
});

test("an appointment at a time that is not one is refused by the Time box, before anything is sent", async () => {
  calls.posts.length = 0;
  renderPage(<Appointments caseId="k1" />);
  fireEvent.change(screen.getByLabelText("Time"), { target: { value: "half nine" } });
  fireEvent.click(screen.getByRole("button", { name: "Book" }));
  expect(await screen.findByRole("link", { name: /must be a time on the 24-hour clock/ })).toHaveAttribute("href", "#appt-time");
  expect(screen.getByLabelText("Time")).toHaveClass("govuk-input--error");
  expect(calls.posts).toEqual([]);
});
