// The centre's closure days (supervisors and admins, `case:assign`): a day the centre is
// closed stops being a working day — deadlines counted in working days and new bookings
// skip it from then on. The days of a period the user chooses are listed (the next twelve
// months unless the page's address says otherwise: `closures_from` and `closures_to`, kept
// there so the period survives a reload and can be linked); a day is added with its reason
// and reopened from the list (reopening is adding it back: nothing to confirm).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api } from "../../api/client";
import { ApiError, problemText, unwrap } from "../../api/problem";
import { checkDates, DateInput } from "../../components/DateInput";
import { date } from "../../components/format";
import { Button, ErrorSummary, TextInput } from "../../components/forms";
import { QueryState, ScrollBox, SuccessBanner } from "../../components/ui";
import { addDays, dayKey, startOfDay } from "./calendar";

/** The page address's names of the period listed. */
export const FROM_PARAM = "closures_from";
export const TO_PARAM = "closures_to";

/** The period listed when the address names none: today and the next 12 months. */
function nextYear(): { from: string; to: string } {
  const now = startOfDay(new Date());
  return { from: dayKey(now), to: dayKey(addDays(now, 365)) };
}

/** The period in words, as captions and labels say it ("from 1 Jan 2025 to 31 Dec 2025",
 * "on 24 Dec 2026"; the default: "in the next 12 months (7 Dec 2026 to 7 Dec 2027)"). */
export function periodWords(from: string, to: string, ahead: boolean): string {
  if (ahead) return `in the next 12 months (${date(from)} to ${date(to)})`;
  return from === to ? `on ${date(from)}` : `from ${date(from)} to ${date(to)}`;
}

const PERIOD_FIELDS = { from: "closures-from", to: "closures-to" };
const PERIOD_LABELS = { from: "From", to: "To" };

