// A case's appointments: one ahead is moved to another slot or cancelled with a reason, one begun is recorded as
// attended or missed, each with the version read (If-Match); a cancelled one says why.
import { fireEvent, screen, within } from "@testing-library/react";
import { answer, emptyPage, json, renderPage } from "./harness";

const state = {
  sent: [] as { path: string; body: unknown; ifMatch: string | null }[],
};
const base = { case_id: "k1", client_id: "cl1", adviser_id: "u1", kind: "phone", location: "", sequence: 0, conflicts: [] };
const appts = [
  { ...base, id: "ahead", start: "2099-01-07T10:00:00Z", end: "2099-01-07T10:30:00Z", status: "booked", cancel_reason: null, version: 3 },
  { ...base, id: "begun", start: "2020-01-07T10:00:00Z", end: "2020-01-07T10:30:00Z", status: "booked", cancel_reason: null, version: 1 },
  { ...base, id: "gone", start: "2099-02-07T10:00:00Z", end: "2099-02-07T10:30:00Z", status: "cancelled", cancel_reason: "Client moved away", version: 2 },
];
answer(async (input) => {
  const url = new URL(input.url);
  if (input.method === "PATCH") {
    const body = (await input.json()) as { start: string; end: string };
    state.sent.push({ path: url.pathname, body, ifMatch: input.headers.get("If-Match") });
    return json({ ...appts[0], ...body, sequence: 1, version: 4 });
  }
  if (input.method === "POST" && url.pathname === "/api/v1/appointments") {
    const clash = { kind: "adviser_double_booked", detail: "the adviser has another appointment", other_appointment_id: "ahead" };
    return json({ ...appts[0], id: "new", version: 1, conflicts: [clash] });
  }
  if (input.method === "POST") {
    const body = url.pathname.endsWith("/cancel") ? await input.json() : null;
    state.sent.push({ path: url.pathname, body, ifMatch: input.headers.get("If-Match") });
    const id = url.pathname.split("/")[4];
    return json({ ...appts.find((a) => a.id === id), status: url.pathname.endsWith("/cancel") ? "cancelled" : "completed" });
  }
  if (url.pathname === "/api/v1/appointments") return json({ items: appts, total: 3, limit: 200, offset: 0, next_cursor: null });
  return json(emptyPage());
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { Appointments } from "../src/pages/case/Clock";

function show() {
  renderPage(<Appointments caseId="k1" />);
}

beforeEach(() => {
  state.sent.length = 0;
});

test("an appointment ahead is cancelled with its reason and the version read; a begun one offers attendance, not cancelling", async () => {
  show();
  const items = await screen.findAllByRole("listitem");
  const [ahead, begun, gone] = items as [HTMLElement, HTMLElement, HTMLElement];
  expect(within(begun).queryByText(/^Cancel/)).not.toBeInTheDocument();
  expect(within(ahead).queryByRole("button", { name: /It took place/ })).not.toBeInTheDocument();
  expect(gone).toHaveTextContent("Cancelled: Client moved away");
  expect(within(gone).queryByRole("button")).not.toBeInTheDocument();

  fireEvent.click(within(ahead).getByText("Cancel", { exact: false, selector: "span" }));
  fireEvent.change(within(ahead).getByLabelText("Why it is cancelled"), { target: { value: "Client found work" } });
  fireEvent.click(within(ahead).getByRole("button", { name: "Cancel the appointment" }));
  expect(await screen.findByText(/The appointment on .* is cancelled\./)).toBeInTheDocument();
  expect(state.sent).toEqual([{ path: "/api/v1/appointments/ahead/cancel", body: { reason: "Client found work" }, ifMatch: '"3"' }]);
});

test("a begun appointment is recorded as attended, or as missed, with the version read", async () => {
  show();
  const begun = (await screen.findAllByRole("listitem"))[1] as HTMLElement;
  fireEvent.click(within(begun).getByRole("button", { name: /The client did not come/ }));
  expect(await screen.findByText(/Recorded: the client did not come to the appointment on/)).toBeInTheDocument();
  expect(state.sent).toEqual([{ path: "/api/v1/appointments/begun/no-show", body: null, ifMatch: '"1"' }]);
});

test("an appointment ahead is moved to a new slot with the version read; a time that is not one is refused by its box", async () => {
  show();
  const ahead = (await screen.findAllByRole("listitem"))[0] as HTMLElement;
  fireEvent.click(within(ahead).getByText("Move", { exact: false, selector: "span" }));
  fireEvent.change(within(ahead).getByLabelText("Day"), { target: { value: "8" } });
  fireEvent.change(within(ahead).getByLabelText("Time"), { target: { value: "2.30pm" } });
  fireEvent.click(within(ahead).getByRole("button", { name: "Move the appointment" }));
  expect(await within(ahead).findAllByText(/must be a time on the 24-hour clock/)).not.toHaveLength(0);
  expect(state.sent).toEqual([]);

  fireEvent.change(within(ahead).getByLabelText("Time"), { target: { value: "14:30" } });
  fireEvent.change(within(ahead).getByLabelText("Minutes"), { target: { value: "45" } });
  fireEvent.click(within(ahead).getByRole("button", { name: "Move the appointment" }));
  expect(await screen.findByText(/The appointment on .* is moved to .*\./)).toBeInTheDocument();
  const start = new Date(`${new Date("2099-01-07T10:00:00Z").getFullYear()}-01-08T14:30`);
  expect(state.sent).toEqual([
    {
      path: "/api/v1/appointments/ahead",
      body: { start: start.toISOString(), end: new Date(start.getTime() + 45 * 60_000).toISOString(), allow_conflict: false },
      ifMatch: '"3"',
    },
  ]);
});

test("a booking's conflicts are not shown once another appointment is cancelled (they may be gone)", async () => {
  show();
  const ahead = (await screen.findAllByRole("listitem"))[0] as HTMLElement;
  fireEvent.change(screen.getByLabelText("Where"), { target: { value: "Room 2" } });
  fireEvent.click(screen.getByLabelText(/^Book even if/));
  fireEvent.click(screen.getByRole("button", { name: "Book" }));
  expect(await screen.findByText(/^Booked, with a conflict/)).toBeInTheDocument();
  fireEvent.click(within(ahead).getByText("Cancel", { exact: false, selector: "span" }));
  fireEvent.change(within(ahead).getByLabelText("Why it is cancelled"), { target: { value: "Double booked" } });
  fireEvent.click(within(ahead).getByRole("button", { name: "Cancel the appointment" }));
  expect(await screen.findByText(/The appointment on .* is cancelled\./)).toBeInTheDocument();
  expect(screen.queryByText(/^Booked, with a conflict/)).not.toBeInTheDocument();
});
