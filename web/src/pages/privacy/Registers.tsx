// The centre's privacy registers: data-subject requests (access, erasure, rectification…,
// each with its one-month due date, extended by up to two months when the client is told)
// and legal holds (a case or client kept back from erasure and retention while a
// complaint, litigation or a regulator needs the file); what the next retention run would
// delete (a dry run). Lists with filters and status
// badges; record and edit under If-Match; release a hold.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { NavLink, Route, Routes } from "react-router-dom";
import { api, type Schemas } from "../../api/client";
import { everyItem } from "../../api/pages";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, dateTime, label, today } from "../../components/format";
import { Button, Checkbox, ErrorSummary, Select, TextArea } from "../../components/forms";
import { DateInput, checkDates } from "../../components/DateInput";
import { CaseReference, ClientName, ClientPicker } from "../../components/ClientPicker";
import { QueryState, ScrollBox, Tag } from "../../components/ui";
import { NotFound } from "../NotFound";
import { RetentionPage } from "./Retention";

type Request = Schemas["RequestOut"];
type RequestKind = Schemas["RequestKind"];
type HoldReason = Schemas["HoldReason"];

const KINDS: ReadonlyArray<readonly [RequestKind, string]> = [
  ["access", "Access (a copy of their data)"],
  ["erasure", "Erasure"],
  ["rectification", "Rectification"],
  ["portability", "Portability"],
  ["restriction", "Restriction of processing"],
  ["objection", "Objection to processing"],
];
const REASONS: ReadonlyArray<readonly [HoldReason, string]> = [
  ["complaint", "A complaint is open"],
  ["litigation", "Litigation is pending or expected"],
  ["insolvency", "An insolvency procedure needs the file"],
  ["regulator", "A regulator asked for the file"],
  ["other", "Another reason (say which in the note)"],
];
const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** A request's state as a badge. */
export function requestStatus(r: Pick<Request, "answered_on" | "overdue" | "extended">): [string, string] {
  if (r.answered_on) return ["done", "answered"];
  if (r.overdue) return ["overdue", "overdue"];
  if (r.extended) return ["medium", "extended"];
  return ["open", "open"];
}

export default function PrivacyRegisters() {
  const { can } = useMe();
  return (
    <>
      <span className="govuk-caption-l">Privacy</span>
      <nav className="moj-sub-navigation" aria-label="Privacy registers">
        <ul className="moj-sub-navigation__list">
          {can("client:export") && (
            <li className="moj-sub-navigation__item">
              <NavLink className="moj-sub-navigation__link" to="/privacy" end>
                Data-subject requests
              </NavLink>
            </li>
          )}
          {can("case:read_all") && (
            <li className="moj-sub-navigation__item">
              <NavLink className="moj-sub-navigation__link" to="/privacy/holds">
                Legal holds
              </NavLink>
            </li>
          )}
          {can("case:delete") && (
            <li className="moj-sub-navigation__item">
              <NavLink className="moj-sub-navigation__link" to="/privacy/retention">
                Due for disposal
              </NavLink>
            </li>
          )}
        </ul>
      </nav>
      <Routes>
        <Route
          index
          element={can("client:export") ? <RequestsPage /> : can("case:read_all") ? <HoldsPage /> : can("case:delete") ? <RetentionPage /> : <NotFound />}
        />
        {can("case:read_all") && <Route path="holds" element={<HoldsPage />} />}
        {can("case:delete") && <Route path="retention" element={<RetentionPage />} />}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </>
  );
}

