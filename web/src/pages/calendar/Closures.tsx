// The centre's closure days (supervisors and admins, `case:assign`): a day the centre is
// closed stops being a working day — deadlines counted in working days and new bookings
// skip it from then on. The next twelve months are listed; a day is added with its reason
// and reopened from the list (reopening is adding it back: nothing to confirm).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../../api/client";
import { problemText, unwrap } from "../../api/problem";
import { DateInput } from "../../components/DateInput";
import { date, today } from "../../components/format";
import { Button, ErrorSummary, TextInput } from "../../components/forms";
import { QueryState, ScrollBox, SuccessBanner } from "../../components/ui";
import { addDays, dayKey, startOfDay } from "./calendar";

export function Closures() {
  const qc = useQueryClient();
  const from = today();
  const to = dayKey(addDays(startOfDay(new Date()), 365));
  const list = useQuery({
    queryKey: ["closures", "ahead", from, to],
    queryFn: async () => unwrap(await api.GET("/api/v1/calendar/closures", { params: { query: { from, to } } })),
  });
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
      said(`The centre is closed on ${date(c.day)} (${c.reason}). Deadlines counted in working days and new bookings skip it.`);
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
      <QueryState query={list} what="closure days">
        {(days) =>
          days.length === 0 ? (
            <p className="govuk-body">No closure days in the next 12 months.</p>
          ) : (
            <ScrollBox label="Closure days in the next 12 months">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">In the next 12 months</caption>
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
