// "Accept with changes": the reader took the wrong balance (or creditor, reference, the
// date a claim was served, an income's frequency or SFS line) and the adviser accepts with
// the right value. The form opens with the suggestion's values; under each, the other
// values the reader found for it on the page, one click to use. Only what the adviser
// changes is sent (``changes``); the API applies it, keeps what was read (``as_read``) and
// learns from the correction.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { ApiError, NOT_AN_AMOUNT, fieldProblem, ifMatch } from "../../api/problem";
import { date, label, toPence, penceInput } from "../../components/format";
import { SfsLineSelect } from "../../components/SfsLineSelect";
import { Button, ErrorSummary, Select, TextInput } from "../../components/forms";
import { DateInput, checkDates } from "../../components/DateInput";
import { DEBT_TYPES } from "./debtTypes";
import { byField, CLOCKED, marks, place, refreshAfterDecision, shownTitle } from "./Evidence";

type Suggestion = Schemas["SuggestionOut"];
type Evidence = Schemas["EvidenceOut"];
type Doc = Schemas["DocumentOut"];
type Accepted = Schemas["AcceptOut"];
type Changes = NonNullable<Schemas["SuggestionAcceptIn"]["changes"]>;

export type ChangeKey = "creditor_name" | "account_reference" | "balance" | "fact_date" | "deadline" | "frequency" | "budget_line" | "debt_type";
export type ChangeValues = Record<ChangeKey, string>;

/** Of the deadline kinds the case's clock counts (``CLOCKED``), the ones whose deadline
 * gives the date of service counted back (the API works one out from the other); a
 * notice's or letter's is counted from its own date. */
const SERVED = new Set<Suggestion["kind"]>(["court_claim_deadline", "statutory_demand_deadline"]);

/** The fields the adviser may change on accepting a suggestion of this kind (as the API's
 * ``AMENDABLE``): what accepting applies. */
export function changeable(kind: Suggestion["kind"]): ChangeKey[] {
  switch (kind) {
    case "new_debt":
      return ["creditor_name", "account_reference", "balance", "debt_type"];
    case "update_debt":
      return ["balance"];
    case "new_income":
    case "new_expenditure":
      return ["balance", "frequency", "budget_line"];
    case "response_deadline":
      return ["deadline"];
    default:
      return CLOCKED.has(kind) ? ["fact_date", "deadline"] : [];
  }
}

export const FREQUENCIES = ["weekly", "fortnightly", "four_weekly", "monthly", "quarterly", "yearly"] as const;

/** The form's first values: the suggestion's own. */
export function startValues(s: Suggestion): ChangeValues {
  return {
    creditor_name: s.creditor_name ?? "",
    account_reference: s.account_reference ?? "",
    balance: penceInput(s.balance_pence),
    fact_date: s.fact_date ?? "",
    deadline: s.deadline ?? "",
    frequency: s.frequency ?? "",
    budget_line: s.budget_line ?? "",
    debt_type: s.debt_type ?? "",
  };
}

/** The body of the acceptance: each value the adviser changed (and did not clear). A
 * deadline is sent only where no date counts it (else the case clock works it out). */
export function acceptBody(kind: Suggestion["kind"], start: ChangeValues, now: ChangeValues): Schemas["SuggestionAcceptIn"] {
  const allowed = new Set(changeable(kind));
  const changed = (k: ChangeKey) => allowed.has(k) && now[k].trim() !== "" && now[k].trim() !== start[k].trim();
  const c: Changes = {};
  if (changed("creditor_name")) c.creditor_name = now.creditor_name.trim();
  if (changed("account_reference")) c.account_reference = now.account_reference.trim();
  // An amount that is not one is sent as such (-1): the API names the field at fault.
  if (changed("balance")) c.balance_pence = toPence(now.balance) ?? -1;
  // The clock's deadline and the date it counts from are one reading: the date, if given,
  // else the deadline (the API works out the other).
  if (changed("fact_date")) c.fact_date = now.fact_date;
  else if (changed("deadline")) c.deadline = now.deadline;
  if (changed("frequency")) c.frequency = now.frequency as Changes["frequency"];
  if (changed("budget_line")) c.budget_line = now.budget_line;
  if (changed("debt_type")) c.debt_type = now.debt_type as Changes["debt_type"];
  return Object.keys(c).length ? { changes: c } : {};
}

/** The read fields whose values may stand in for each one the adviser can change. */
function sources(kind: Suggestion["kind"]): Partial<Record<ChangeKey, string[]>> {
  const income = kind === "new_income";
  return {
    creditor_name: ["creditor_name"],
    account_reference: ["account_reference"],
    balance: income ? ["income_pence", "gross_pence"] : ["balance_pence"],
    fact_date: ["served_date", "letter_date"],
    deadline: ["deadline_date"],
  };
}

/** A read value as the form's input takes it: "£1,234.56" → "1234.56"; dates and text as
 * they are. */
export function asInput(key: ChangeKey, value: string): string {
  return key === "balance" ? value.replace(/[£,\s]/g, "") : value;
}

