import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { caseDebts, everyItem } from "../../api/pages";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { useSettled } from "../../components/ClientPicker";
import { date, label, money, toPence, penceInput } from "../../components/format";
import { Button, ErrorSummary, Select, TextInput } from "../../components/forms";
import { DateInput, checkDates } from "../../components/DateInput";
import { QueryState, ScrollBox, SuccessBanner, Tag, WarningText } from "../../components/ui";
import { ClosedHint, useCaseOpen } from "./caseOpen";
import { DEBT_TYPES } from "./debtTypes";

type Debt = Schemas["DebtOut"];

/** How the chosen creditor's references look — the format set on it, or the shape learned
 * from the centre's debts to it — and a warning when the reference typed does not fit:
 * a check for typos, never a refusal. */
export function ReferenceCheck({ creditorId, name, reference }: { creditorId: string; name: string; reference: string }) {
  const typed = useSettled(reference.trim()); // asked as the adviser pauses, not at every key
  const format = useQuery({
    queryKey: ["reference-format", creditorId, typed],
    enabled: Boolean(creditorId),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/creditors/{creditor_id}/reference-format", {
          params: { path: { creditor_id: creditorId }, query: typed ? { reference: typed } : {} },
        }),
      ),
  });
  const f = format.data;
  if (!creditorId || !f || f.source === "none") return null;
  const looks =
    f.source === "learned"
      ? `${name}'s references on your debts look like ${f.example} (${f.references} of them)`
      : `${name}'s reference format is set in the creditor directory`;
  return (
    <div data-testid="reference-check">
      <p className="govuk-hint govuk-!-margin-top-0">{looks}.</p>
      {f.fits === false && (
        <WarningText role="status">
          This reference does not look like {name}'s others. Check it against the letter before saving.
        </WarningText>
      )}
    </div>
  );
}

function DebtForm({ caseId, debt, onDone }: { caseId: string; debt?: Debt; onDone: (saved?: Debt) => void }) {
  const qc = useQueryClient();
  const creditors = useQuery({
    queryKey: ["creditors"],
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/creditors", { params: { query: at } }))),
  });
  const [type, setType] = useState<string>(debt?.debt_type ?? "credit_card");
  const [creditor, setCreditor] = useState(debt?.creditor_id ?? "");
  const [balance, setBalance] = useState(penceInput(debt?.balance_pence));
  const [reference, setReference] = useState(debt?.account_reference ?? "");
  const [lastPayment, setLastPayment] = useState(debt?.last_payment_date ?? "");
  const [ccj, setCcj] = useState(debt?.ccj === true ? "yes" : debt?.ccj === false ? "no" : "");
  const [ownership, setOwnership] = useState<string>(debt?.ownership ?? "");
  const prefix = debt ? `debt-${debt.id.slice(0, 8)}` : "new-debt";

  const save = useMutation({
    mutationFn: async () => {
      checkDates({ last_payment_date: lastPayment });
      const body = {
        // The select offers only the API's own values; anything else gets its 422.
        debt_type: type as Schemas["DebtIn"]["debt_type"],
        creditor_id: creditor || null,
        // A balance that is not a number is sent as-is for the API to name the field.
        balance_pence: toPence(balance) ?? (Number.NaN as number),
        account_reference: reference || null,
        last_payment_date: lastPayment || null,
        ccj: ccj === "yes" ? true : ccj === "no" ? false : null,
        ownership: (ownership || null) as Schemas["DebtIn"]["ownership"],
      };
      if (debt) {
        // Only what this form shows is sent (PATCH): the debt's arrears, notes, CCJ dates
        // and the rest, recorded elsewhere, keep their values.
        return unwrap(
          await api.PATCH("/api/v1/cases/{case_id}/debts/{debt_id}", {
            params: { path: { case_id: caseId, debt_id: debt.id }, header: ifMatch(debt.version) },
            body,
          }),
        );
      }
      return unwrap(await api.POST("/api/v1/cases/{case_id}/debts", { params: { path: { case_id: caseId } }, body }));
    },
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ["debts", caseId] });
      // the creditor's shape may have changed with this reference
      void qc.invalidateQueries({ queryKey: ["reference-format", saved.creditor_id ?? ""] });
      onDone(saved);
    },
  });

  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
      className="cma-card govuk-!-margin-bottom-6"
    >
      <h3 className="govuk-heading-m">{debt ? "Change debt" : "Add a debt"}</h3>
      <ErrorSummary
        error={save.error}
        fields={{
          debt_type: `${prefix}-type`,
          balance_pence: `${prefix}-balance`,
          account_reference: `${prefix}-ref`,
          creditor_id: `${prefix}-creditor`,
          last_payment_date: `${prefix}-last-payment`,
          ccj: `${prefix}-ccj`,
          ownership: `${prefix}-ownership`,
        }}
      />
      <Select id={`${prefix}-type`} name="debt_type" label="Type" value={type} onChange={setType} error={save.error} options={DEBT_TYPES.map((t) => [t, label(t)] as const)} />
      <Select
        id={`${prefix}-creditor`}
        name="creditor_id"
        label="Creditor"
        value={creditor}
        onChange={setCreditor}
        error={save.error}
        options={[["", "Not known yet"], ...(creditors.data?.items ?? []).map((c) => [c.id, c.name] as const)]}
      />
      <TextInput id={`${prefix}-balance`} name="balance_pence" label="Balance" prefix="£" width="10" inputMode="decimal" value={balance} onChange={setBalance} error={save.error} />
      <TextInput id={`${prefix}-ref`} name="account_reference" label="Account reference" width="20" value={reference} onChange={setReference} error={save.error} />
      <ReferenceCheck
        creditorId={creditor}
        name={creditors.data?.items.find((c) => c.id === creditor)?.name ?? "This creditor"}
        reference={reference}
      />
      <DateInput id={`${prefix}-last-payment`} name="last_payment_date" label="Date of last payment" value={lastPayment} onChange={setLastPayment} error={save.error} />
      <Select
        id={`${prefix}-ccj`}
        name="ccj"
        label="County court judgment on it"
        value={ccj}
        onChange={setCcj}
        error={save.error}
        options={[
          ["", "Not known"],
          ["yes", "Yes"],
          ["no", "No"],
        ]}
      />
      <Select
        id={`${prefix}-ownership`}
        name="ownership"
        label="Whose debt"
        value={ownership}
        onChange={setOwnership}
        error={save.error}
        options={[
          ["", "Not recorded"],
          ["sole", "The client's alone"],
          ["joint", "Joint, with someone else"],
        ]}
      />
      <div className="govuk-button-group">
        <Button busy={save.isPending}>{debt ? "Save changes" : "Add debt"}</Button>
        <button type="button" className="govuk-link cma-link-button" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Why a debt is (or is not) a priority, in an adviser's words, with the rule cited. */
