// The working hours form: several opening windows a day, added, edited and removed, and the
// API's field errors (a window that overlaps or ends before it starts) on the very input.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { answer, json, renderPage } from "./harness";

const net = { puts: [] as Array<{ ifMatch: string | null; body: unknown }>, answer: null as null | { status: number; body: unknown } };
answer(async (req) => {
  if (req.method === "PUT") {
    net.puts.push({ ifMatch: req.headers.get("If-Match"), body: JSON.parse(await req.text()) });
    const a = net.answer!;
    return json(a.body, a.status);
  }
  return json({
    weekly_hours: { "0": [{ start: "09:00:00", end: "17:00:00" }], "2": [{ start: "09:00:00", end: "12:00:00" }, { start: "13:00:00", end: "17:30:00" }] },
    timezone: "Europe/London",
    version: 3,
    updated_at: null,
  });
});
vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "a", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { ApiError } from "../src/api/problem";
import { hoursBody, hoursFields, hoursForm, plainProblem, WorkingHoursPage } from "../src/pages/admin/WorkingHours";

const out = {
  weekly_hours: {
    "0": [{ start: "09:00:00", end: "17:00:00" }],
    "2": [
      { start: "09:00:00", end: "12:00:00" },
      { start: "13:00:00", end: "17:30:00" },
    ],
  },
  timezone: "Europe/London",
  version: 3,
  updated_at: null,
};

describe("working hours form", () => {
  it("shows each weekday with its windows as saved, closed days unticked", () => {
    const days = hoursForm(out);
    expect(days).toHaveLength(7);
    expect(days[0]).toEqual({ open: true, windows: [{ from: "09:00", to: "17:00" }] });
    expect(days[1]!.open).toBe(false);
    expect(days[2]!.windows).toEqual([
      { from: "09:00", to: "12:00" },
      { from: "13:00", to: "17:30" },
    ]);
  });

  it("sends open days only, every window, padding times, and typed nonsense as typed", () => {
    const days = hoursForm(out);
    days[1] = { open: true, windows: [{ from: "9:30", to: "13:00" }] };
    days[2] = { open: true, windows: [...days[2]!.windows, { from: "18.00", to: "half five" }] };
    days[0] = { ...days[0]!, open: false };
    expect(hoursBody(days, "Europe/London")).toEqual({
      weekly_hours: {
        "1": [{ start: "09:30:00", end: "13:00:00" }],
        "2": [
          { start: "09:00:00", end: "12:00:00" },
          { start: "13:00:00", end: "17:30:00" },
          { start: "18:00:00", end: "half five" },
        ],
      },
      timezone: "Europe/London",
    });
  });

  it("links each window's API field to its input", () => {
    const f = hoursFields(hoursForm(out));
    expect(f["weekly_hours.0[0].end"]).toBe("hours-0-0-to");
    expect(f["weekly_hours.2[1].start"]).toBe("hours-2-1-from");
  });

  it("says what to enter for a time the API could not read, and keeps its other words", () => {
    const e = new ApiError(400, {
      title: "Bad request",
      errors: [
        { field: "weekly_hours.4[0].end", message: "Invalid RFC3339 encoded time" },
        { field: "weekly_hours.2[1].start", message: "overlaps the window 09:00–12:00" },
      ],
    });
    expect((plainProblem(e) as ApiError).errors.map((x) => x.message)).toEqual(["must be a time like 09:30", "overlaps the window 09:00–12:00"]);
  });
});

describe("WorkingHoursPage", () => {
  function show() {
    return renderPage(<WorkingHoursPage />);
  }
  beforeEach(() => {
    net.puts.length = 0;
  });

  it("adds, edits and removes windows, then saves them all with the version seen", async () => {
    net.answer = { status: 200, body: { ...out, version: 4 } };
    show();
    const monday = within(await screen.findByRole("list", { name: "Opening windows on Monday" }));
    fireEvent.click(screen.getByRole("button", { name: /^Add a window\s*on Monday$/ }));
    fireEvent.change(monday.getByLabelText("Window 1 closes"), { target: { value: "12:30" } });
    fireEvent.change(monday.getByLabelText("Window 2 opens"), { target: { value: "13:30" } });
    fireEvent.change(monday.getByLabelText("Window 2 closes"), { target: { value: "17:00" } });
    const wednesday = within(screen.getByRole("list", { name: "Opening windows on Wednesday" }));
    fireEvent.click(wednesday.getByRole("button", { name: /^Remove\s*window 1 on Wednesday$/ }));
    expect(wednesday.getByLabelText("Opens")).toHaveValue("13:00");
    expect(wednesday.queryByRole("button", { name: /Remove/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Save working hours" }));
    expect(await screen.findByText("Working hours saved (version 4).")).toBeInTheDocument();
    expect(net.puts).toEqual([
      {
        ifMatch: '"3"',
        body: {
          weekly_hours: {
            "0": [
              { start: "09:00:00", end: "12:30:00" },
              { start: "13:30:00", end: "17:00:00" },
            ],
            "2": [{ start: "13:00:00", end: "17:30:00" }],
          },
          timezone: "Europe/London",
        },
      },
    ]);
  });

  it("shows the API's overlap in the error summary and on the window's input", async () => {
    net.answer = {
      status: 422,
      body: { title: "Validation error", status: 422, detail: "weekly_hours.2[1].start: overlaps the window 09:00–12:00", errors: [{ field: "weekly_hours.2[1].start", message: "overlaps the window 09:00–12:00" }] },
    };
    show();
    const wednesday = within(await screen.findByRole("list", { name: "Opening windows on Wednesday" }));
    fireEvent.change(wednesday.getByLabelText("Window 2 opens"), { target: { value: "11:00" } });
    fireEvent.click(screen.getByRole("button", { name: "Save working hours" }));
    const summary = await screen.findByRole("alert");
    const link = within(summary).getByRole("link", { name: "Wednesday, window 2: opening time overlaps the window 09:00–12:00" });
    expect(link).toHaveAttribute("href", "#hours-2-1-from");
    const input = wednesday.getByLabelText(/Window 2 opens/);
    expect(input).toHaveClass("govuk-input--error");
    await waitFor(() => expect(input.getAttribute("aria-describedby") ?? "").toMatch(/error/));
    expect(wednesday.getByText(/overlaps the window 09:00–12:00/)).toBeInTheDocument();
  });
});
