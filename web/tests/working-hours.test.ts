import { hoursBody, hoursFields, hoursForm } from "../src/pages/admin/WorkingHours";

describe("working hours form", () => {
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

  it("shows one row per weekday, closed days unticked, split days named", () => {
    const days = hoursForm(out);
    expect(days).toHaveLength(7);
    expect(days[0]).toEqual({ open: true, from: "09:00", to: "17:00", split: null });
    expect(days[1]!.open).toBe(false);
    expect(days[2]).toEqual({ open: true, from: "09:00", to: "17:30", split: "09:00–12:00, 13:00–17:30" });
  });

  it("sends open days only, padding times, and typed nonsense as typed", () => {
    const days = hoursForm(out);
    days[1] = { open: true, from: "9:30", to: "13:00", split: null };
    days[2] = { ...days[2]!, to: "half five" };
    expect(hoursBody(days, "Europe/London")).toEqual({
      weekly_hours: {
        "0": [{ start: "09:00:00", end: "17:00:00" }],
        "1": [{ start: "09:30:00", end: "13:00:00" }],
        "2": [{ start: "09:00:00", end: "half five" }],
      },
      timezone: "Europe/London",
    });
  });

  it("links the API's field names to the inputs", () => {
    expect(hoursFields()["weekly_hours.4[0].end"]).toBe("hours-4-to");
    expect(hoursFields()["working_hours"]).toBe("hours-0-from");
  });
});