export function priorityBasis(p: Debt["priority"]): string {
  const why =
    p.basis === "override"
      ? `Set by the adviser${p.override_reason ? `: ${p.override_reason}` : ""}`
      : `Worst sanction: ${p.sanction}`;
  return `${why} (rule ${p.rule_id})`;
}

/** Which debt was added, in the banner that takes the focus from the replaced form. */
/** Said once a debt is changed: the form is gone, so the banner takes the focus. */
export function debtSaved(debt: Debt): string {
  return `Debt saved: ${debtNamed(debt)}, balance ${money(debt.balance_pence)}.`;
}

function debtAdded(debt: Debt): string {
  return `Debt added: ${debtNamed(debt)}. Add another below.`;
}

/** A debt as a banner names it: its creditor (or its type) and its reference. */
function debtNamed(debt: Debt): string {
  const reference = debt.account_reference ? `, reference ${debt.account_reference}` : "";
  return `${debt.creditor_name ?? label(debt.debt_type)}${reference}`;
}

/** Why a debt's reference is flagged: against the directory's format, or unlike the
 * creditor's references on the centre's other debts. */
export function referenceWarning(d: Pick<Debt, "reference_format">): string {
  return d.reference_format === "directory"
    ? "Does not match the format set for this creditor"
    : "Unlike the references on the centre's other debts to this creditor";
}

/** The case's debts summed by treatment, as an adviser weighs them (priority first). */
function DebtTotals({ debts, complete, writable }: { debts: Debt[]; complete: boolean; writable: boolean }) {
  const sum = (rows: Debt[]) => rows.reduce((total, d) => total + d.balance_pence, 0);
  const priority = debts.filter((d) => d.priority.is_priority);
  const rows: [string, number][] = [
    [`Priority debts (${priority.length})`, sum(priority)],
    [`Non-priority debts (${debts.length - priority.length})`, sum(debts) - sum(priority)],
    [complete ? "All debts" : `All debts shown (first ${debts.length})`, sum(debts)],
  ];
  return (
    <tfoot>
      {rows.map(([name, pence]) => (
        <tr className="govuk-table__row" key={name}>
          <th scope="row" colSpan={3} className="govuk-table__header">
            {name}
          </th>
          <td className="govuk-table__cell govuk-table__cell--numeric">
            <strong>{money(pence)}</strong>
          </td>
          <td className="govuk-table__cell" colSpan={writable ? 2 : 1} />
        </tr>
      ))}
    </tfoot>
  );
}

