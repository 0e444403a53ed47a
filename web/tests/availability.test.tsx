// An adviser's own working hours and leave: "not set" until saved (the centre's hours
// apply), then saved with If-Match "0" the first time, with the office week and the leave
// typed; a later save sends the version read.
import { fireEvent, screen, within } from "@testing-library/react";
import { hoursText, officeHours } from "../src/pages/Availability";
import { answer, json, renderPage } from "./harness";

const state = { sent: [] as { body: any; ifMatch: string | null }[], stored: null as any };
answer(async (input) => {
  if (input.method === "PUT") {
    const body = await input.json();
    state.sent.push({ body, ifMatch: input.headers.get("If-Match") });
    state.stored = { adviser_id: "u1", ...body, version: (state.stored?.version ?? 0) + 1 };
    return json(state.stored);
  }
  return state.stored ? json(state.stored) : json({ status: 404, title: "Not found", detail: "availability u1 not found" }, 404);
});

import { AdviserAvailability } from "../src/pages/Availability";

function show() {
  renderPage(<AdviserAvailability userId="u1" />);
}

test("hours in words; the office week to start from", () => {
  expect(hoursText({ weekly_hours: { "0": [{ start: "09:00:00", end: "12:30:00" }, { start: "13:30:00", end: "17:00:00" }], "4": [{ start: "10:00:00", end: "14:00:00" }] } })).toBe(
    "Monday 09:00–12:30, 13:30–17:00; Friday 10:00–14:00",
  );
  expect(officeHours().map((d) => d.open)).toEqual([true, true, true, true, true, false, false]);
});

test("not set, then saved with the office week and a week of leave; the first save sends If-Match 0", async () => {
  show();
  expect(await screen.findByText("Not set: the centre's working hours apply to you.")).toBeInTheDocument();
  fireEvent.click(screen.getByText("Change your hours and leave"));
  fireEvent.click(screen.getByRole("button", { name: "Add leave" }));
  const first = screen.getByRole("group", { name: "Leave 1: first day" });
  const type = (group: HTMLElement, day: string) => {
    fireEvent.change(within(group).getByLabelText("Day"), { target: { value: day } });
    fireEvent.change(within(group).getByLabelText("Month"), { target: { value: "12" } });
    fireEvent.change(within(group).getByLabelText("Year"), { target: { value: "2026" } });
  };
  type(first, "21");
  type(screen.getByRole("group", { name: "Last day" }), "31");
  fireEvent.click(screen.getByRole("button", { name: "Save your hours and leave" }));
  expect(await screen.findByText("Your working hours and leave are saved.")).toBeInTheDocument();
  expect(state.sent).toHaveLength(1);
  expect(state.sent[0]!.ifMatch).toBe('"0"');
  expect(state.sent[0]!.body.leave).toEqual([{ first_day: "2026-12-21", last_day: "2026-12-31" }]);
  expect(Object.keys(state.sent[0]!.body.weekly_hours)).toEqual(["0", "1", "2", "3", "4"]);
  expect(state.sent[0]!.body.weekly_hours["0"]).toEqual([{ start: "09:00:00", end: "17:00:00" }]);
  expect(await screen.findByText(/Leave: 21 Dec 2026 to 31 Dec 2026\./)).toBeInTheDocument();
});
