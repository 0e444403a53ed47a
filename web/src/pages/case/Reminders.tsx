// Reminders the scheduler planned for this case's appointments and deadlines; one not yet
// sent can be cancelled. The API lists the centre's reminders (case:read_all) with no case
// filter, so this page picks the case's own: appointment reminders by the appointment's id,
// deadline reminders by their reference, which starts with the case id.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Schemas } from "../../api/client";
import { unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { dateTime, label } from "../../components/format";
import { Button, ErrorSummary } from "../../components/forms";
import { QueryState, Tag } from "../../components/ui";

type Reminder = Schemas["ReminderOut"];

export function forCase(items: Reminder[], caseId: string, appointmentIds: ReadonlySet<string>): Reminder[] {
  return items.filter((r) => r.subject_ref.startsWith(`${caseId}:`) || r.subject_ref === caseId || appointmentIds.has(r.subject_ref));
}

export function Reminders({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const qc = useQueryClient();
  const appointments = useQuery({
    queryKey: ["appointments", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/appointments", { params: { query: { case_id: caseId, limit: 200 } } })),
  });
  const reminders = useQuery({
    queryKey: ["reminders"],
    queryFn: async () => unwrap(await api.GET("/api/v1/reminders", { params: { query: { limit: 200 } } })),
    enabled: can("case:read_all"),
  });
  const cancel = useMutation({
    mutationFn: async (key: string) => unwrap(await api.POST("/api/v1/reminders/{key}/cancel", { params: { path: { key } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["reminders"] }),
  });
  if (!can("case:read_all")) {
    return (
      <>
        <h2 className="govuk-heading-l">Reminders</h2>
        <p className="govuk-body">Your role does not allow you to see the centre's reminders.</p>
      </>
    );
  }
  const ids = new Set((appointments.data?.items ?? []).map((a) => a.id));
  return (
    <>
      <h2 className="govuk-heading-l">Reminders</h2>
      <ErrorSummary error={cancel.error} />
      <QueryState query={reminders} what="reminders">
        {(page) => {
          const mine = forCase(page.items, caseId, ids);
          return mine.length === 0 ? (
            <p className="govuk-body">No reminders planned or sent for this case.</p>
          ) : (
            <div className="cma-table-scroll">
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
                          <Button type="button" secondary busy={cancel.isPending} onClick={() => cancel.mutate(r.key)}>
                            Cancel<span className="govuk-visually-hidden"> the reminder of {dateTime(r.send_at)}</span>
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