export function Debts({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const [editing, setEditing] = useState<string | null>(null);
  const [added, setAdded] = useState<{ n: number; debt?: Debt }>({ n: 0 });
  const [saved, setSaved] = useState<Debt | null>(null);
  const debts = useQuery({
    queryKey: ["debts", caseId],
    queryFn: () => caseDebts(caseId),
  });
  const open = useCaseOpen();
  const writable = open && (can("finance:write") || can("case:write"));
  return (
    <>
      <h2 className="govuk-heading-l">Debts</h2>
      {!open && <ClosedHint what="its debts" />}
      {saved && <SuccessBanner key={`${saved.id}-${saved.version}`} text={debtSaved(saved)} />}
      <QueryState query={debts} what="debts">
        {(page) => (
          <>
            {page.items.length === 0 && <p className="govuk-body">No debts recorded yet.</p>}
            {page.items.length > 0 && (
              <ScrollBox>
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-visually-hidden">Debts</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">Creditor</th>
                      <th scope="col" className="govuk-table__header">Type</th>
                      <th scope="col" className="govuk-table__header">Priority</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Balance</th>
                      <th scope="col" className="govuk-table__header">Limitation</th>
                      {writable && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>}
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {page.items.map((d) => (
                      <tr className="govuk-table__row" key={d.id}>
                        <td className="govuk-table__cell">
                          {d.creditor_name ?? "Unknown creditor"}
                          {d.account_reference && <div className="govuk-hint govuk-!-margin-0">{d.account_reference}</div>}
                          {d.reference_matches === false && (
                            <div>
                              <Tag value="high" text="check reference" />
                              <div className="govuk-hint govuk-!-margin-0">{referenceWarning(d)}</div>
                            </div>
                          )}
                        </td>
                        <td className="govuk-table__cell">{label(d.debt_type)}</td>
                        <td className="govuk-table__cell">
                          {d.priority.is_priority ? <Tag value="critical" text="priority" /> : <Tag value="closed" text="non-priority" />}
                          {d.priority.needs_adviser_decision && <Tag value="high" text="adviser to decide" />}
                          <div className="govuk-hint govuk-!-margin-0">{priorityBasis(d.priority)}</div>
                        </td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{money(d.balance_pence)}</td>
                        <td className="govuk-table__cell">
                          {d.limitation.warning ? <Tag value="high" text={label(d.limitation.status)} /> : label(d.limitation.status)}
                          {d.limitation.expires_on && <div className="govuk-hint govuk-!-margin-0">ends {date(d.limitation.expires_on)}</div>}
                        </td>
                        {writable && (
                          <td className="govuk-table__cell">
                            <button type="button" className="govuk-link cma-link-button" onClick={() => {
                              setSaved(null);
                              setEditing(d.id);
                            }}
                          >
                              Change<span className="govuk-visually-hidden"> {d.creditor_name ?? "debt"}</span>
                            </button>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                  <DebtTotals debts={page.items} complete={page.items.length >= page.total} writable={writable} />
                </table>
              </ScrollBox>
            )}
            {editing && page.items.find((d) => d.id === editing) && (
              <DebtForm key={editing} caseId={caseId} debt={page.items.find((d) => d.id === editing)} onDone={(debt) => {
                  setEditing(null);
                  setSaved(debt ?? null);
                }}
              />
            )}
          </>
        )}
      </QueryState>
      {writable && editing === null && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Add a debt</span>
          </summary>
          <div className="govuk-details__text">
            {added.debt && <SuccessBanner key={added.n} text={debtAdded(added.debt)} />}
            {/* a new, empty form once a debt is added: the next debt is not the last one twice */}
            <DebtForm key={added.n} caseId={caseId} onDone={(saved) => setAdded((a) => ({ n: a.n + 1, debt: saved }))} />
          </div>
        </details>
      )}
    </>
  );
}
