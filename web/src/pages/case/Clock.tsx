import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, dateTime, label, today } from "../../components/format";
import { Button, Checkbox, ErrorSummary, Select, TextInput } from "../../components/forms";
import { QueryState, Tag } from "../../components/ui";
import { conflictText } from "../calendar/calendar";

export function Deadlines({ caseId }: { caseId: string }) {
  const deadlines = useQuery({
    queryKey: ["deadlines", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/deadlines", { params: { path: { case_id: caseId } } })),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Deadlines</h2>
      <QueryState query={deadlines} what="deadlines">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No deadlines are running on this case.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Deadlines, soonest first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Deadline</th>
                  <th scope="col" className="govuk-table__header">Due</th>
                  <th scope="col" className="govuk-table__header">Status</th>
                  <th scope="col" className="govuk-table__header">Rule</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {page.items.map((d) => (
                  <tr className="govuk-table__row" key={d.id}>
                    <td className="govuk-table__cell">{label(d.kind)}</td>
                    <td className="govuk-table__cell">{date(d.due)}</td>
                    <td className="govuk-table__cell">
                      <Tag value={d.status} />
                    </td>
                    <td className="govuk-table__cell govuk-body-s">
                      {d.rule} ({d.source})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </>
  );
}

export function Appointments({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const qc = useQueryClient();
  const [day, setDay] = useState(today());
  const [time, setTime] = useState("10:00");
  const [minutes, setMinutes] = useState("60");
  const [kind, setKind] = useState("in_person");
  const [location, setLocation] = useState("");
  const [allowConflict, setAllowConflict] = useState(false);
  const appts = useQuery({
    queryKey: ["appointments", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/appointments", { params: { query: { case_id: caseId } } })),
  });
  const book = useMutation({
    mutationFn: async () => {
      const start = new Date(`${day}T${time}`);
      const end = new Date(start.getTime() + (Number(minutes) || 0) * 60_000);
      return unwrap(
        await api.POST("/api/v1/appointments", {
          body: { case_id: caseId, start: start.toISOString(), end: end.toISOString(), kind: kind as "in_person", location, allow_conflict: allowConflict },
        }),
      );
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["appointments"] }),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Appointments</h2>
      <QueryState query={appts} what="appointments">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No appointments.</p>
          ) : (
            <ul className="govuk-list">
              {page.items.map((a) => (
                <li key={a.id}>
                  {dateTime(a.start)} – {new Date(a.end).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}: {label(a.kind)} <Tag value={a.status} />
                  {a.conflicts.map((c) => (
                    <div className="govuk-body-s govuk-!-margin-bottom-0" key={`${c.kind}:${c.other_appointment_id ?? ""}`}>
                      <strong className="govuk-tag govuk-tag--red">Conflict</strong> {conflictText(c)}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {can("case:write") && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            book.mutate();
          }}
          noValidate
        >
          <h3 className="govuk-heading-m">Book an appointment</h3>
          <ErrorSummary error={book.error} fields={{ start: "appt-day", end: "appt-length", kind: "appt-kind", location: "appt-location" }} />
          <div className="cma-inline-form">
            <TextInput id="appt-day" name="start" label="Day" hint="YYYY-MM-DD" width="10" value={day} onChange={setDay} error={book.error} />
            <TextInput id="appt-time" label="Time" hint="HH:MM" width="5" value={time} onChange={setTime} />
            <TextInput id="appt-length" name="end" label="Minutes" width="3" inputMode="numeric" value={minutes} onChange={setMinutes} error={book.error} />
            <Select
              id="appt-kind"
              name="kind"
              label="Kind"
              value={kind}
              onChange={setKind}
              error={book.error}
              options={[
                ["in_person", "In person"],
                ["phone", "Phone"],
                ["video", "Video"],
              ]}
            />
          </div>
          <TextInput id="appt-location" name="location" label="Where" hint="An address or room for in person; a number or link otherwise." value={location} onChange={setLocation} error={book.error} />
          <Checkbox
            id="appt-allow-conflict"
            label="Book even if the adviser is already booked, on leave or outside their hours"
            checked={allowConflict}
            onChange={setAllowConflict}
          />
          {book.data && book.data.conflicts.length > 0 && (
            <div className="govuk-inset-text" role="status">
              Booked, with {book.data.conflicts.length === 1 ? "a conflict" : `${book.data.conflicts.length} conflicts`}: {book.data.conflicts.map(conflictText).join("; ")}.
            </div>
          )}
          <Button busy={book.isPending}>Book</Button>
        </form>
      )}
    </>
  );
}
