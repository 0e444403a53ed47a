// A client's data-protection requests: the subject access copy (everything held, as one
// JSON file) and erasure (right to erasure), the latter behind a reason and the client's
// name typed in full. Each part shows only to a role the API allows it.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { api } from "../../api/client";
import { ApiError, ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { ErrorSummary, Select } from "../../components/forms";
import { label } from "../../components/format";
import { TypedConfirmation } from "../../components/TypedConfirmation";
import { QueryState, SummaryList, WarningText } from "../../components/ui";
import { NotFound } from "../NotFound";

export const ERASURE_REASONS = ["data_subject_request", "retention_expired", "consent_withdrawn", "created_in_error", "unlawfully_processed"] as const;

function saveJson(data: unknown, name: string) {
  const href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export default function ClientPrivacy() {
  const { clientId = "" } = useParams();
  const { can } = useMe();
  const mayExport = can("client:export") && can("sensitive:read") && can("finance:read");
  const mayErase = can("client:erase");
  const client = useQuery({
    queryKey: ["client", clientId],
    queryFn: async () => unwrap(await api.GET("/api/v1/clients/{client_id}", { params: { path: { client_id: clientId } } })),
  });
  const [reason, setReason] = useState<string>("data_subject_request");
  const [typed, setTyped] = useState("");
  const exported = useMutation({
    mutationFn: async () => unwrap(await api.GET("/api/v1/clients/{client_id}/export", { params: { path: { client_id: clientId } } })),
    onSuccess: (data) => saveJson(data, `subject-access-${clientId}.json`),
  });
  const erase = useMutation({
    mutationFn: async (version: number) =>
      unwrap(
        await api.DELETE("/api/v1/clients/{client_id}", {
          params: { path: { client_id: clientId }, query: { reason }, header: ifMatch(version) },
        }),
      ),
  });
  if (erase.isSuccess) {
    const e = erase.data;
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation" role="status">
          <h1 className="govuk-panel__title">Client erased</h1>
          <div className="govuk-panel__body">
            {e.case_ids.length} {e.case_ids.length === 1 ? "case" : "cases"} and their records removed
          </div>
        </div>
        <SummaryList
          rows={[
            ["Reason", label(e.reason)],
            ["Erased at", e.erased_at],
            ["Stored files deleted", String(e.objects_deleted)],
            ...Object.entries(e.rows).map(([k, n]) => [label(k), String(n)] as [string, string]),
          ]}
        />
        <p className="govuk-body">The audit trail keeps the erasure (ids, counts and the reason, never the erased values).</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/clients">
            Back to clients
          </Link>
        </p>
      </>
    );
  }
  if (client.error instanceof ApiError && [400, 404, 422].includes(client.error.status)) return <NotFound what="Client" />;
  return (
    <QueryState query={client} what="the client">
      {(c) => {
        const fullName = `${c.first_name} ${c.last_name}`;
        return (
          <>
            <span className="govuk-caption-l">
              <Link className="govuk-link" to={`/clients/${c.id}`}>
                {fullName}
              </Link>
            </span>
            <h1 className="govuk-heading-xl">Data protection requests</h1>
            {!mayExport && !mayErase && <p className="govuk-body">Your role cannot make subject access copies or erase clients.</p>}
            {mayExport && (
              <section aria-labelledby="sar-heading">
                <h2 className="govuk-heading-l" id="sar-heading">
                  Subject access copy
                </h2>
                <p className="govuk-body">
                  One JSON file of everything held about {fullName}: their details and, per case, notes (sensitive ones
                  included), tasks, debts, budget, advice, letters, deadlines, appointments, findings and documents with
                  download links valid for 10 minutes. The copy is recorded in the audit trail.
                </p>
                <ErrorSummary error={exported.error} />
                <button type="button" className="govuk-button" disabled={exported.isPending} onClick={() => exported.mutate()}>
                  Download the subject access copy
                </button>
                {exported.isSuccess && (
                  <p className="govuk-body" role="status">
                    Copy made: {exported.data.cases.length} {exported.data.cases.length === 1 ? "case" : "cases"}.
                  </p>
                )}
              </section>
            )}
            {mayErase && (
              <section aria-labelledby="erase-heading">
                <h2 className="govuk-heading-l" id="erase-heading">
                  Erase this client
                </h2>
                <WarningText>
                  This removes {fullName} and every one of their cases, notes, documents and letters. It cannot be undone.
                </WarningText>
                <ErrorSummary error={erase.error} fields={{ reason: "erase-reason" }} />
                <Select
                  id="erase-reason"
                  name="reason"
                  label="Reason"
                  hint="Kept in the audit trail"
                  value={reason}
                  onChange={setReason}
                  error={erase.error}
                  options={ERASURE_REASONS.map((r) => [r, label(r)] as const)}
                />
                <TypedConfirmation
                  expected={fullName}
                  what="the client's full name"
                  typed={typed}
                  onTyped={setTyped}
                  action="Erase client and all their cases"
                  busy={erase.isPending}
                  onConfirm={() => erase.mutate(c.version)}
                />
              </section>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
