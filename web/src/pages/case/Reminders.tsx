// Reminders the scheduler planned for this case's appointments and deadlines; one not yet
// sent can be cancelled. The API answers one case's reminders (`case_id`), to anyone who may
// see the case (a caseworker their own): the stored ones (pending, sent, skipped, cancelled)
// and, asked separately, those still only planned. Cancelling sends the version shown
// (If-Match), so a reminder the sweep stored or sent meanwhile is refused, not overwritten.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Schemas } from "../../api/client";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { dateTime, label } from "../../components/format";
import { Button, ErrorSummary } from "../../components/forms";
import { QueryState, ScrollBox, Tag } from "../../components/ui";

type Reminder = Schemas["ReminderOut"];
type ReminderPage = Schemas["ReminderPage"];

/** The stored and the planned reminders of a case as one list, soonest first. */
export function merged(stored: Reminder[], planned: Reminder[]): Reminder[] {
  return [...stored, ...planned].sort((a, b) => a.send_at.localeCompare(b.send_at) || a.key.localeCompare(b.key));
}

export function Reminders({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const qc = useQueryClient();
  const reminders = useQuery({
    queryKey: ["reminders", caseId],
    queryFn: async (): Promise<ReminderPage> => {
      const get = async (status?: "planned") =>
        unwrap(await api.GET("/api/v1/reminders", { params: { query: { case_id: caseId, status, limit: 200 } } }));
      const [stored, planned] = await Promise.all([get(), get("planned")]);
      const items = merged(stored.items, planned.items);
      return { ...stored, items, total: stored.total + planned.total };
    },
  });
  const cancel = useMutation({
    mutationFn: async (r: Reminder) =>
      unwrap(await api.POST("/api/v1/reminders/{key}/cancel", { params: { path: { key: r.key }, header: ifMatch(r.version) } })),
    onSettled: () => void qc.invalidateQueries({ queryKey: ["reminders", caseId] }),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Reminders</h2>
      <ErrorSummary error={cancel.error} />
      <QueryState query={reminders} what="reminders">
        {(page) => {
          const mine = page.items;
          return mine.length === 0 ? (
            <p className="govuk-body">No reminders planned or sent for this case.</p>
          ) : (
            <ScrollBox>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">Reminders for this case</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">About</th>
                    <th scope="col" className="govuk-table__header">To</th>
                    <th scope="col" className="govuk-table__header">Sends</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                    <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {mine.map((r) => (
                    <tr className="govuk-table__row" key={r.key}>
                      <td className="govuk-table__cell">
                        {label(r.subject_kind)} on {dateTime(r.event_at)}
                      </td>
                      <td className="govuk-table__cell">
                        {label(r.audience)} by {r.channel}
                      </td>
                      <td className="govuk-table__cell">{dateTime(r.sent_at ?? r.send_at)}</td>
                      <td className="govuk-table__cell">
                        <Tag value={r.status === "planned" ? "booked" : r.status} text={r.status} />
                        {r.note && <div className="govuk-hint govuk-!-margin-0">{r.note}</div>}
                      </td>
                      <td className="govuk-table__cell">
                        {(r.status === "planned" || r.status === "pending") && can("case:write") && (
                          <Button type="button" secondary busy={cancel.isPending} onClick={() => cancel.mutate(r)}>
                            Cancel<span className="govuk-visually-hidden"> the reminder of {dateTime(r.send_at)}</span>
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          );
        }}
      </QueryState>
    </>
  );
}
