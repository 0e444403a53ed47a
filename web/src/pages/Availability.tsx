// An adviser's own working hours and leave (GET/PUT /api/v1/advisers/{id}/availability).
// The calendar and a booking mark an appointment outside them, or on leave, as a conflict;
// until an adviser sets theirs, the centre's working hours apply. The weekly windows use
// the centre hours' form; leave is a list of first and last days.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, type Schemas } from "../api/client";
import { ApiError, ifMatch, unwrap } from "../api/problem";
import { date } from "../components/format";
import { Button, ErrorSummary } from "../components/forms";
import { DateInput, checkDates } from "../components/DateInput";
import { QueryState, SuccessBanner } from "../components/ui";
import { DayFields, WEEKDAYS, hoursBody, hoursFields, hoursForm, hoursLabels, plainProblem, type DayForm } from "./admin/WorkingHours";

type Availability = Schemas["AvailabilityOut"];
interface Leave {
  key: number;
  first: string;
  last: string;
}

/** Monday to Friday, 09:00 to 17:00: where someone who never set their hours starts. */
export function officeHours(): DayForm[] {
  return WEEKDAYS.map((_, d) => ({ open: d < 5, windows: [{ from: "09:00", to: "17:00" }] }));
}

function AvailabilityForm({ userId, current, onSaved }: { userId: string; current: Availability | null; onSaved: () => void }) {
  const qc = useQueryClient();
  const [days, setDays] = useState<DayForm[]>(() => (current ? hoursForm(current) : officeHours()));
  const [leave, setLeave] = useState<Leave[]>(() => (current?.leave ?? []).map((l, i) => ({ key: i, first: l.first_day, last: l.last_day })));
  const [next, setNext] = useState(1000);
  const save = useMutation({
    mutationFn: async () => {
      checkDates(Object.fromEntries(leave.flatMap((l, i) => [[`leave[${i}].first_day`, l.first], [`leave[${i}].last_day`, l.last]])));
      const body = { ...hoursBody(days, current?.timezone ?? "Europe/London"), leave: leave.map((l) => ({ first_day: l.first, last_day: l.last })) };
      return unwrap(
        await api.PUT("/api/v1/advisers/{user_id}/availability", {
          params: { path: { user_id: userId }, header: ifMatch(current?.version ?? 0) },
          body,
        }),
      );
    },
    onSuccess: (saved) => {
      qc.setQueryData(["availability", userId], saved);
      void qc.invalidateQueries({ queryKey: ["appointments"] });
      onSaved();
    },
  });
  const error = plainProblem(save.error);
  const fields = { ...hoursFields(days), ...Object.fromEntries(leave.flatMap((l, i) => [[`leave[${i}].first_day`, `leave-${l.key}-first`], [`leave[${i}].last_day`, `leave-${l.key}-last`], [`leave[${i}]`, `leave-${l.key}-first`]])) };
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <ErrorSummary error={error} fields={fields} labels={hoursLabels(days)} />
      {days.map((d, i) => (
        <DayFields key={WEEKDAYS[i]} day={i} form={d} error={error} editable set={(change) => setDays((old) => old.map((x, j) => (j === i ? change : x)))} />
      ))}
      <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Leave</legend>
        {leave.length === 0 && <p className="govuk-body-s">No leave booked.</p>}
        {leave.map((l, i) => (
          <div key={l.key} className="cma-inline-form">
            <DateInput id={`leave-${l.key}-first`} name={`leave[${i}].first_day`} label={`Leave ${i + 1}: first day`} value={l.first} onChange={(v) => setLeave(leave.map((x) => (x.key === l.key ? { ...x, first: v } : x)))} error={error} />
            <DateInput id={`leave-${l.key}-last`} name={`leave[${i}].last_day`} label="Last day" value={l.last} onChange={(v) => setLeave(leave.map((x) => (x.key === l.key ? { ...x, last: v } : x)))} error={error} />
            <Button type="button" secondary onClick={() => setLeave(leave.filter((x) => x.key !== l.key))}>
              Remove<span className="govuk-visually-hidden"> leave {i + 1}</span>
            </Button>
          </div>
        ))}
        <Button
          type="button"
          secondary
          onClick={() => {
            setLeave([...leave, { key: next, first: "", last: "" }]);
            setNext(next + 1);
          }}
        >
          Add leave
        </Button>
      </fieldset>
      <Button busy={save.isPending}>Save your hours and leave</Button>
    </form>
  );
}

/** "Monday 09:00–17:00; Tuesday 09:00–12:30, 13:30–17:00" for the open days. */
export function hoursText(a: Pick<Availability, "weekly_hours">): string {
  const days = WEEKDAYS.flatMap((name, d) => {
    const windows = a.weekly_hours[String(d)] ?? [];
    return windows.length ? [`${name} ${windows.map((w) => `${w.start.slice(0, 5)}–${w.end.slice(0, 5)}`).join(", ")}`] : [];
  });
  return days.length ? days.join("; ") : "No working hours";
}

export function AdviserAvailability({ userId }: { userId: string }) {
  const [saved, setSaved] = useState(0);
  const availability = useQuery({
    queryKey: ["availability", userId],
    // None set yet is a 404: the centre's hours apply, shown as such.
    queryFn: async () => {
      try {
        return unwrap(await api.GET("/api/v1/advisers/{user_id}/availability", { params: { path: { user_id: userId } } }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
  return (
    <>
      <h2 className="govuk-heading-l">Your working hours and leave</h2>
      {saved > 0 && <SuccessBanner key={saved} text="Your working hours and leave are saved." />}
      <QueryState query={availability} what="your working hours">
        {(a) => (
          <>
            <p className="govuk-body">
              {a ? hoursText(a) : "Not set: the centre's working hours apply to you."}
              {a && a.leave.length > 0 && <> Leave: {a.leave.map((l) => `${date(l.first_day)} to ${date(l.last_day)}`).join("; ")}.</>}
            </p>
            <p className="govuk-body">An appointment booked outside your hours or on your leave is marked as a conflict.</p>
            <details className="govuk-details" key={`${a?.version ?? 0}:${saved}`}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Change your hours and leave</span>
              </summary>
              <div className="govuk-details__text">
                <AvailabilityForm userId={userId} current={a} onSaved={() => setSaved((n) => n + 1)} />
              </div>
            </details>
          </>
        )}
      </QueryState>
    </>
  );
}
