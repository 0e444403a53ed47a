// The centre's working hours (GET/PUT /api/v1/centre/working-hours): one opening window per
// weekday, in the centre's time zone. Appointments outside them are flagged by the API
// ("outside_hours" in their conflicts); nothing here works a conflict out.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { Button, Checkbox, ErrorSummary, TextInput } from "../../components/forms";
import { QueryState } from "../../components/ui";

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export interface DayForm {
  open: boolean;
  from: string;
  to: string;
  /** The saved windows when there are several (a lunch break): saving replaces them. */
  split: string | null;
}

const hhmm = (t: string) => t.slice(0, 5);

/** The API's hours as one row per weekday: the first window's start to the last's end. */
export function hoursForm(out: Schemas["CentreHoursOut"]): DayForm[] {
  return WEEKDAYS.map((_, d) => {
    const windows = out.weekly_hours[String(d)] ?? [];
    if (windows.length === 0) return { open: false, from: "09:00", to: "17:00", split: null };
    return {
      open: true,
      from: hhmm(windows[0]!.start),
      to: hhmm(windows[windows.length - 1]!.end),
      split: windows.length > 1 ? windows.map((w) => `${hhmm(w.start)}–${hhmm(w.end)}`).join(", ") : null,
    };
  });
}

/** The rows as the API's body: open days only; "9:30" becomes "09:30:00"; anything else is
 * sent as typed so that the API's problem names the field. */
export function hoursBody(days: readonly DayForm[], timezone: string): Schemas["CentreHoursIn"] {
  const time = (t: string) => {
    const m = /^(\d{1,2}):(\d{2})$/.exec(t.trim());
    return m ? `${m[1]!.padStart(2, "0")}:${m[2]}:00` : t.trim();
  };
  const weekly: Record<string, Array<{ start: string; end: string }>> = {};
  days.forEach((d, i) => {
    if (d.open) weekly[String(i)] = [{ start: time(d.from), end: time(d.to) }];
  });
  return { weekly_hours: weekly, timezone };
}

/** Field ids of the form by the API's field names, for the error summary. */
export function hoursFields(): Record<string, string> {
  const out: Record<string, string> = { weekly_hours: "hours-0-open", working_hours: "hours-0-from", timezone: "hours-0-open" };
  WEEKDAYS.forEach((_, d) => {
    out[`weekly_hours.${d}[0].start`] = `hours-${d}-from`;
    out[`weekly_hours.${d}[0].end`] = `hours-${d}-to`;
  });
  return out;
}

export function WorkingHoursPage() {
  const { can } = useMe();
  const qc = useQueryClient();
  const hours = useQuery({
    queryKey: ["working-hours"],
    queryFn: async () => unwrap(await api.GET("/api/v1/centre/working-hours")),
  });
  const [days, setDays] = useState<DayForm[]>([]);
  useEffect(() => {
    if (hours.data) setDays(hoursForm(hours.data));
  }, [hours.data]);
  const save = useMutation({
    mutationFn: async (h: Schemas["CentreHoursOut"]) =>
      unwrap(await api.PUT("/api/v1/centre/working-hours", { params: { header: ifMatch(h.version) }, body: hoursBody(days, h.timezone) })),
    onSuccess: (data) => {
      qc.setQueryData(["working-hours"], data);
      void qc.invalidateQueries({ queryKey: ["appointments"] });
    },
  });
  const set = (i: number, change: Partial<DayForm>) => setDays((old) => old.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const editable = can("centre:settings");
  return (
    <>
      <h1 className="govuk-heading-xl">Working hours</h1>
      <QueryState query={hours} what="the working hours">
        {(h) => (
          <form
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              save.mutate(h);
            }}
          >
            <ErrorSummary error={save.error} fields={hoursFields()} />
            <p className="govuk-body">
              {h.version === 0 ? "The centre uses the default hours: Monday to Friday, 09:00 to 17:00." : `Version ${h.version}.`} Times are in {h.timezone}.
              Appointments outside these hours are marked as a conflict in the calendar; they are not moved or refused.
            </p>
            {save.isSuccess && (
              <div className="govuk-inset-text" role="status">
                Working hours saved (version {save.data.version}).
              </div>
            )}
            {days.map((d, i) => (
              <fieldset className="govuk-fieldset cma-inline-form" key={WEEKDAYS[i]} aria-describedby={d.split ? `hours-${i}-split` : undefined}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{WEEKDAYS[i]}</legend>
                <Checkbox id={`hours-${i}-open`} label={`Open on ${WEEKDAYS[i]}`} checked={d.open} onChange={(open) => set(i, { open })} />
                {d.open && (
                  <>
                    <TextInput id={`hours-${i}-from`} name={`weekly_hours.${i}[0].start`} label="Opens" hint="HH:MM" width="5" value={d.from} onChange={(from) => set(i, { from })} error={save.error} />
                    <TextInput id={`hours-${i}-to`} name={`weekly_hours.${i}[0].end`} label="Closes" hint="HH:MM" width="5" value={d.to} onChange={(to) => set(i, { to })} error={save.error} />
                  </>
                )}
                {d.split && (
                  <p className="govuk-hint" id={`hours-${i}-split`}>
                    Saved as {d.split}; saving here keeps one window from opening to closing.
                  </p>
                )}
              </fieldset>
            ))}
            {editable && <Button busy={save.isPending}>Save working hours</Button>}
          </form>
        )}
      </QueryState>
    </>
  );
}
