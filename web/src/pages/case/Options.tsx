import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Schemas } from "../../api/client";
import { everyItem } from "../../api/pages";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, label, money, today } from "../../components/format";
import { Button, ErrorSummary, Select, TextArea } from "../../components/forms";
import { DateInput, checkDates } from "../../components/DateInput";
import { QueryState, ScrollBox, Tag } from "../../components/ui";
import { ClosedHint, useCaseOpen } from "./caseOpen";
import { SavedAppraisals } from "./SavedAppraisals";

const SOLUTIONS = [
  "dmp", "dro", "bankruptcy", "iva", "administration_order", "breathing_space", "token_payments",
  "full_and_final_settlement", "write_off_request", "no_solution_needed",
] as const;

type AdviceRecord = Schemas["AdviceRecord"];
type Decision = Schemas["ClientDecision"];

export const DECISIONS: ReadonlyArray<readonly [Decision, string]> = [
  ["accepted", "Accepted the advice"],
  ["declined", "Declined it"],
  ["chose_other", "Chose another option"],
  ["undecided", "Not decided yet"],
];

/** "Accepted the advice" for a decision, as the form offers it. */
export function decisionText(d: Decision): string {
  return DECISIONS.find(([v]) => v === d)?.[1] ?? label(d);
}

/** The client's decision on one piece of advice, recorded when they make it (If-Match). */
function DecisionForm({ caseId, record }: { caseId: string; record: AdviceRecord }) {
  const qc = useQueryClient();
  const id = `decision-${record.id}`;
  const [decision, setDecision] = useState<Decision>(record.client_decision === "undecided" ? "accepted" : record.client_decision);
  const [notes, setNotes] = useState(record.decision_notes ?? "");
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PATCH("/api/v1/cases/{case_id}/advice/{advice_id}", {
          params: { path: { case_id: caseId, advice_id: record.id }, header: ifMatch(record.version) },
          body: { client_decision: decision, decision_notes: notes.trim() || null },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["advice", caseId] }),
  });
  return (
    <details className="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-2">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Record the client's decision<span className="govuk-visually-hidden"> on the advice of {date(record.on_date)}</span>
        </span>
      </summary>
      <form
        className="govuk-details__text"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        <ErrorSummary error={save.error} fields={{ client_decision: `${id}-decision`, decision_notes: `${id}-notes` }} />
        <Select id={`${id}-decision`} name="client_decision" label="The client's decision" value={decision} onChange={(v) => setDecision(v as Decision)} error={save.error} options={DECISIONS} />
        <TextArea id={`${id}-notes`} name="decision_notes" label="Notes (optional)" value={notes} onChange={setNotes} error={save.error} />
        <Button secondary busy={save.isPending}>
          Save the decision
        </Button>
      </form>
    </details>
  );
}