/** The other values the reader found for ``key``: each distinct value once, the one in the
 * form now left out. */
export function otherValues(s: Suggestion, key: ChangeKey, current: string): Evidence[] {
  const fields = sources(s.kind)[key] ?? [];
  const evidence = byField(s.evidence ?? [], s.kind);
  const seen = new Set([current.trim()]);
  const out: Evidence[] = [];
  for (const f of fields)
    for (const e of evidence.get(f) ?? []) {
      const v = asInput(key, e.value).trim();
      if (!seen.has(v)) {
        seen.add(v);
        out.push(e);
      }
    }
  return out;
}

/** Why the value in the form for ``key`` is one to check (one of the suggestion's
 * `fields_to_check`), in the words of the field's hint; none where it is not. */
export function readUnsurely(s: Suggestion, key: ChangeKey): string | undefined {
  const fields = sources(s.kind)[key] ?? [];
  const field = (s.fields_to_check ?? []).find((f) => fields.includes(f));
  if (field === undefined) return undefined;
  const used = (s.evidence ?? []).find((e) => e.chosen && e.field === field);
  return used && !used.hard_to_read && used.unsure_choice ? UNSURE_WHICH : HARD_TO_READ;
}

const HARD_TO_READ = "The scan was hard to read here: compare it with the page.";
const UNSURE_WHICH = "The reader was unsure this is the value: compare it with the page.";

const NAMES: Record<ChangeKey, string> = {
  creditor_name: "creditor",
  account_reference: "account reference",
  balance: "amount",
  fact_date: "date it counts from",
  deadline: "deadline",
  frequency: "frequency",
  budget_line: "SFS line",
  debt_type: "debt type",
};

/** What was read for the fields the adviser changed, in words ("balance £1,234.56"). */
export function asReadText(s: Suggestion): string {
  const r = s.as_read;
  if (!r) return "";
  const parts: string[] = [];
  if (r.creditor_name) parts.push(`creditor “${r.creditor_name}”`);
  if (r.account_reference) parts.push(`account reference “${r.account_reference}”`);
  if (r.balance_pence != null) parts.push(`amount £${(r.balance_pence / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`);
  if (r.fact_date) parts.push(`date counted from ${date(r.fact_date)}`);
  if (r.deadline) parts.push(`deadline ${date(r.deadline)}`);
  if (r.frequency) parts.push(`frequency ${label(r.frequency).toLowerCase()}`);
  if (r.budget_line) parts.push(`SFS line ${label(r.budget_line).toLowerCase()}`);
  if (r.debt_type) parts.push(`debt type ${label(r.debt_type).toLowerCase()}`);
  const unread: Record<string, string> = { balance_pence: "amount", fact_date: "date counted from", account_reference: "account reference", creditor_name: "creditor", budget_line: "SFS line" };
  for (const f of r.not_read ?? []) parts.push(`no ${unread[f] ?? label(f).toLowerCase()}`);
  return parts.join(", ");
}

