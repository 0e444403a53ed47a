import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { api, type Schemas } from "../../api/client";
import { unwrap } from "../../api/problem";
import { date, dateTime, label } from "../../components/format";
import { Blocked, QueryState, SummaryList } from "../../components/ui";
import { ClientSummary } from "../Clients";

interface Event {
  at: string;
  kind: string;
  text: string;
}

export function Overview({ kase }: { kase: Schemas["CaseOut"] }) {
  const id = kase.id;
  const path = { params: { path: { case_id: id } } };
  const client = useQuery({
    queryKey: ["client", kase.client_id],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/clients/{client_id}", { params: { path: { client_id: kase.client_id } } })),
  });
  const notes = useQuery({ queryKey: ["notes", id], queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/notes", path)) });
  const docs = useQuery({ queryKey: ["documents", id], queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/documents", path)) });
  const deadlines = useQuery({ queryKey: ["deadlines", id], queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/deadlines", path)) });
  const appts = useQuery({
    queryKey: ["appointments", id],
    queryFn: async () => unwrap(await api.GET("/api/v1/appointments", { params: { query: { case_id: id } } })),
  });

  const events: Event[] = [{ at: kase.opened_at, kind: "Case", text: "Case opened" }];
  if (kase.closed_at) events.push({ at: kase.closed_at, kind: "Case", text: `Case closed (${label(kase.close_reason)})` });
  for (const n of notes.data?.items ?? []) events.push({ at: n.created_at, kind: "Note", text: n.sensitive ? "Sensitive note" : n.body });
  for (const d of docs.data?.items ?? []) events.push({ at: d.uploaded_at, kind: "Document", text: `${d.filename} uploaded (${d.status})` });
  for (const d of deadlines.data?.items ?? []) events.push({ at: d.due, kind: "Deadline", text: `${label(d.kind)} due (${d.status})` });
  for (const a of appts.data?.items ?? []) events.push({ at: a.start, kind: "Appointment", text: `${label(a.kind)} (${a.status})` });
  events.sort((a, b) => b.at.localeCompare(a.at));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-half">
        <h2 className="govuk-heading-m">Case</h2>
        <SummaryList
          rows={[
            ["Reference", kase.reference],
            ["Opened", date(kase.opened_at)],
            ["Status", label(kase.status)],
            ["Client", <Link className="govuk-link" to={`/clients/${kase.client_id}`}>Client record</Link>],
          ]}
        />
        <h2 className="govuk-heading-m">Client</h2>
        <QueryState query={client} what="the client">
          {(c) => <ClientSummary client={c} />}
        </QueryState>
      </div>
      <div className="govuk-grid-column-one-half">
        <h2 className="govuk-heading-m">Timeline</h2>
        <div className="moj-timeline">
          {events.map((e, i) => (
            <div className="moj-timeline__item" key={`${e.at}-${i}`}>
              <div className="moj-timeline__header">
                <h3 className="moj-timeline__title">{e.kind}</h3>
              </div>
              <p className="moj-timeline__date">
                <time dateTime={e.at}>{dateTime(e.at)}</time>
              </p>
              <div className="moj-timeline__description">{e.text}</div>
            </div>
          ))}
        </div>
        <Blocked>contact log entries need the contact-log route (issue 11).</Blocked>
      </div>
    </div>
  );
}
