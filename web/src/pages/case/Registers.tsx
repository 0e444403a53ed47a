// The case's registers: full-and-final settlements (CR-19: a settlement is paid only after
// the creditor's written acceptance is on file) and complaints (CR-23, CR-24: service
// complaints get a final response within 8 weeks, data-protection ones an acknowledgement
// within 30 days). Lists with filters and status badges; record and edit under If-Match.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { caseDebts, everyItem } from "../../api/pages";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, money, toPence, today, penceInput } from "../../components/format";
import { Button, ErrorSummary, Select, TextArea, TextInput } from "../../components/forms";
import { DateInput, checkDates } from "../../components/DateInput";
import { QueryState, ScrollBox, Tag } from "../../components/ui";

type Settlement = Schemas["SettlementOut"];
type Complaint = Schemas["ComplaintOut"];
type ComplaintKind = Schemas["ComplaintKind"];

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** A settlement's state as a badge: paid without acceptance is the CR-19 breach. */
export function settlementStatus(s: Pick<Settlement, "accepted_on" | "paid_on" | "paid_without_acceptance">): [string, string] {
  if (s.paid_without_acceptance) return ["failed", "paid without acceptance"];
  if (s.paid_on) return ["done", "paid"];
  if (s.accepted_on) return ["accepted", "accepted"];
  return ["pending", "offered"];
}

/** A complaint's state as a badge. */
export function complaintStatus(c: Pick<Complaint, "acknowledged_on" | "final_response_on">): [string, string] {
  if (c.final_response_on) return ["closed", "final response sent"];
  if (c.acknowledged_on) return ["open", "acknowledged"];
  return ["pending", "not acknowledged"];
}