export function AcceptChangesForm({
  s,
  doc,
  onClose,
  onAccepted,
}: {
  s: Suggestion;
  doc: Doc | undefined;
  onClose: () => void;
  /** After the acceptance is saved, with what the API says it did. */
  onAccepted: (out: Accepted) => void;
}) {
  const qc = useQueryClient();
  const start = startValues(s);
  const [v, setV] = useState(start);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const numbers = marks(s.evidence ?? [], s.kind);
  const id = `accept-${s.id}`;
  const send = useMutation({
    mutationFn: async () => {
      // A value the reader gave and the adviser emptied is not sent as nothing: say so.
      const cleared = keys.find((k) => start[k].trim() !== "" && v[k].trim() === "");
      if (cleared) throw fieldProblem(`changes.${apiName(cleared)}`, "cannot be left empty: give the right value, or the one read");
      checkDates(Object.fromEntries(keys.filter((k) => k === "fact_date" || k === "deadline").map((k) => [`changes.${k}`, v[k]])));
      const body = acceptBody(s.kind, start, v);
      if ((body.changes?.balance_pence ?? 0) < 0) throw fieldProblem("changes.balance_pence", NOT_AN_AMOUNT);
      const r = await api.POST("/api/v1/suggestions/{suggestion_id}/accept", {
        params: { path: { suggestion_id: s.id }, header: ifMatch(s.version) },
        body,
      });
      if (!r.response.ok) throw new ApiError(r.response.status, r.error);
      return r.data as Accepted;
    },
    onSuccess: (out) => {
      refreshAfterDecision(qc);
      onAccepted(out);
    },
  });
  const set = (k: ChangeKey) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  // A notice's or letter's deadline follows from its date: asked for only where no date was read.
  // A debt type is offered where the suggestion names one (those made before types were
  // kept are typed from their document on accepting).
  const keys = changeable(s.kind)
    .filter((k) => k !== "deadline" || !CLOCKED.has(s.kind) || SERVED.has(s.kind) || !start.fact_date)
    .filter((k) => k !== "debt_type" || start.debt_type !== "");
  const apiName = (k: ChangeKey) => (k === "balance" ? "balance_pence" : k);
  const fields = Object.fromEntries(keys.map((k) => [apiName(k), `${id}-${k}`]));
  const budget = s.kind === "new_income" || s.kind === "new_expenditure";
  const served = s.kind === "court_claim_deadline" || s.kind === "statutory_demand_deadline";
  const labels: Record<ChangeKey, string> = {
    creditor_name: "Creditor",
    account_reference: "Account reference",
    balance: budget ? "Amount each time" : "Balance",
    fact_date: served ? "Date served" : "Date of the notice or letter",
    deadline: "Deadline",
    frequency: "How often",
    budget_line: "SFS line",
    debt_type: "Debt type",
  };
  // The error summary names each field as its label does, not as the API spells it.
  const summaryLabels = Object.fromEntries(keys.map((k) => [`changes.${apiName(k)}`, labels[k]]));
  // A field's hint: the scan's doubt first, then what the field itself needs saying.
  const hint = (k: ChangeKey, own?: string) => [readUnsurely(s, k) ?? "", own ?? ""].filter(Boolean).join(" ") || undefined;
  const others = (k: ChangeKey) => {
    const list = otherValues(s, k, v[k]);
    if (list.length === 0) return null;
    return (
      <div className="govuk-!-margin-top-1 govuk-!-margin-bottom-4">
        <p className="govuk-body-s govuk-!-margin-bottom-1" id={`${id}-${k}-others`}>
          Other values the reader found:
        </p>
        <ul className="govuk-list govuk-body-s" aria-labelledby={`${id}-${k}-others`}>
          {list.map((e) => (
            <li key={`${e.field}-${e.value}`}>
              <button type="button" className="govuk-link cma-link-button" onClick={() => set(k)(asInput(k, e.value))}>
                Use “{e.value}”{" "}
                <span className="govuk-visually-hidden">as the {NAMES[k]}</span>
              </button>{" "}
              ({place(e, doc, numbers.get(e))}
              {e.label ? `, next to “${e.label}”` : ""}
              {e.role ? `, ${e.role}` : ""})
            </li>
          ))}
        </ul>
      </div>
    );
  };
  return (
    <section className="cma-card govuk-!-margin-bottom-3" aria-labelledby={`${id}-heading`}>
      <h4 className="govuk-heading-s" id={`${id}-heading`} tabIndex={-1} ref={heading}>
        Accept with changes: {shownTitle(s)}
      </h4>
      <p className="govuk-body-s">Change what the reader got wrong, then accept. The case gets your values; what the reader read is kept with the suggestion, and the assistant learns from your change.</p>
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <ErrorSummary error={send.error} fields={fields} labels={summaryLabels} />
        {keys.map((k) => {
          const common = { id: `${id}-${k}`, name: apiName(k), value: v[k], onChange: set(k), error: send.error };
          switch (k) {
            case "creditor_name":
            case "account_reference":
              return (
                <div key={k}>
                  <TextInput {...common} label={labels[k]} hint={hint(k)} />
                  {others(k)}
                </div>
              );
            case "balance":
              return (
                <div key={k}>
                  <TextInput {...common} label={labels[k]} hint={hint(k)} prefix="£" inputMode="decimal" width="10" />
                  {others(k)}
                </div>
              );
            case "fact_date":
              return (
                <div key={k}>
                  <DateInput
                    {...common}
                    label={labels[k]}
                    hint={hint(k, "The case's deadlines are counted from this date.")}
                  />
                  {others(k)}
                </div>
              );
            case "deadline":
              return (
                <div key={k}>
                  <DateInput
                    {...common}
                    label={labels[k]}
                    hint={hint(
                      k,
                      SERVED.has(s.kind)
                        ? "Or give the deadline: the date served is worked out from it. If you change both, the date served is used."
                        : CLOCKED.has(s.kind)
                          ? "With no date to count from, a task is due on this date."
                          : undefined,
                    )}
                  />
                  {others(k)}
                </div>
              );
            case "frequency":
              return <Select key={k} {...common} label={labels[k]} options={[["", "Not stated"], ...FREQUENCIES.map((f) => [f, label(f)] as const)]} />;
            case "debt_type":
              return (
                <Select
                  key={k}
                  {...common}
                  label={labels[k]}
                  hint="Its priority follows from its type: council tax, rent, mortgage, energy and fines are priority debts."
                  options={DEBT_TYPES.map((t) => [t, label(t)] as const)}
                />
              );
            case "budget_line":
              return <SfsLineSelect key={k} {...common} label={labels[k]} sections={s.kind === "new_income" ? ["income"] : ["fixed", "flexible"]} />;
          }
        })}
        <div className="govuk-button-group govuk-!-margin-bottom-0">
          <Button busy={send.isPending}>
            Accept with these values<span className="govuk-visually-hidden"> for {shownTitle(s)}</span>
          </Button>
          <Button type="button" secondary onClick={onClose}>
            Cancel<span className="govuk-visually-hidden"> the changes</span>
          </Button>
        </div>
      </form>
    </section>
  );
}
