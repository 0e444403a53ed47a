// "Reject and correct": the adviser rejects a suggestion and says what is right instead
// (the document's class, the values, the SFS line of a statement payee). The form opens
// prefilled with the suggestion's values, each with where the reader found it (page and
// place); only what the adviser changes is sent as corrected values, with the class. The
// correction is kept as a labelled example the centre's assistant learns from.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { ApiError, NOT_AN_AMOUNT, fieldProblem, ifMatch } from "../../api/problem";
import { toPence, penceInput } from "../../components/format";
import { SfsLineSelect } from "../../components/SfsLineSelect";
import { Button, ErrorSummary, Select, TextInput } from "../../components/forms";
import { DateInput, checkDates } from "../../components/DateInput";
import { byField, marks, place, shownTitle } from "./Evidence";

type Suggestion = Schemas["SuggestionOut"];
type Doc = Schemas["DocumentOut"];
type DocumentClass = Schemas["DocumentClass"];
export type CorrectionValues = {
  document_class: string;
  creditor_name: string;
  account_reference: string;
  balance: string;
  deadline_date: string;
  court_claim_number: string;
  budget_line: string;
};

/** Every kind the API knows, in the order the console offers them. */
export const CLASSES: DocumentClass[] = [
  "creditor_letter", "court_claim_n1", "enforcement_agent_notice", "statutory_demand", "council_tax", "utility_bill", "payslip",
  "bank_statement", "benefit_award", "county_court_judgment", "magistrates_fine", "notice_of_assignment", "overpayment",
  "mortgage_arrears", "rent_arrears", "bnpl_catalogue_arrears", "letter_of_claim", "utility_arrears", "other",
];

/** The form's first values: the suggestion's own. */
export function prefill(s: Suggestion, doc: Doc | undefined): CorrectionValues {
  return {
    document_class: doc?.document_class ?? "",
    creditor_name: s.creditor_name ?? "",
    account_reference: s.account_reference ?? "",
    balance: penceInput(s.balance_pence),
    deadline_date: s.deadline ?? "",
    court_claim_number: s.court_claim_number ?? "",
    budget_line: s.budget_line ?? "",
  };
}

/** The body of the rejection: the class, and each value the adviser changed. */
export function correctionBody(start: CorrectionValues, now: CorrectionValues, reason: string): Schemas["documents_schemas_RejectIn"] {
  const changed = (k: keyof CorrectionValues) => now[k].trim() !== start[k].trim() && now[k].trim() !== "";
  const c: Schemas["CorrectionIn"] = {};
  if (now.document_class) c.document_class = now.document_class as DocumentClass;
  if (changed("creditor_name")) c.creditor_name = now.creditor_name.trim();
  if (changed("account_reference")) c.account_reference = now.account_reference.trim();
  if (changed("balance")) c.balance_pence = toPence(now.balance) ?? -1;
  if (changed("deadline_date")) c.deadline_date = now.deadline_date;
  if (changed("court_claim_number")) c.court_claim_number = now.court_claim_number.trim();
  if (changed("budget_line")) c.budget_line = now.budget_line.trim();
  return { reason: reason.trim() || null, correction: c };
}

const EVIDENCE_OF: Record<string, string[]> = {
  creditor_name: ["creditor_name", "payer_name"],
  account_reference: ["account_reference"],
  balance: ["balance_pence", "income_pence"],
  deadline_date: ["deadline_date"],
  court_claim_number: ["court_claim_number"],
};

