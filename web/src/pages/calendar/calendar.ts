// Dates for the calendar view (local time, weeks starting on Monday), and the wording of
// the conflicts the API computes for each appointment (overlaps, closures, hours, leave):
// the browser only shows them.

export interface Conflict {
  kind: string;
  detail: string;
  other_appointment_id?: string | null;
}

const CONFLICT_TITLES: Record<string, string> = {
  overlap_adviser: "Adviser double-booked",
  overlap_client: "Client double-booked",
  outside_hours: "Outside working hours",
  centre_closed: "Centre closed",
  staff_leave: "Adviser on leave",
};

/** A conflict as a person reads it: what kind, then the API's detail. */
export function conflictText(c: Conflict): string {
  return `${CONFLICT_TITLES[c.kind] ?? c.kind.replace(/_/g, " ")}: ${c.detail}`;
}

export function startOfDay(d: Date): Date {
  const x = new Date(d);
  x.setHours(0, 0, 0, 0);
  return x;
}

export function addDays(d: Date, n: number): Date {
  const x = new Date(d);
  x.setDate(x.getDate() + n);
  return x;
}

/** Monday of the week holding d. */
export function startOfWeek(d: Date): Date {
  const x = startOfDay(d);
  return addDays(x, -((x.getDay() + 6) % 7));
}

export function weekDays(anchor: Date): Date[] {
  const monday = startOfWeek(anchor);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The weeks (Monday to Sunday) covering the month of anchor. */
export function monthWeeks(anchor: Date): Date[][] {
  const first = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
  const last = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0);
  const weeks: Date[][] = [];
  for (let monday = startOfWeek(first); monday <= last; monday = addDays(monday, 7)) weeks.push(weekDays(monday));
  return weeks;
}

export function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

export function dayKey(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The range [from, to) a view shows, as the API's from/to. */
export function range(view: "week" | "month", anchor: Date): { from: Date; to: Date } {
  if (view === "week") {
    const from = startOfWeek(anchor);
    return { from, to: addDays(from, 7) };
  }
  const weeks = monthWeeks(anchor);
  return { from: weeks[0]![0]!, to: addDays(weeks[weeks.length - 1]![6]!, 1) };
}

/** Arrow keys, Home/End and Page Up/Down in a month grid, as the WAI-ARIA date grid does. */
export function moveByKey(day: Date, key: string): Date | null {
  switch (key) {
    case "ArrowLeft":
      return addDays(day, -1);
    case "ArrowRight":
      return addDays(day, 1);
    case "ArrowUp":
      return addDays(day, -7);
    case "ArrowDown":
      return addDays(day, 7);
    case "Home":
      return startOfWeek(day);
    case "End":
      return addDays(startOfWeek(day), 6);
    case "PageUp":
      return new Date(day.getFullYear(), day.getMonth() - 1, Math.min(day.getDate(), 28));
    case "PageDown":
      return new Date(day.getFullYear(), day.getMonth() + 1, Math.min(day.getDate(), 28));
    default:
      return null;
  }
}
