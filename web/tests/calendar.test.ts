import { conflicts, dayKey, dayProblem, monthWeeks, moveByKey, range, startOfWeek, weekDays } from "../src/pages/calendar/calendar";

const slot = (id: string, adviser: string, start: string, end: string, status = "booked") => ({
  id,
  adviser_id: adviser,
  start: `2026-12-03T${start}:00Z`,
  end: `2026-12-03T${end}:00Z`,
  status,
});

describe("calendar dates", () => {
  it("starts weeks on Monday and covers a month in whole weeks", () => {
    expect(dayKey(startOfWeek(new Date(2026, 11, 3)))).toBe("2026-11-30");
    expect(dayKey(startOfWeek(new Date(2026, 11, 6)))).toBe("2026-11-30"); // a Sunday
    expect(weekDays(new Date(2026, 11, 3)).map(dayKey)).toEqual([
      "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06",
    ]);
    const weeks = monthWeeks(new Date(2026, 11, 15));
    expect(weeks).toHaveLength(5);
    expect(dayKey(weeks[0]![0]!)).toBe("2026-11-30");
    expect(dayKey(weeks[4]![6]!)).toBe("2027-01-03");
    const r = range("month", new Date(2026, 11, 15));
    expect(dayKey(r.from)).toBe("2026-11-30");
    expect(dayKey(r.to)).toBe("2027-01-04");
  });

  it("moves by arrow keys, Home/End and a month by Page Up/Down", () => {
    const d = new Date(2026, 11, 3);
    expect(dayKey(moveByKey(d, "ArrowRight")!)).toBe("2026-12-04");
    expect(dayKey(moveByKey(d, "ArrowUp")!)).toBe("2026-11-26");
    expect(dayKey(moveByKey(d, "Home")!)).toBe("2026-11-30");
    expect(dayKey(moveByKey(d, "End")!)).toBe("2026-12-06");
    expect(dayKey(moveByKey(new Date(2026, 0, 31), "PageDown")!)).toBe("2026-02-28");
    expect(moveByKey(d, "a")).toBeNull();
  });
});

describe("conflicts", () => {
  it("marks one adviser's overlapping live appointments, both ways", () => {
    const c = conflicts([slot("a", "u1", "10:00", "11:00"), slot("b", "u1", "10:30", "11:30"), slot("c", "u1", "12:00", "13:00")]);
    expect(c.get("a")).toEqual(["b"]);
    expect(c.get("b")).toEqual(["a"]);
    expect(c.has("c")).toBe(false);
  });

  it("ignores other advisers, back-to-back slots and cancelled appointments", () => {
    const c = conflicts([
      slot("a", "u1", "10:00", "11:00"),
      slot("b", "u2", "10:00", "11:00"),
      slot("c", "u1", "11:00", "12:00"),
      slot("d", "u1", "10:15", "10:45", "cancelled"),
    ]);
    expect(c.size).toBe(0);
  });

  it("finds a clash behind a long appointment", () => {
    const c = conflicts([slot("long", "u1", "09:00", "17:00"), slot("x", "u2", "10:00", "11:00"), slot("late", "u1", "15:00", "16:00")]);
    expect(c.get("long")).toEqual(["late"]);
  });
});

describe("dayProblem", () => {
  const closures = new Map([["2026-12-25", "Christmas Day"]]);
  it("names a closure first, then leave, else nothing", () => {
    expect(dayProblem("2026-12-25", closures, [{ first_day: "2026-12-21", last_day: "2026-12-31" }])).toBe("the centre is closed (Christmas Day)");
    expect(dayProblem("2026-12-22", closures, [{ first_day: "2026-12-21", last_day: "2026-12-31" }])).toBe("the adviser is on leave");
    expect(dayProblem("2026-12-31", closures, [{ first_day: "2026-12-21", last_day: "2026-12-31" }])).toBe("the adviser is on leave");
    expect(dayProblem("2027-01-04", closures, [{ first_day: "2026-12-21", last_day: "2026-12-31" }])).toBeNull();
  });
});