function AdviceForm({ caseId, onDate, jurisdiction }: { caseId: string; onDate: string; jurisdiction: string }) {
  const qc = useQueryClient();
  const [recommended, setRecommended] = useState<string>("dmp");
  const [reasons, setReasons] = useState("");
  const save = useMutation({
    mutationFn: async () => {
      checkDates({ on_date: onDate });
      return unwrap(
        await api.POST("/api/v1/cases/{case_id}/advice", {
          params: { path: { case_id: caseId } },
          body: {
            on_date: onDate,
            jurisdiction: jurisdiction as Schemas["AdviceIn"]["jurisdiction"],
            recommended: recommended as Schemas["AdviceIn"]["recommended"],
            reasons,
            client_decision: "undecided",
          },
        }),
      );
    },
    onSuccess: () => {
      setReasons("");
      void qc.invalidateQueries({ queryKey: ["advice", caseId] });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <h3 className="govuk-heading-m">Record the advice given</h3>
      <ErrorSummary error={save.error} fields={{ recommended: "advice-recommended", reasons: "advice-reasons", on_date: "options-date", jurisdiction: "options-jurisdiction" }} />
      <Select id="advice-recommended" name="recommended" label="Recommended solution" value={recommended} onChange={setRecommended} error={save.error} options={SOLUTIONS.map((x) => [x, label(x)] as const)} />
      <TextArea id="advice-reasons" name="reasons" label="Why this solution" value={reasons} onChange={setReasons} error={save.error} />
      <Button busy={save.isPending}>Record advice</Button>
    </form>
  );
}

export function Options({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const open = useCaseOpen();
  const qc = useQueryClient();
  const [onDate, setOnDate] = useState(today());
  const [jurisdiction, setJurisdiction] = useState<"EW" | "SCO" | "NI">("EW");
  const path = { case_id: caseId };
  const appraisal = useQuery({
    queryKey: ["options", caseId, onDate, jurisdiction],
    // (A date half typed is refused here, in words, without asking the API.)
    queryFn: async () => {
      checkDates({ date: onDate });
      return unwrap(await api.GET("/api/v1/cases/{case_id}/options", { params: { path, query: { date: onDate || null, jurisdiction } } }));
    },
  });
  const offers = useQuery({
    queryKey: ["offers", caseId],
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/cases/{case_id}/offers", { params: { path, query: at } }))),
  });
  const advice = useQuery({
    queryKey: ["advice", caseId],
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/cases/{case_id}/advice", { params: { path, query: at } }))),
  });
  const saveAppraisal = useMutation({
    mutationFn: async () => {
      checkDates({ date: onDate });
      return unwrap(await api.POST("/api/v1/cases/{case_id}/options", { params: { path, query: { date: onDate || null, jurisdiction } } }));
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["appraisals", caseId] }),
  });
  const plan = useMutation({
    mutationFn: async () => {
      checkDates({ on_date: onDate });
      return unwrap(await api.POST("/api/v1/cases/{case_id}/offers", { params: { path }, body: { on_date: onDate || null, jurisdiction, tokens_in_deficit: false } }));
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["offers", caseId] }),
  });

  return (
    <>
      <h2 className="govuk-heading-l">Options appraisal</h2>
      <div className="cma-inline-form">
        <DateInput id="options-date" label="On date" value={onDate} onChange={setOnDate} name="date" error={appraisal.error} />
        <Select
          id="options-jurisdiction"
          label="Jurisdiction"
          value={jurisdiction}
          onChange={(v) => setJurisdiction(v as "EW" | "SCO" | "NI")}
          options={[
            ["EW", "England and Wales"],
            ["SCO", "Scotland"],
            ["NI", "Northern Ireland"],
          ]}
        />
      </div>
      <QueryState query={appraisal} what="the options">
        {(a) => (
          <ScrollBox>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Debt solutions on {date(a.on_date)}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Solution</th>
                  <th scope="col" className="govuk-table__header">Result</th>
                  <th scope="col" className="govuk-table__header">Reasons (rule)</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {a.options.map((o) => (
                  <tr className="govuk-table__row" key={o.solution}>
                    <th scope="row" className="govuk-table__header">{label(o.solution)}</th>
                    <td className="govuk-table__cell">
                      <Tag value={o.status} />
                    </td>
                    <td className="govuk-table__cell">
                      <ul className="govuk-list govuk-body-s">
                        {o.reasons
                          .filter((r) => r.finding !== "pass")
                          .slice(0, 4)
                          .map((r) => (
                            <li key={r.rule_id + r.message}>
                              {r.message} <span className="govuk-hint">({r.rule_id})</span>
                            </li>
                          ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </QueryState>
      {!open && can("finance:write") && <ClosedHint what="appraisals and offers" verb="saved" />}
      {open && can("finance:write") && (
        <>
          <ErrorSummary error={saveAppraisal.error ?? plan.error} />
          {saveAppraisal.isSuccess && (
            <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
              <div className="govuk-notification-banner__content">
                <p className="govuk-notification-banner__heading">Appraisal saved on the case.</p>
              </div>
            </div>
          )}
          <div className="govuk-button-group">
            <Button type="button" secondary busy={saveAppraisal.isPending} onClick={() => saveAppraisal.mutate()}>
              Save this appraisal
            </Button>
            <Button type="button" busy={plan.isPending} onClick={() => plan.mutate()}>
              Plan offers
            </Button>
          </div>
        </>
      )}

      {can("finance:read") && <SavedAppraisals caseId={caseId} />}

      <h2 className="govuk-heading-l">Offers</h2>
      <QueryState query={offers} what="offers">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No offer plans yet.</p>
          ) : (
            page.items.slice(0, 1).map((p) => (
              <div key={p.id}>
                <p className="govuk-body">
                  Latest plan, {date(p.on_date)}: {money(p.available_for_non_priority_pence)} a month for non-priority debts
                  {p.uses_token_payments ? " (token payments)" : ""}.
                </p>
                <ScrollBox>
                  <table className="govuk-table">
                    <caption className="govuk-table__caption govuk-visually-hidden">Offers to creditors</caption>
                    <thead className="govuk-table__head">
                      <tr className="govuk-table__row">
                        <th scope="col" className="govuk-table__header">Creditor</th>
                        <th scope="col" className="govuk-table__header">Kind</th>
                        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Balance</th>
                        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Offer a month</th>
                      </tr>
                    </thead>
                    <tbody className="govuk-table__body">
                      {p.lines.map((l) => (
                        <tr className="govuk-table__row" key={l.debt_id}>
                          <td className="govuk-table__cell">{l.creditor}</td>
                          <td className="govuk-table__cell">{label(l.kind)}</td>
                          <td className="govuk-table__cell govuk-table__cell--numeric">{money(l.balance_pence)}</td>
                          <td className="govuk-table__cell govuk-table__cell--numeric">{money(l.amount_pence)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollBox>
                {p.notes.length > 0 && (
                  <ul className="govuk-list govuk-list--bullet">
                    {p.notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                )}
              </div>
            ))
          )
        }
      </QueryState>

      <h2 className="govuk-heading-l">Advice given</h2>
      {open && can("finance:write") && <AdviceForm caseId={caseId} onDate={onDate} jurisdiction={jurisdiction} />}
      <QueryState query={advice} what="advice records">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No advice recorded yet.</p>
          ) : (
            <ul className="govuk-list">
              {page.items.map((r) => (
                <li key={r.id}>
                  {date(r.on_date)}: recommended {r.recommended ? label(r.recommended) : "no solution"}. {r.reasons}
                  <br />
                  The client's decision: <strong>{decisionText(r.client_decision)}</strong>
                  {r.decision_notes && <>: {r.decision_notes}</>}
                  {open && can("case:write") && <DecisionForm key={`${r.id}:${r.version}`} caseId={caseId} record={r} />}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
