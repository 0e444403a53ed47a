import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Schemas } from "../../api/client";
import { everyItem } from "../../api/pages";
import { unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, label, money, today } from "../../components/format";
import { Button, ErrorSummary, Select, TextArea } from "../../components/forms";
import { DateInput, checkDates } from "../../components/DateInput";
import { QueryState, ScrollBox, Tag } from "../../components/ui";

const SOLUTIONS = [
  "dmp", "dro", "bankruptcy", "iva", "administration_order", "breathing_space", "token_payments",
  "full_and_final_settlement", "write_off_request", "no_solution_needed",
] as const;

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
      {can("finance:write") && (
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
      {can("finance:write") && <AdviceForm caseId={caseId} onDate={onDate} jurisdiction={jurisdiction} />}
      <QueryState query={advice} what="advice records">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No advice recorded yet.</p>
          ) : (
            <ul className="govuk-list">
              {page.items.map((r) => (
                <li key={r.id}>
                  {date(r.on_date)}: recommended {label(r.recommended)}; client decision {label(r.client_decision)}. {r.reasons}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