export function Closures() {
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const fallback = nextYear();
  const asked = params.has(FROM_PARAM) || params.has(TO_PARAM);
  const from = params.get(FROM_PARAM) || fallback.from;
  const to = params.get(TO_PARAM) || fallback.to;
  const list = useQuery({
    queryKey: ["closures", "listed", from, to],
    queryFn: async () => unwrap(await api.GET("/api/v1/calendar/closures", { params: { query: { from, to } } })),
  });
  // The period as typed, shown once asked for (and put back when the address changes: a
  // link followed, the browser's Back).
  const [fromDraft, setFromDraft] = useState(from);
  const [toDraft, setToDraft] = useState(to);
  const [typedProblem, setTypedProblem] = useState<ApiError | null>(null);
  useEffect(() => {
    setFromDraft(from);
    setToDraft(to);
    setTypedProblem(null);
  }, [from, to]);
  // A period the API refuses (the end before the start, a date in the address that is not
  // one) is its problem, said next to the field it names.
  const refused = list.error instanceof ApiError && (list.error.fieldMessage("from") || list.error.fieldMessage("to")) ? list.error : null;
  const periodError = typedProblem ?? refused;
  const showPeriod = (e: FormEvent) => {
    e.preventDefault();
    // Both days are needed (an empty one is not "no limit"); each must be a real date.
    const errors = Object.entries({ from: fromDraft, to: toDraft }).flatMap(([field, value]) => {
      if (value === "") return [{ field, message: "must include a day, a month and a year" }];
      try {
        checkDates({ [field]: value });
        return [];
      } catch (problem) {
        return problem instanceof ApiError ? problem.errors : [{ field, message: "must be a real date" }];
      }
    });
    if (errors.length) {
      setTypedProblem(new ApiError(400, { title: "Check the period", errors }));
      return;
    }
    setTypedProblem(null);
    const next = new URLSearchParams(params);
    next.set(FROM_PARAM, fromDraft);
    next.set(TO_PARAM, toDraft);
    setParams(next);
  };
  const linkTo = (period: { from: string; to: string } | null) => {
    const next = new URLSearchParams(params);
    next.delete(FROM_PARAM);
    next.delete(TO_PARAM);
    if (period) {
      next.set(FROM_PARAM, period.from);
      next.set(TO_PARAM, period.to);
    }
    const search = next.toString();
    return { search: search ? `?${search}` : "" };
  };
  const pastYear = { from: dayKey(addDays(startOfDay(new Date()), -365)), to: fallback.from };
  const period = periodWords(from, to, !asked);
  const listed = (day: string) => from <= day && day <= to;

  const [day, setDay] = useState("");
  const [reason, setReason] = useState("");
  const [news, setNews] = useState<{ seq: number; text: string } | null>(null);
  const said = (text: string) => setNews((n) => ({ seq: (n?.seq ?? 0) + 1, text }));
  const refresh = () => qc.invalidateQueries({ queryKey: ["closures"] });
  const add = useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/v1/calendar/closures", { body: { day, reason: reason.trim() } })),
    onSuccess: async (c) => {
      setDay("");
      setReason("");
      const outside = listed(c.day) ? "" : ` It is not in the period listed (${period}).`;
      said(`The centre is closed on ${date(c.day)} (${c.reason}). Deadlines counted in working days and new bookings skip it.${outside}`);
      await refresh();
    },
  });
  const reopen = useMutation({
    mutationFn: async (d: string) => {
      unwrap(await api.DELETE("/api/v1/calendar/closures/{day}", { params: { path: { day: d } } }));
      return d;
    },
    onSuccess: async (d) => {
      said(`${date(d)} is a working day again.`);
      await refresh();
    },
  });

  return (
    <section aria-labelledby="closures-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-l" id="closures-heading">
        Closure days
      </h2>
      <p className="govuk-body">A day the centre is closed is not a working day: deadlines counted in working days and new bookings skip it. Bank holidays are already known.</p>
      {news && <SuccessBanner key={news.seq} text={news.text} />}
      <h3 className="govuk-heading-m">{refused ? "Closure days: choose a period" : `Closure days ${period}`}</h3>
      <ErrorSummary error={periodError} fields={PERIOD_FIELDS} labels={PERIOD_LABELS} />
      <form onSubmit={showPeriod} noValidate aria-label="Period to list">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half-from-desktop">
            <DateInput id={PERIOD_FIELDS.from} name="from" label="From" value={fromDraft} onChange={setFromDraft} error={periodError} />
          </div>
          <div className="govuk-grid-column-one-half-from-desktop">
            <DateInput id={PERIOD_FIELDS.to} name="to" label="To" hint="Both days are listed." value={toDraft} onChange={setToDraft} error={periodError} />
          </div>
        </div>
        <Button secondary>Show closure days</Button>
      </form>
      <p className="govuk-body">
        Or show{" "}
        <Link className="govuk-link" to={linkTo(pastYear)}>
          the past 12 months
        </Link>{" "}
        or{" "}
        <Link className="govuk-link" to={linkTo(null)}>
          the next 12 months
        </Link>
        .
      </p>
      {refused ? (
        <p className="govuk-body">No closure days are listed: change the period.</p>
      ) : (
        <QueryState query={list} what="closure days">
          {(days) =>
            days.length === 0 ? (
              <p className="govuk-body">No closure days {period}.</p>
            ) : (
              <ScrollBox label={`Closure days ${period}`}>
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-table__caption--s">
                    {days.length} closure {days.length === 1 ? "day" : "days"} {period}
                  </caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">
                        Day
                      </th>
                      <th scope="col" className="govuk-table__header">
                        Why
                      </th>
                      <th scope="col" className="govuk-table__header">
                        <span className="govuk-visually-hidden">Action</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {days.map((c) => (
                      <tr className="govuk-table__row" key={c.day}>
                        <td className="govuk-table__cell">{date(c.day)}</td>
                        <td className="govuk-table__cell">{c.reason}</td>
                        <td className="govuk-table__cell">
                          <button type="button" className="govuk-link cma-link-button" disabled={reopen.isPending} onClick={() => reopen.mutate(c.day)}>
                            Open again<span className="govuk-visually-hidden"> on {date(c.day)}</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            )
          }
        </QueryState>
      )}
      {reopen.isError && (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> Not opened again: {problemText(reopen.error)}
        </p>
      )}
      <h3 className="govuk-heading-m">Close the centre on a day</h3>
      <ErrorSummary error={add.error} fields={{ day: "closure-day", reason: "closure-reason" }} labels={{ day: "Date", reason: "Why" }} />
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          add.mutate();
        }}
        noValidate
      >
        <DateInput id="closure-day" name="day" label="Date" value={day} onChange={setDay} error={add.error} />
        <TextInput id="closure-reason" name="reason" label="Why" hint="For example, staff training. Advisers see it on the calendar." value={reason} onChange={setReason} error={add.error} />
        <Button secondary busy={add.isPending}>
          Close the centre on this day
        </Button>
      </form>
    </section>
  );
}
