// The centre's working hours (GET/PUT /api/v1/centre/working-hours): one or more opening
// windows per weekday (a lunch break makes two), in the centre's time zone. Appointments
// outside them are flagged by the API ("outside_hours" in their conflicts); nothing here
// works a conflict out. The API checks the windows (each opens before it closes, none
// overlaps another of its day) and names the window at fault; the form marks that input.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { ApiError, ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { Button, Checkbox, ErrorSummary, TextInput } from "../../components/forms";
import { QueryState } from "../../components/ui";

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
/** As many windows a day as the API takes. */
export const MAX_WINDOWS = 24;

export interface WindowForm {
  from: string;
  to: string;
}

export interface DayForm {
  open: boolean;
  windows: WindowForm[];
}

const hhmm = (t: string) => t.slice(0, 5);

/** The API's hours as one row per weekday with its windows, as saved. */
export function hoursForm(out: Pick<Schemas["CentreHoursOut"], "weekly_hours">): DayForm[] {
  return WEEKDAYS.map((_, d) => {
    const windows = out.weekly_hours[String(d)] ?? [];
    if (windows.length === 0) return { open: false, windows: [{ from: "09:00", to: "17:00" }] };
    return { open: true, windows: windows.map((w) => ({ from: hhmm(w.start), to: hhmm(w.end) })) };
  });
}

/** The rows as the API's body: open days only, windows in the order shown; "9:30" becomes
 * "09:30:00"; anything else is sent as typed so that the API's problem names the field. */
export function hoursBody(days: readonly DayForm[], timezone: string): Schemas["CentreHoursIn"] {
  const time = (t: string) => {
    const m = /^(\d{1,2})[:.](\d{2})$/.exec(t.trim());
    return m ? `${m[1]!.padStart(2, "0")}:${m[2]}:00` : t.trim();
  };
  const weekly: Record<string, Array<{ start: string; end: string }>> = {};
  days.forEach((d, i) => {
    if (d.open) weekly[String(i)] = d.windows.map((w) => ({ start: time(w.from), end: time(w.to) }));
  });
  return { weekly_hours: weekly, timezone };
}

export const inputId = (day: number, window: number, end: "from" | "to") => `hours-${day}-${window}-${end}`;

/** Field ids of the form by the API's field names, for the error summary. */
export function hoursFields(days: readonly DayForm[]): Record<string, string> {
  const out: Record<string, string> = { weekly_hours: "hours-0-open", working_hours: inputId(0, 0, "from"), timezone: "hours-0-open" };
  days.forEach((d, i) =>
    d.windows.forEach((_, w) => {
      out[`weekly_hours.${i}[${w}].start`] = inputId(i, w, "from");
      out[`weekly_hours.${i}[${w}].end`] = inputId(i, w, "to");
    }),
  );
  return out;
}

/** The error summary's words for each window's fields ("Friday, window 2: opening time"). */
export function hoursLabels(days: readonly DayForm[]): Record<string, string> {
  const out: Record<string, string> = {};
  days.forEach((d, i) =>
    d.windows.forEach((_, w) => {
      const which = d.windows.length > 1 ? `${WEEKDAYS[i]}, window ${w + 1}:` : `${WEEKDAYS[i]}:`;
      out[`weekly_hours.${i}[${w}].start`] = `${which} opening time`;
      out[`weekly_hours.${i}[${w}].end`] = `${which} closing time`;
    }),
  );
  return out;
}

/** The API's problem in the form's words: a time it could not read says what to enter. */
export function plainProblem(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.errors.length === 0) return error;
  const errors = error.errors.map((e) =>
    /^weekly_hours\.\d\[\d+\]\.(start|end)$/.test(e.field) && /RFC ?3339|time/i.test(e.message) && !/must|overlaps/.test(e.message)
      ? { ...e, message: "must be a time like 09:30" }
      : e,
  );
  return new ApiError(error.status, { title: error.title, errors });
}

export function DayFields({
  day,
  form,
  set,
  error,
  editable,
}: {
  day: number;
  form: DayForm;
  set: (change: DayForm) => void;
  error: unknown;
  editable: boolean;
}) {
  const name = WEEKDAYS[day]!;
  const several = form.windows.length > 1;
  const setWindow = (w: number, change: Partial<WindowForm>) => set({ ...form, windows: form.windows.map((x, j) => (j === w ? { ...x, ...change } : x)) });
  const last = form.windows[form.windows.length - 1];
  // Adding a window puts the cursor in its opening time; removing one puts it in the
  // opening time of the window before (or the first), so keyboard and screen-reader
  // users are not dropped to the top of the page with the button they pressed.
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  useEffect(() => {
    if (focusAfter === null) return;
    document.getElementById(focusAfter)?.focus();
    setFocusAfter(null);
  }, [focusAfter, form]);
  const remove = (i: number) => {
    set({ ...form, windows: form.windows.filter((_, j) => j !== i) });
    setFocusAfter(inputId(day, Math.max(0, i - 1), "from"));
  };
  const add = () => {
    set({ ...form, windows: [...form.windows, { from: last?.to ?? "", to: "" }] });
    setFocusAfter(inputId(day, form.windows.length, "from"));
  };
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{name}</legend>
      <Checkbox id={`hours-${day}-open`} label={`Open on ${name}`} checked={form.open} onChange={(open) => set({ ...form, open })} />
      {form.open && (
        <ul className="govuk-list" aria-label={`Opening windows on ${name}`}>
          {form.windows.map((w, i) => (
            <li key={i} className="cma-inline-form">
              <TextInput
                id={inputId(day, i, "from")}
                name={`weekly_hours.${day}[${i}].start`}
                label={several ? `Window ${i + 1} opens` : "Opens"}
                hint="HH:MM"
                width="5"
                value={w.from}
                onChange={(from) => setWindow(i, { from })}
                error={error}
              />
              <TextInput
                id={inputId(day, i, "to")}
                name={`weekly_hours.${day}[${i}].end`}
                label={several ? `Window ${i + 1} closes` : "Closes"}
                hint="HH:MM"
                width="5"
                value={w.to}
                onChange={(to) => setWindow(i, { to })}
                error={error}
              />
              {editable && several && (
                <Button type="button" secondary onClick={() => remove(i)}>
                  Remove<span className="govuk-visually-hidden"> window {i + 1} on {name}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {form.open && editable && form.windows.length < MAX_WINDOWS && (
        <Button type="button" secondary onClick={add}>
          Add a window<span className="govuk-visually-hidden"> on {name}</span>
        </Button>
      )}
    </fieldset>
  );
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
  const error = plainProblem(save.error);
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
            <ErrorSummary error={error} fields={hoursFields(days)} labels={hoursLabels(days)} />
            <p className="govuk-body">
              {h.version === 0 ? "The centre uses the default hours: Monday to Friday, 09:00 to 17:00." : `Version ${h.version}.`} Times are in {h.timezone}.
              A day may have several opening windows, for example a lunch break between two. Appointments outside these hours are marked as a
              conflict in the calendar; they are not moved or refused.
            </p>
            {save.isSuccess && (
              <div className="govuk-inset-text" role="status">
                Working hours saved (version {save.data.version}).
              </div>
            )}
            {days.map((d, i) => (
              <DayFields key={WEEKDAYS[i]} day={i} form={d} error={error} editable={editable} set={(change) => setDays((old) => old.map((x, j) => (j === i ? change : x)))} />
            ))}
            {editable && <Button busy={save.isPending}>Save working hours</Button>}
          </form>
        )}
      </QueryState>
    </>
  );
}
