// The case's Breathing Space applications (CR-15, CR-16, CR-17): the reg 24(3) checks, the
// advice given before applying, the midway review and creditors' review requests. The
// moratorium's first day comes from the case clock (the fact "breathing space registered"
// on the Deadlines tab), so the register and the deadlines never disagree.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { everyItem } from "../../api/pages";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, label, today } from "../../components/format";
import { Button, Checkbox, ErrorSummary, Select } from "../../components/forms";
import { DateInput, checkDates } from "../../components/DateInput";
import { QueryState, SummaryList, Tag } from "../../components/ui";

type Record = Schemas["BreathingSpaceOut"];
type Check = Schemas["BsCheck"];

const CHECKS: ReadonlyArray<readonly [Check, string]> = [
  ["individual", "The client is an individual"],
  ["qualifying_debt", "At least one qualifying debt"],
  ["domiciled_or_resident_ew", "Domiciled or usually resident in England and Wales"],
  ["not_in_insolvency", "No DRO, IVA or interim order; not an undischarged bankrupt"],
  ["not_in_moratorium", "Not already in a breathing space or crisis moratorium"],
  ["no_standard_bs_in_12_months", "No standard breathing space in the last 12 months"],
];
const CHECK_TEXT = new Map<string, string>(CHECKS);

export function BreathingSpace({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const list = useQuery({
    queryKey: ["breathing-spaces", caseId],
    queryFn: () =>
      everyItem(async (at) => unwrap(await api.GET("/api/v1/cases/{case_id}/breathing-spaces", { params: { path: { case_id: caseId }, query: at } }))),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Breathing Space</h2>
      <p className="govuk-body">
        Record each application here. Its first day comes from the case clock: record the fact “breathing space
        registered” on the Deadlines tab when the Insolvency Service registers it.
      </p>
      <QueryState query={list} what="Breathing Space applications">
        {(page) => (
          <>
            {page.items.length === 0 && <p className="govuk-body">No application is recorded on this case.</p>}
            {page.items.map((b) => (
              <Application key={b.id} caseId={caseId} record={b} canWrite={can("case:write")} />
            ))}
          </>
        )}
      </QueryState>
      {can("case:write") && <NewApplication caseId={caseId} />}
    </>
  );
}

function Application({ caseId, record: b, canWrite }: { caseId: string; record: Record; canWrite: boolean }) {
  const qc = useQueryClient();
  const [on, setOn] = useState(today());
  const [outcome, setOutcome] = useState("continues");
  const review = useMutation({
    mutationFn: async () => {
      checkDates({ midway_review_on: on });
      return unwrap(
        await api.PATCH("/api/v1/cases/{case_id}/breathing-spaces/{breathing_space_id}", {
          params: { path: { case_id: caseId, breathing_space_id: b.id }, header: ifMatch(b.version) },
          body: { midway_review_on: on, midway_review_outcome: outcome as Schemas["MidwayOutcome"] },
        }),
      );
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ["breathing-spaces", caseId] }),
  });
  const missing = b.checks_missing.map((c) => CHECK_TEXT.get(c) ?? label(c));
  return (
    <div className="cma-card govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-m">
        {b.kind === "standard" ? "Standard breathing space" : "Mental health crisis moratorium"}, applied{" "}
        {date(b.applied_on)}
      </h3>
      <SummaryList
        rows={[
          ["Advice given", b.advice_on ? date(b.advice_on) : "Not recorded"],
          [
            "Eligibility checks",
            missing.length === 0 ? <Tag value="pass" text="All confirmed" /> : `Not confirmed: ${missing.join("; ")}`,
          ],
          ["Fee charged", b.fee_charged_pence === 0 ? "None" : `£${(b.fee_charged_pence / 100).toFixed(2)}`],
          [
            "Midway review",
            b.midway_review_on ? `${date(b.midway_review_on)}: ${label(b.midway_review_outcome ?? "")}` : "Not done",
          ],
          [
            "Creditors' review requests",
            b.creditor_reviews.length === 0
              ? "None"
              : b.creditor_reviews
                  .map((r) => `${r.creditor}, received ${date(r.received_on)}${r.decided_on ? `, decided ${date(r.decided_on)}` : ", not decided"}`)
                  .join("; "),
          ],
          ["Ended", b.ended_on ? date(b.ended_on) : "—"],
        ]}
      />
      {canWrite && b.kind === "standard" && !b.midway_review_on && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            review.mutate();
          }}
          noValidate
        >
          <h4 className="govuk-heading-s">Record the midway review (days 26 to 35)</h4>
          <ErrorSummary
            error={review.error}
            fields={{ midway_review_on: `bs-review-on-${b.id}`, midway_review_outcome: `bs-review-outcome-${b.id}` }}
          />
          <div className="cma-inline-form">
            <DateInput id={`bs-review-on-${b.id}`} name="midway_review_on" label="Review date" value={on} onChange={setOn} error={review.error} />
            <Select
              id={`bs-review-outcome-${b.id}`}
              name="midway_review_outcome"
              label="Outcome"
              value={outcome}
              onChange={setOutcome}
              options={[
                ["continues", "Still eligible: it continues"],
                ["cancel", "Conditions no longer met: cancel"],
                ["client_not_responded", "The client did not answer"],
              ]}
              error={review.error}
            />
          </div>
          <Button secondary busy={review.isPending}>
            Record the midway review
          </Button>
        </form>
      )}
    </div>
  );
}