export function RequestsPage() {
  const [kind, setKind] = useState("");
  const [state, setState] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ["data-subject-requests", kind, state],
    queryFn: () =>
      everyItem(async (at) =>
        unwrap(
          await api.GET("/api/v1/data-subject-requests", {
            params: {
              query: {
                ...at,
                open_only: state === "open",
                ...(state === "overdue" ? { overdue: true } : {}),
                ...(kind ? { kind: kind as RequestKind } : {}),
              },
            },
          }),
        ),
      ),
  });
  return (
    <>
      <h1 className="govuk-heading-xl">Data-subject requests</h1>
      <p className="govuk-body">Each request is due one month from when the clock started; it may be extended by two months if the client is told.</p>
      <div className="cma-inline-form govuk-!-margin-bottom-4">
        <Select id="requests-kind" label="Kind" value={kind} onChange={setKind} options={[["", "All kinds"], ...KINDS]} />
        <Select id="requests-state" label="Show" value={state} onChange={setState} options={[["", "All requests"], ["open", "Not answered"], ["overdue", "Overdue"]]} />
      </div>
      <QueryState query={list} what="data-subject requests">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No request is recorded.</p>
          ) : (
            <ScrollBox>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">{page.total} requests</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Received</th>
                    <th scope="col" className="govuk-table__header">Client</th>
                    <th scope="col" className="govuk-table__header">Kind</th>
                    <th scope="col" className="govuk-table__header">Due</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                    <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {page.items.map((r) => {
                    const [tag, text] = requestStatus(r);
                    return (
                      <tr className="govuk-table__row" key={r.id}>
                        <td className="govuk-table__cell">{date(r.received_on)}</td>
                        <td className="govuk-table__cell">
                          <ClientName id={r.client_id} />
                        </td>
                        <td className="govuk-table__cell">{label(r.kind)}</td>
                        <td className="govuk-table__cell">{date(r.due_on)}</td>
                        <td className="govuk-table__cell"><Tag value={tag} text={text} /></td>
                        <td className="govuk-table__cell">
                          <button type="button" className="govuk-link cma-link-button" onClick={() => setEditing(r.id)}>
                            Edit<span className="govuk-visually-hidden"> the {label(r.kind)} request from <ClientName id={r.client_id} /></span>
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollBox>
          )
        }
      </QueryState>
      <RequestForm
        key={editing ?? "new"}
        request={list.data?.items.find((r) => r.id === editing)}
        onDone={() => setEditing(null)}
      />
    </>
  );
}

function RequestForm({ request, onDone }: { request?: Request; onDone: () => void }) {
  const qc = useQueryClient();
  const [client, setClient] = useState(request?.client_id ?? "");
  const [kind, setKind] = useState<string>(request?.kind ?? "access");
  const [received, setReceived] = useState(request?.received_on ?? today());
  const [clock, setClock] = useState(request?.clock_started_on ?? "");
  const [extended, setExtended] = useState(request?.extended ?? false);
  const [notified, setNotified] = useState(request?.extension_notified_on ?? "");
  const [answered, setAnswered] = useState(request?.answered_on ?? "");
  const [note, setNote] = useState(request?.note ?? "");
  const p = `request-${request?.id ?? "new"}`;
  const save = useMutation({
    mutationFn: async () => {
      checkDates({ received_on: received, clock_started_on: clock, extension_notified_on: notified, answered_on: answered });
      const body = {
        kind: kind as RequestKind,
        received_on: received,
        clock_started_on: orNull(clock),
        extended,
        extension_notified_on: orNull(notified),
        answered_on: orNull(answered),
        note: orNull(note),
      };
      if (request)
        return unwrap(
          await api.PATCH("/api/v1/data-subject-requests/{request_id}", {
            params: { path: { request_id: request.id }, header: ifMatch(request.version) },
            body,
          }),
        );
      return unwrap(await api.POST("/api/v1/data-subject-requests", { body: { ...body, client_id: client } }));
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["data-subject-requests"] });
      onDone();
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 className="govuk-heading-m">{request ? "Edit the request" : "Record a request"}</h2>
      <ErrorSummary
        error={save.error}
        fields={{
          client_id: `${p}-client`,
          kind: `${p}-kind`,
          received_on: `${p}-received`,
          clock_started_on: `${p}-clock`,
          extension_notified_on: `${p}-notified`,
          answered_on: `${p}-answered`,
          note: `${p}-note`,
        }}
      />
      {!request && <ClientPicker id={`${p}-client`} value={client} onChange={setClient} error={save.error} />}
      <Select id={`${p}-kind`} name="kind" label="Kind" value={kind} onChange={setKind} error={save.error} options={KINDS} />
      <DateInput id={`${p}-received`} name="received_on" label="Received on" value={received} onChange={setReceived} error={save.error} />
      <DateInput
        id={`${p}-clock`}
        name="clock_started_on"
        label="Clock started on (optional)"
        hint="When identity was confirmed, if later than received"
        value={clock}
        onChange={setClock}
        error={save.error}
      />
      <Checkbox id={`${p}-extended`} label="Extended by two months (complex or many requests)" checked={extended} onChange={setExtended} />
      <DateInput id={`${p}-notified`} name="extension_notified_on" label="Client told of the extension on (optional)" value={notified} onChange={setNotified} error={save.error} />
      <DateInput id={`${p}-answered`} name="answered_on" label="Answered on (optional)" value={answered} onChange={setAnswered} error={save.error} />
      <TextArea id={`${p}-note`} name="note" label="Note (optional)" value={note} onChange={setNote} error={save.error} rows={2} />
      <div className="govuk-button-group">
        <Button busy={save.isPending}>{request ? "Save the request" : "Record the request"}</Button>
        {request && (
          <Button type="button" secondary onClick={onDone}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

export function HoldsPage() {
  const { can } = useMe();
  const qc = useQueryClient();
  const [activeOnly, setActiveOnly] = useState("yes");
  const list = useQuery({
    queryKey: ["legal-holds", activeOnly],
    queryFn: async () => unwrap(await api.GET("/api/v1/legal-holds", { params: { query: { limit: 200, active_only: activeOnly === "yes" } } })),
  });
  const release = useMutation({
    mutationFn: async (h: Schemas["HoldOut"]) =>
      unwrap(await api.POST("/api/v1/legal-holds/{hold_id}/release", { params: { path: { hold_id: h.id }, header: ifMatch(h.version) } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["legal-holds"] }),
  });
  return (
    <>
      <h1 className="govuk-heading-xl">Legal holds</h1>
      <p className="govuk-body">A held case or client is kept back from erasure and from the retention schedule until the hold is released.</p>
      <div className="cma-inline-form govuk-!-margin-bottom-4">
        <Select id="holds-active" label="Show" value={activeOnly} onChange={setActiveOnly} options={[["yes", "Active holds"], ["", "All holds"]]} />
      </div>
      <ErrorSummary error={release.error} />
      <QueryState query={list} what="legal holds">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No hold.</p>
          ) : (
            <ScrollBox>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">{page.total} holds</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Placed</th>
                    <th scope="col" className="govuk-table__header">On</th>
                    <th scope="col" className="govuk-table__header">Reason</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                    {can("case:delete") && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {page.items.map((h) => {
                    const on = h.subject === "client" && h.client_id ? <ClientName id={h.client_id} /> : h.case_id ? <CaseReference id={h.case_id} /> : "A case";
                    return (
                      <tr className="govuk-table__row" key={h.id}>
                        <td className="govuk-table__cell">{dateTime(h.placed_at)}</td>
                        <td className="govuk-table__cell">
                          {on}
                          {h.note && <div className="govuk-body-s govuk-!-margin-0">{h.note}</div>}
                        </td>
                        <td className="govuk-table__cell">{label(h.reason)}</td>
                        <td className="govuk-table__cell">{h.active ? <Tag value="high" text="held" /> : <Tag value="closed" text={`released ${h.released_at ? dateTime(h.released_at) : ""}`} />}</td>
                        {can("case:delete") && (
                          <td className="govuk-table__cell">
                            {h.active && (
                              <button type="button" className="govuk-link cma-link-button" onClick={() => release.mutate(h)}>
                                Release<span className="govuk-visually-hidden"> the hold on {on}</span>
                              </button>
                            )}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollBox>
          )
        }
      </QueryState>
      {can("case:delete") && <HoldForm />}
    </>
  );
}

function HoldForm() {
  const qc = useQueryClient();
  const [client, setClient] = useState("");
  const [subject, setSubject] = useState<"client" | "case">("client");
  const [caseId, setCaseId] = useState("");
  const [reason, setReason] = useState<string>("complaint");
  const [note, setNote] = useState("");
  const cases = useQuery({
    queryKey: ["cases", "client", client],
    enabled: subject === "case" && client !== "",
    queryFn: async () => unwrap(await api.GET("/api/v1/cases", { params: { query: { client_id: client, limit: 50 } } })),
  });
  const place = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST("/api/v1/legal-holds", {
          body:
            subject === "case"
              ? { case_id: caseId || null, reason: reason as HoldReason, note: orNull(note) }
              : { client_id: client || null, reason: reason as HoldReason, note: orNull(note) },
        }),
      ),
    onSuccess: () => {
      setNote("");
      void qc.invalidateQueries({ queryKey: ["legal-holds"] });
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        place.mutate();
      }}
    >
      <h2 className="govuk-heading-m">Place a hold</h2>
      <ErrorSummary error={place.error} fields={{ client_id: "hold-client", case_id: subject === "case" ? "hold-case" : "hold-client", reason: "hold-reason", note: "hold-note" }} />
      <ClientPicker id="hold-client" value={client} onChange={(v) => { setClient(v); setCaseId(""); }} error={subject === "client" ? place.error : undefined} />
      <Select
        id="hold-subject"
        label="Hold"
        value={subject}
        onChange={(v) => setSubject(v === "case" ? "case" : "client")}
        options={[["client", "The client and all their cases"], ["case", "One of the client's cases"]]}
      />
      {subject === "case" && (
        <Select
          id="hold-case"
          name="case_id"
          label="Case"
          hint={client ? undefined : "Choose the client first"}
          value={caseId}
          onChange={setCaseId}
          error={place.error}
          options={[["", client ? (cases.isPending ? "Loading cases…" : "Choose a case") : "No client chosen"], ...(cases.data?.items ?? []).map((c) => [c.id, `${c.reference} (${label(c.status)})`] as const)]}
        />
      )}
      <Select id="hold-reason" name="reason" label="Reason" value={reason} onChange={setReason} error={place.error} options={REASONS} />
      <TextArea id="hold-note" name="note" label="Note (optional)" value={note} onChange={setNote} error={place.error} rows={2} />
      <Button busy={place.isPending}>Place the hold</Button>
    </form>
  );
}
