import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { label, money, toPence } from "../../components/format";
import { SfsLineSelect, useSfsLines } from "../../components/SfsLineSelect";
import { Button, Checkbox, ErrorSummary } from "../../components/forms";
import { QueryState, ScrollBox, SummaryList, Tag } from "../../components/ui";
import { ClosedHint, useCaseOpen } from "./caseOpen";

const FREQUENCIES = ["weekly", "fortnightly", "four_weekly", "monthly", "quarterly", "yearly"] as const;
type Row = { key: string; amount: string; frequency: string; note: string | null };

function BudgetEditor({ caseId, out }: { caseId: string; out: Schemas["BudgetOut"] }) {
  const qc = useQueryClient();
  const catalogue = useSfsLines();
  const named = new Map((catalogue.data?.items ?? []).map((l) => [l.key, l.label]));
  const lineName = (key: string) => named.get(key) ?? label(key);
  const [rows, setRows] = useState<Row[]>(
    Object.values(out.budget.lines).map((l) => ({ key: l.key, amount: (l.amount_pence / 100).toFixed(2), frequency: l.frequency, note: l.note })),
  );
  const [newKey, setNewKey] = useState("");
  const [complete, setComplete] = useState(Boolean(out.completed_at));
  const save = useMutation({
    mutationFn: async () => {
      const lines: Record<string, Schemas["LineIn"]> = {};
      for (const r of rows) lines[r.key] = { amount_pence: toPence(r.amount) ?? Number.NaN, frequency: r.frequency as Schemas["LineIn"]["frequency"], note: r.note };
      return unwrap(
        await api.PUT("/api/v1/cases/{case_id}/budget", {
          params: { path: { case_id: caseId }, header: ifMatch(out.version) },
          body: {
            lines,
            complete,
            household: out.budget.household,
            category_notes: out.budget.category_notes,
            other_essentials: out.budget.other_essentials,
            debt_admin_fee_pence: out.budget.debt_admin_fee_pence,
            savings_contribution_pence: out.budget.savings_contribution_pence,
          },
        }),
      );
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["budget", caseId] }),
  });
  const fields = Object.fromEntries(rows.map((r) => [`lines.${r.key}.amount_pence`, `line-${r.key}`]));
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <ErrorSummary error={save.error} fields={fields} />
      <ScrollBox>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Income and spending</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Line</th>
              <th scope="col" className="govuk-table__header">Amount (£)</th>
              <th scope="col" className="govuk-table__header">How often</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((r, i) => (
              <tr className="govuk-table__row" key={r.key}>
                <th scope="row" className="govuk-table__header">
                  <label htmlFor={`line-${r.key}`}>{lineName(r.key)}</label>
                </th>
                <td className="govuk-table__cell">
                  <input
                    id={`line-${r.key}`}
                    className="govuk-input govuk-input--width-5"
                    inputMode="decimal"
                    value={r.amount}
                    onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)))}
                  />
                </td>
                <td className="govuk-table__cell">
                  <select
                    className="govuk-select"
                    aria-label={`How often: ${lineName(r.key)}`}
                    value={r.frequency}
                    onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, frequency: e.target.value } : x)))}
                  >
                    {FREQUENCIES.map((f) => (
                      <option key={f} value={f}>
                        {label(f)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <div className="cma-inline-form">
        <SfsLineSelect
          id="new-line-key"
          label="Add a line"
          value={newKey}
          onChange={setNewKey}
          sections={["income", "fixed", "flexible"]}
          leaveOut={new Set(rows.map((r) => r.key))}
        />
        <Button
          secondary
          type="button"
          onClick={() => {
            if (newKey && !rows.some((r) => r.key === newKey)) setRows([...rows, { key: newKey, amount: "0.00", frequency: "monthly", note: null }]);
            setNewKey("");
          }}
        >
          Add line
        </Button>
      </div>
      <Checkbox id="budget-complete" label="The budget is complete" checked={complete} onChange={setComplete} />
      <Button busy={save.isPending}>Save budget</Button>
    </form>
  );
}

export function Budget({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const open = useCaseOpen();
  const budget = useQuery({
    queryKey: ["budget", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/budget", { params: { path: { case_id: caseId } } })),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Budget (Standard Financial Statement)</h2>
      <QueryState query={budget} what="the budget">
        {(b) => (
          <>
            <SummaryList
              rows={[
                ["Income (monthly)", money(b.summary.total_income_pence)],
                ["Outgoings (monthly)", money(b.summary.total_outgoings_pence)],
                ["Income less outgoings", money(b.summary.income_minus_outgoings_pence)],
                ["Available for priority debts", money(b.summary.available_for_priority_pence)],
                ["Available for other debts", money(b.summary.available_for_non_priority_pence)],
                ["Complete", b.completed_at ? "Yes" : "Not yet"],
              ]}
            />
            {b.guidelines.some((g) => g.flagged) && (
              <>
                <h3 className="govuk-heading-m">Spending above the guidelines</h3>
                <ul className="govuk-list">
                  {b.guidelines
                    .filter((g) => g.flagged)
                    .map((g) => (
                      <li key={g.category}>
                        <Tag value="medium" text={label(g.status)} /> {label(g.category)}: {money(g.spent_pence)} against {money(g.guideline_pence)}{" "}
                        {g.message}
                      </li>
                    ))}
                </ul>
              </>
            )}
            {!open ? (
              <ClosedHint what="its budget" />
            ) : can("finance:write") ? (
              <BudgetEditor key={b.version} caseId={caseId} out={b} />
            ) : (
              <p className="govuk-body">Your role can read the budget but not change it.</p>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
