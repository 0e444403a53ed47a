import { conflictText, dayKey, monthWeeks, moveByKey, range, startOfWeek, weekDays } from "../src/pages/calendar/calendar";

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

describe("conflictText", () => {
  it("titles each kind the API names and keeps its detail", () => {
    expect(conflictText({ kind: "overlap_adviser", detail: "the adviser has another appointment from 10:00" })).toBe(
      "Adviser double-booked: the adviser has another appointment from 10:00",
    );
    expect(conflictText({ kind: "staff_leave", detail: "the adviser is on leave on 2026-12-22" })).toBe("Adviser on leave: the adviser is on leave on 2026-12-22");
    expect(conflictText({ kind: "some_new_kind", detail: "x" })).toBe("some new kind: x");
  });
});
