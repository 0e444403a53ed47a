// The appointments calendar: a week or a month, one adviser's or the centre's, with each
// appointment's conflicts as the API computed them (double bookings, closures and bank
// holidays, outside the centre's working hours, the adviser's leave) marked. The month grid moves by arrow
// keys, Home/End and Page Up/Down; Enter or Space opens a day's list.
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Link } from "react-router-dom";
import { api, type Schemas } from "../../api/client";
import { everyItem } from "../../api/pages";
import { unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { label } from "../../components/format";
import { Checkbox, ErrorSummary, Select } from "../../components/forms";
import { QueryState, Tag, WarningText } from "../../components/ui";
import { downloadCalendar } from "../case/download";
import { Closures } from "./Closures";
import { addDays, conflictText, dayKey, monthWeeks, moveByKey, range, sameDay, startOfDay, weekDays } from "./calendar";

type Appointment = Schemas["AppointmentOut"];

const time = (iso: string) => new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
const dayName = (d: Date) => d.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long" });

function AppointmentItem({ a, names }: { a: Appointment; names: Map<string, string> }) {
  const problems = a.conflicts.map(conflictText);
  return (
    <li className={`cma-appt${problems.length ? " cma-appt--conflict" : ""}`}>
      <strong>
        {time(a.start)}–{time(a.end)}
      </strong>{" "}
      <Link className="govuk-link" to={`/cases/${a.case_id}/appointments`}>
        {label(a.kind)}
        <span className="govuk-visually-hidden"> appointment at {time(a.start)}</span>
      </Link>{" "}
      {a.status !== "booked" && <Tag value={a.status} />}
      <div className="govuk-body-s govuk-!-margin-bottom-0">
        {names.get(a.adviser_id) ?? "Adviser"} · {a.location}
      </div>
      {problems.map((p) => (
        <div className="govuk-body-s govuk-!-margin-bottom-0" key={p}>
          <strong className="govuk-tag govuk-tag--red">Conflict</strong> {p}
        </div>
      ))}
    </li>
  );
}

export default function Calendar() {
  const { can, me } = useMe();
  const [view, setView] = useState<"week" | "month">("week");
  const [anchor, setAnchor] = useState(() => startOfDay(new Date()));
  const [who, setWho] = useState(can("case:read_all") ? "" : "me");
  const [onlyConflicts, setOnlyConflicts] = useState(false);
  const focusDay = useRef(false);
  const grid = useRef<HTMLTableElement>(null);
  const { from, to } = range(view, anchor);
  const staff = useQuery({
    queryKey: ["staff", "active"],
    queryFn: async () => unwrap(await api.GET("/api/v1/users", { params: { query: { active: true, limit: 200 } } })),
    staleTime: 60_000,
  });
  const names = useMemo(() => new Map((staff.data?.items ?? []).map((s) => [s.id, s.display_name])), [staff.data]);
  const appts = useQuery({
    queryKey: ["appointments", "calendar", who, onlyConflicts, from.toISOString(), to.toISOString()],
    queryFn: () =>
      everyItem(async (at) =>
        unwrap(
          await api.GET("/api/v1/appointments", {
            params: {
              query: {
                ...at,
                from: from.toISOString(),
                to: to.toISOString(),
                ...(who ? { adviser_id: who } : {}),
                ...(onlyConflicts ? { has_conflicts: true } : {}),
              },
            },
          }),
        ),
      ),
    // Keep the grid on screen while the next month loads, so keyboard focus stays in it.
    placeholderData: keepPreviousData,
  });
  const closures = useQuery({
    queryKey: ["closures", dayKey(from), dayKey(to)],
    queryFn: async () => unwrap(await api.GET("/api/v1/calendar/closures", { params: { query: { from: dayKey(from), to: dayKey(to) } } })),
    placeholderData: keepPreviousData,
  });
  // Closure days are labelled on the grid as the API lists them (no rule is applied here).
  const closed = useMemo(() => new Map((closures.data ?? []).map((c) => [c.day, c.reason])), [closures.data]);
  const closedLabel = (d: Date) => {
    const reason = closed.get(dayKey(d));
    return reason === undefined ? null : `Centre closed (${reason})`;
  };
  const items = appts.data?.items ?? [];
  const troubled = items.filter((a) => a.conflicts.length > 0).length;
  const byDay = useMemo(() => {
    const m = new Map<string, Appointment[]>();
    for (const a of [...items].sort((x, y) => Date.parse(x.start) - Date.parse(y.start))) {
      const k = dayKey(new Date(a.start));
      m.set(k, [...(m.get(k) ?? []), a]);
    }
    return m;
  }, [items]);

  useEffect(() => {
    if (focusDay.current) {
      grid.current?.querySelector<HTMLButtonElement>(`[data-day="${dayKey(anchor)}"]`)?.focus();
      focusDay.current = false;
    }
  }, [anchor, view]);

  function onGridKey(e: KeyboardEvent) {
    const next = moveByKey(anchor, e.key);
    if (!next) return;
    e.preventDefault();
    focusDay.current = true;
    setAnchor(next);
  }

  // One adviser's appointments as an iCalendar file, to import into Outlook or a phone.
  const whose = who === "me" ? (me?.user_id ?? null) : who || null;
  // Whose they are, once for the button and the file: "mine", or the adviser by name.
  const mine = whose === me?.user_id;
  const whoseName = whose && !mine ? (names.get(whose) ?? null) : null;
  const ics = useMutation({
    mutationFn: (id: string) => downloadCalendar(id, `appointments-${mine ? "mine" : (whoseName ?? id).replace(/\W+/g, "-").toLowerCase()}.ics`),
  });
  const step = (n: number) => setAnchor(view === "week" ? addDays(anchor, 7 * n) : new Date(anchor.getFullYear(), anchor.getMonth() + n, 1));
  const title =
    view === "week"
      ? `Week of ${weekDays(anchor)[0]!.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })}`
      : anchor.toLocaleDateString("en-GB", { month: "long", year: "numeric" });
  const today = startOfDay(new Date());
  const selected = byDay.get(dayKey(anchor)) ?? [];

  return (
    <>
      <h1 className="govuk-heading-xl">Appointments calendar</h1>
      <div className="cma-inline-form">
        <Select id="cal-view" label="Show" value={view} onChange={(v) => setView(v as "week" | "month")} options={[["week", "A week"], ["month", "A month"]]} />
        <Select
          id="cal-who"
          label="Whose"
          value={who}
          onChange={setWho}
          options={[...(can("case:read_all") ? [["", "Everyone in the centre"] as const] : []), ["me", "Mine"] as const, ...(can("case:read_all") ? (staff.data?.items ?? []).map((s) => [s.id, s.display_name] as const) : [])]}
        />
        <Checkbox id="cal-conflicts" label="Only appointments with a conflict" checked={onlyConflicts} onChange={setOnlyConflicts} />
        <div className="govuk-button-group govuk-!-margin-bottom-4">
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => step(-1)}>
            Previous {view}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setAnchor(today)}>
            Today
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => step(1)}>
            Next {view}
          </button>
        </div>
      </div>
      {whose && (
        <>
          <ErrorSummary error={ics.error} />
          <p className="govuk-body">
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={ics.isPending} onClick={() => ics.mutate(whose)}>
              Download {mine ? "my" : `${whoseName ?? "the adviser"}'s`} appointments as a calendar file (.ics)
            </button>
          </p>
        </>
      )}
      <h2 className="govuk-heading-l" aria-live="polite">
        {title}
      </h2>
      {troubled > 0 && (
        <WarningText>
          {troubled === 1 ? "1 appointment has" : `${troubled} appointments have`} a conflict (a double booking, a closure, outside working hours or leave): marked Conflict.
        </WarningText>
      )}
      <QueryState query={appts} what="appointments">
        {() =>
          view === "week" ? (
            <div className="cma-week">
              {weekDays(anchor).map((d) => {
                const list = byDay.get(dayKey(d)) ?? [];
                return (
                  <section key={dayKey(d)} className={`cma-week__day${sameDay(d, today) ? " cma-week__day--today" : ""}`} aria-labelledby={`day-${dayKey(d)}`}>
                    <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={`day-${dayKey(d)}`}>
                      {dayName(d)}
                      {sameDay(d, today) && <span className="govuk-visually-hidden"> (today)</span>}
                    </h3>
                    {closedLabel(d) && <p className="govuk-body-s govuk-!-font-weight-bold">{closedLabel(d)}</p>}
                    {list.length === 0 ? (
                      <p className="govuk-body-s">No appointments</p>
                    ) : (
                      <ul className="govuk-list">
                        {list.map((a) => (
                          <AppointmentItem key={a.id} a={a} names={names} />
                        ))}
                      </ul>
                    )}
                  </section>
                );
              })}
            </div>
          ) : (
            <>
              <p className="govuk-hint" id="cal-grid-hint">
                Use the arrow keys to move between days, Page Up and Page Down to change month.
              </p>
              <table className="cma-month" ref={grid} aria-describedby="cal-grid-hint">
                <caption className="govuk-visually-hidden">{title}: appointments per day</caption>
                <thead>
                  <tr>
                    {["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((d) => (
                      <th scope="col" key={d}>
                        {d}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody onKeyDown={onGridKey}>
                  {monthWeeks(anchor).map((week) => (
                    <tr key={dayKey(week[0]!)}>
                      {week.map((d) => {
                        const list = byDay.get(dayKey(d)) ?? [];
                        const clash = list.some((a) => a.conflicts.length > 0);
                        const off = closed.has(dayKey(d));
                        const current = sameDay(d, anchor);
                        return (
                          <td key={dayKey(d)} className={d.getMonth() !== anchor.getMonth() ? "cma-month__other" : undefined}>
                            <button
                              type="button"
                              data-day={dayKey(d)}
                              tabIndex={current ? 0 : -1}
                              aria-pressed={current}
                              className={`cma-month__day${sameDay(d, today) ? " cma-month__day--today" : ""}`}
                              onClick={() => setAnchor(d)}
                            >
                              <span className="cma-month__date">{d.getDate()}</span>
                              <span className="govuk-visually-hidden">{` ${dayName(d)}`}</span>
                              {list.length > 0 && <span className="cma-month__count">{` ${list.length} appt${list.length > 1 ? "s" : ""}`}</span>}
                              {off && <span className="cma-month__count"> closed</span>}
                              {clash && <span className="cma-month__clash"> conflict</span>}
                            </button>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3 className="govuk-heading-m govuk-!-margin-top-4">{dayName(anchor)}</h3>
              {closedLabel(anchor) && <p className="govuk-body">{closedLabel(anchor)}.</p>}
              {selected.length === 0 ? (
                <p className="govuk-body">No appointments on this day.</p>
              ) : (
                <ul className="govuk-list">
                  {selected.map((a) => (
                    <AppointmentItem key={a.id} a={a} names={names} />
                  ))}
                </ul>
              )}
            </>
          )
        }
      </QueryState>
      {appts.data && appts.data.total > appts.data.items.length && (
        <p className="govuk-body-s">Showing the first {appts.data.items.length} of {appts.data.total}: choose one adviser to see all.</p>
      )}
      {can("case:assign") && <Closures />}
    </>
  );
}