export function Settlements({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const [paid, setPaid] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ["settlements", caseId, paid],
    queryFn: () =>
      everyItem(async (at) =>
        unwrap(
          await api.GET("/api/v1/cases/{case_id}/settlements", {
            params: { path: { case_id: caseId }, query: { ...at, ...(paid ? { paid: paid === "yes" } : {}) } },
          }),
        ),
      ),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Settlements</h2>
      <p className="govuk-body">Full-and-final settlements of the case's debts. Pay only once the creditor's written acceptance is on file.</p>
      <div className="moj-filter-layout__content govuk-!-margin-bottom-4">
        <Select id="settlements-paid" label="Show" value={paid} onChange={setPaid} options={[["", "All settlements"], ["no", "Not paid yet"], ["yes", "Paid"]]} />
      </div>
      <QueryState query={list} what="settlements">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No settlement is recorded.</p>
          ) : (
            <ScrollBox>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">{page.total} settlements</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Creditor</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Amount</th>
                    <th scope="col" className="govuk-table__header">Accepted</th>
                    <th scope="col" className="govuk-table__header">Paid</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                    {can("case:write") && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {page.items.map((s) => {
                    const [tag, text] = settlementStatus(s);
                    return (
                      <tr className="govuk-table__row" key={s.id}>
                        <td className="govuk-table__cell">{s.creditor}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{money(s.amount_pence)}</td>
                        <td className="govuk-table__cell">{s.accepted_on ? date(s.accepted_on) : "—"}</td>
                        <td className="govuk-table__cell">{s.paid_on ? date(s.paid_on) : "—"}</td>
                        <td className="govuk-table__cell"><Tag value={tag} text={text} /></td>
                        {can("case:write") && (
                          <td className="govuk-table__cell">
                            <button type="button" className="govuk-link cma-link-button" onClick={() => setEditing(s.id)}>
                              Edit<span className="govuk-visually-hidden"> the settlement with {s.creditor}</span>
                            </button>
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
      {can("case:write") && (
        <SettlementForm
          key={editing ?? "new"}
          caseId={caseId}
          settlement={list.data?.items.find((s) => s.id === editing)}
          onDone={() => setEditing(null)}
        />
      )}
    </>
  );
}

function SettlementForm({ caseId, settlement, onDone }: { caseId: string; settlement?: Settlement; onDone: () => void }) {
  const qc = useQueryClient();
  const debts = useQuery({
    queryKey: ["debts", caseId],
    queryFn: () => caseDebts(caseId),
  });
  const [debt, setDebt] = useState(settlement?.debt_id ?? "");
  const [amount, setAmount] = useState(penceInput(settlement?.amount_pence));
  const [accepted, setAccepted] = useState(settlement?.accepted_on ?? "");
  const [paidOn, setPaidOn] = useState(settlement?.paid_on ?? "");
  const [note, setNote] = useState(settlement?.note ?? "");
  const p = `settlement-${settlement?.id ?? "new"}`;
  const save = useMutation({
    mutationFn: async () => {
      checkDates({ accepted_on: accepted, paid_on: paidOn });
      const body = { debt_id: debt, amount_pence: toPence(amount) ?? -1, accepted_on: orNull(accepted), paid_on: orNull(paidOn), note: orNull(note) };
      if (settlement)
        return unwrap(
          await api.PATCH("/api/v1/cases/{case_id}/settlements/{settlement_id}", {
            params: { path: { case_id: caseId, settlement_id: settlement.id }, header: ifMatch(settlement.version) },
            body,
          }),
        );
      return unwrap(await api.POST("/api/v1/cases/{case_id}/settlements", { params: { path: { case_id: caseId } }, body }));
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["settlements", caseId] });
      if (!settlement) {
        setAmount("");
        setAccepted("");
        setPaidOn("");
        setNote("");
      }
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
      <h3 className="govuk-heading-m">{settlement ? `Edit the settlement with ${settlement.creditor}` : "Record a settlement"}</h3>
      <ErrorSummary
        error={save.error}
        fields={{ debt_id: `${p}-debt`, amount_pence: `${p}-amount`, accepted_on: `${p}-accepted`, paid_on: `${p}-paid`, note: `${p}-note` }}
      />
      <Select
        id={`${p}-debt`}
        name="debt_id"
        label="Debt"
        value={debt}
        onChange={setDebt}
        error={save.error}
        options={[["", "Choose a debt"], ...(debts.data?.items ?? []).map((d) => [d.id, `${d.creditor_name ?? "Unknown creditor"} ${money(d.balance_pence)}`] as const)]}
      />
      <TextInput id={`${p}-amount`} name="amount_pence" label="Amount offered" prefix="£" inputMode="decimal" width="10" value={amount} onChange={setAmount} error={save.error} />
      <DateInput id={`${p}-accepted`} name="accepted_on" label="Creditor's written acceptance received (optional)" value={accepted} onChange={setAccepted} error={save.error} />
      <DateInput id={`${p}-paid`} name="paid_on" label="Paid on (optional)" value={paidOn} onChange={setPaidOn} error={save.error} />
      <TextArea id={`${p}-note`} name="note" label="Note (optional)" value={note} onChange={setNote} error={save.error} rows={3} />
      <div className="govuk-button-group">
        <Button busy={save.isPending}>{settlement ? "Save the settlement" : "Record the settlement"}</Button>
        {settlement && (
          <Button type="button" secondary onClick={onDone}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

export function Complaints({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const [kind, setKind] = useState("");
  const [openOnly, setOpenOnly] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ["complaints", caseId, kind, openOnly],
    queryFn: () =>
      everyItem(async (at) =>
        unwrap(
          await api.GET("/api/v1/cases/{case_id}/complaints", {
            params: {
              path: { case_id: caseId },
              query: { ...at, open_only: openOnly === "yes", ...(kind ? { kind: kind as ComplaintKind } : {}) },
            },
          }),
        ),
      ),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Complaints</h2>
      <p className="govuk-body">
        The register of complaints about this case. A service complaint needs a final response within 8 weeks; a data-protection
        complaint an acknowledgement within 30 days.
      </p>
      <div className="cma-inline-form govuk-!-margin-bottom-4">
        <Select id="complaints-kind" label="Kind" value={kind} onChange={setKind} options={[["", "All kinds"], ["service", "Service"], ["data_protection", "Data protection"]]} />
        <Select id="complaints-open" label="Show" value={openOnly} onChange={setOpenOnly} options={[["", "All complaints"], ["yes", "Open only"]]} />
      </div>
      <QueryState query={list} what="complaints">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No complaint is recorded.</p>
          ) : (
            <ScrollBox>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">{page.total} complaints</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Received</th>
                    <th scope="col" className="govuk-table__header">Kind</th>
                    <th scope="col" className="govuk-table__header">Summary</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                    {can("case:write") && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {page.items.map((c) => {
                    const [tag, text] = complaintStatus(c);
                    return (
                      <tr className="govuk-table__row" key={c.id}>
                        <td className="govuk-table__cell">{date(c.received_on)}</td>
                        <td className="govuk-table__cell">{c.kind === "service" ? "Service" : "Data protection"}</td>
                        <td className="govuk-table__cell">{c.summary}</td>
                        <td className="govuk-table__cell"><Tag value={tag} text={text} /></td>
                        {can("case:write") && (
                          <td className="govuk-table__cell">
                            <button type="button" className="govuk-link cma-link-button" onClick={() => setEditing(c.id)}>
                              Edit<span className="govuk-visually-hidden"> the complaint received {date(c.received_on)}</span>
                            </button>
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
      {can("case:write") && (
        <ComplaintForm key={editing ?? "new"} caseId={caseId} complaint={list.data?.items.find((c) => c.id === editing)} onDone={() => setEditing(null)} />
      )}
    </>
  );
}

function ComplaintForm({ caseId, complaint, onDone }: { caseId: string; complaint?: Complaint; onDone: () => void }) {
  const qc = useQueryClient();
  const [kind, setKind] = useState<string>(complaint?.kind ?? "service");
  const [received, setReceived] = useState(complaint?.received_on ?? today());
  const [summary, setSummary] = useState(complaint?.summary ?? "");
  const [ack, setAck] = useState(complaint?.acknowledged_on ?? "");
  const [final, setFinal] = useState(complaint?.final_response_on ?? "");
  const [outcome, setOutcome] = useState(complaint?.outcome ?? "");
  const p = `complaint-${complaint?.id ?? "new"}`;
  const save = useMutation({
    mutationFn: async () => {
      checkDates({ received_on: received, acknowledged_on: ack, final_response_on: final });
      const body = {
        kind: kind as ComplaintKind,
        received_on: received,
        summary: summary.trim(),
        acknowledged_on: orNull(ack),
        final_response_on: orNull(final),
        outcome: orNull(outcome),
      };
      if (complaint)
        return unwrap(
          await api.PATCH("/api/v1/cases/{case_id}/complaints/{complaint_id}", {
            params: { path: { case_id: caseId, complaint_id: complaint.id }, header: ifMatch(complaint.version) },
            body,
          }),
        );
      return unwrap(await api.POST("/api/v1/cases/{case_id}/complaints", { params: { path: { case_id: caseId } }, body }));
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["complaints", caseId] });
      if (!complaint) {
        setSummary("");
        setAck("");
        setFinal("");
        setOutcome("");
      }
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
      <h3 className="govuk-heading-m">{complaint ? "Edit the complaint" : "Record a complaint"}</h3>
      <ErrorSummary
        error={save.error}
        fields={{ kind: `${p}-kind`, received_on: `${p}-received`, summary: `${p}-summary`, acknowledged_on: `${p}-ack`, final_response_on: `${p}-final`, outcome: `${p}-outcome` }}
      />
      <Select id={`${p}-kind`} name="kind" label="Kind" value={kind} onChange={setKind} error={save.error} options={[["service", "About the service"], ["data_protection", "About personal data"]]} />
      <DateInput id={`${p}-received`} name="received_on" label="Received on" value={received} onChange={setReceived} error={save.error} />
      <TextArea id={`${p}-summary`} name="summary" label="What the complaint is about" value={summary} onChange={setSummary} error={save.error} rows={3} />
      <DateInput id={`${p}-ack`} name="acknowledged_on" label="Acknowledged on (optional)" value={ack} onChange={setAck} error={save.error} />
      <DateInput id={`${p}-final`} name="final_response_on" label="Final response sent on (optional)" value={final} onChange={setFinal} error={save.error} />
      <TextArea id={`${p}-outcome`} name="outcome" label="Outcome (optional)" value={outcome} onChange={setOutcome} error={save.error} rows={2} />
      <div className="govuk-button-group">
        <Button busy={save.isPending}>{complaint ? "Save the complaint" : "Record the complaint"}</Button>
        {complaint && (
          <Button type="button" secondary onClick={onDone}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