function NewApplication({ caseId }: { caseId: string }) {
  const qc = useQueryClient();
  const [kind, setKind] = useState("standard");
  const [applied, setApplied] = useState(today());
  const [advised, setAdvised] = useState(today());
  const [checks, setChecks] = useState<Set<Check>>(new Set());
  const record = useMutation({
    mutationFn: async () => {
      checkDates({ advice_on: advised, applied_on: applied });
      return unwrap(
        await api.POST("/api/v1/cases/{case_id}/breathing-spaces", {
          params: { path: { case_id: caseId } },
          body: {
            kind: kind as Schemas["MoratoriumKind"],
            applied_on: applied,
            advice_on: advised || null,
            checks_confirmed: [...checks],
            fee_charged_pence: 0,
          },
        }),
      );
    },
    onSuccess: () => {
      setChecks(new Set());
      return qc.invalidateQueries({ queryKey: ["breathing-spaces", caseId] });
    },
  });
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        record.mutate();
      }}
      noValidate
    >
      <h3 className="govuk-heading-m">Record an application</h3>
      <ErrorSummary
        error={record.error}
        fields={{ kind: "bs-kind", applied_on: "bs-applied", advice_on: "bs-advised", checks_confirmed: "bs-check-individual" }}
      />
      <Select
        id="bs-kind"
        name="kind"
        label="Kind"
        value={kind}
        onChange={setKind}
        options={[
          ["standard", "Standard breathing space"],
          ["mental_health_crisis", "Mental health crisis moratorium"],
        ]}
        error={record.error}
      />
      <div className="cma-inline-form">
        <DateInput id="bs-advised" name="advice_on" label="Advice given on" value={advised} onChange={setAdvised} error={record.error} />
        <DateInput id="bs-applied" name="applied_on" label="Applied on" value={applied} onChange={setApplied} error={record.error} />
      </div>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Eligibility checks confirmed (reg 24(3))</legend>
        {CHECKS.map(([value, text]) => (
          <Checkbox
            key={value}
            id={`bs-check-${value}`}
            label={text}
            checked={checks.has(value)}
            onChange={(on) =>
              setChecks((prev) => {
                const next = new Set(prev);
                if (on) next.add(value);
                else next.delete(value);
                return next;
              })
            }
          />
        ))}
      </fieldset>
      <Button busy={record.isPending}>Record the application</Button>
    </form>
  );
}