export function CorrectionForm({
  s,
  doc,
  onClose,
  onCorrected = onClose,
}: {
  s: Suggestion;
  doc: Doc | undefined;
  onClose: () => void;
  /** After the rejection with its correction is saved (the banner takes the focus). */
  onCorrected?: () => void;
}) {
  const qc = useQueryClient();
  const start = prefill(s, doc);
  const [v, setV] = useState(start);
  const [reason, setReason] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const evidence = byField(s.evidence ?? [], s.kind);
  const numbers = marks(s.evidence ?? [], s.kind);
  const from = (k: string) => {
    const e = (EVIDENCE_OF[k] ?? []).flatMap((f) => evidence.get(f) ?? []).find((x) => x.chosen);
    return e ? `Read “${e.value}” from ${place(e, doc, numbers.get(e))}` : undefined;
  };
  const id = `correct-${s.id}`;
  const send = useMutation({
    mutationFn: async () => {
      checkDates({ "correction.deadline_date": v.deadline_date });
      const body = correctionBody(start, v, reason);
      if ((body.correction?.balance_pence ?? 0) < 0) throw fieldProblem("correction.balance_pence", NOT_AN_AMOUNT);
      const r = await api.POST("/api/v1/suggestions/{suggestion_id}/reject", {
        params: { path: { suggestion_id: s.id }, header: ifMatch(s.version) },
        body,
      });
      if (!r.response.ok) throw new ApiError(r.response.status, r.error);
      return r.data;
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["suggestions"] });
      onCorrected();
    },
  });
  const set = (k: keyof CorrectionValues) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const budget = s.kind === "new_income" || s.kind === "new_expenditure";
  const fields = Object.fromEntries(
    ["document_class", "creditor_name", "account_reference", "balance_pence", "deadline_date", "court_claim_number", "budget_line", "reason"].map((k) => [
      k,
      `${id}-${k === "balance_pence" ? "balance" : k}`,
    ]),
  );
  return (
    <section className="cma-card govuk-!-margin-bottom-3" aria-labelledby={`${id}-heading`}>
      <h4 className="govuk-heading-s" id={`${id}-heading`} tabIndex={-1} ref={heading}>
        Reject and correct: {shownTitle(s)}
      </h4>
      <p className="govuk-body-s">Change what the reader got wrong. Nothing changes on the case; the correction teaches the assistant.</p>
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <ErrorSummary error={send.error} fields={fields} />
        <Select
          id={`${id}-document_class`}
          name="document_class"
          label="What the document is"
          value={v.document_class}
          onChange={set("document_class")}
          error={send.error}
          options={[["", "Not sure"], ...CLASSES.map((c) => [c, c.replace(/_/g, " ")] as const)]}
        />
        <TextInput id={`${id}-creditor_name`} name="creditor_name" label={budget ? "Payee or payer" : "Creditor"} hint={from("creditor_name")} value={v.creditor_name} onChange={set("creditor_name")} error={send.error} />
        {!budget && (
          <TextInput id={`${id}-account_reference`} name="account_reference" label="Account reference" hint={from("account_reference")} value={v.account_reference} onChange={set("account_reference")} error={send.error} />
        )}
        <TextInput id={`${id}-balance`} name="balance_pence" label={budget ? "Amount" : "Balance"} prefix="£" inputMode="decimal" width="10" hint={from("balance")} value={v.balance} onChange={set("balance")} error={send.error} />
        {budget ? (
          <SfsLineSelect
            id={`${id}-budget_line`}
            name="budget_line"
            label="SFS line"
            hint={from("budget_line")}
            value={v.budget_line}
            onChange={set("budget_line")}
            sections={s.kind === "new_income" ? ["income"] : ["fixed", "flexible"]}
            extra={[
              ["debt_repayment", "A payment to a creditor (a debt, not a budget line)"],
              ["not_budgeted", "Not part of the budget (transfers, cash, refunds)"],
            ]}
            error={send.error}
          />
        ) : (
          <>
            <DateInput id={`${id}-deadline_date`} name="deadline_date" label="Deadline (optional)" hint={from("deadline_date")} value={v.deadline_date} onChange={set("deadline_date")} error={send.error} />
            <TextInput id={`${id}-court_claim_number`} name="court_claim_number" label="Court claim number (optional)" hint={from("court_claim_number")} value={v.court_claim_number} onChange={set("court_claim_number")} error={send.error} />
          </>
        )}
        <TextInput id={`${id}-reason`} name="reason" label="Why reject it (optional)" value={reason} onChange={setReason} error={send.error} />
        <div className="govuk-button-group govuk-!-margin-bottom-0">
          <Button warning busy={send.isPending}>
            Reject with this correction<span className="govuk-visually-hidden"> of {shownTitle(s)}</span>
          </Button>
          <Button type="button" secondary onClick={onClose}>
            Cancel<span className="govuk-visually-hidden"> the correction</span>
          </Button>
        </div>
      </form>
    </section>
  );
}
