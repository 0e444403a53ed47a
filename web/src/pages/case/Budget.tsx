import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { fieldProblem, ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { label, money, toPence, penceInput } from "../../components/format";
import { SfsLineSelect, useSfsLines } from "../../components/SfsLineSelect";
import { Button, Checkbox, ErrorSummary, Field, Select, TextInput } from "../../components/forms";
import { QueryState, ScrollBox, SuccessBanner, SummaryList, Tag, WarningText } from "../../components/ui";
import { ClosedHint, useCaseOpen } from "./caseOpen";
import { downloadSfs } from "./download";
import { DetailsForm } from "../../components/DetailsForm";
import { DateInput, checkDates } from "../../components/DateInput";
import { fromYesNo, yesNo, yesNoOptions, type YesNo } from "../../components/yesNo";

const FREQUENCIES = ["weekly", "fortnightly", "four_weekly", "monthly", "quarterly", "yearly"] as const;

type Tenure = Schemas["Tenure"];
const TENURES: ReadonlyArray<Tenure> = ["Owner", "Mortgage", "Tenant - private sector", "Tenant - social", "Living with parents", "other"];
/** SFS-DDS v1.1's employment statuses (the API's SFS codec checks them on export). */
export const EMPLOYMENT = ["Full-time", "Part-time", "Unemployed", "Not working due to illness / disability", "Self-employed", "Retired", "Carer", "Student", "Other"] as const;
const COUNTS = [
  ["dependent_children_under_16", "Children under 16"],
  ["dependent_children_16_18", "Children aged 16 to 18"],
  ["other_dependants", "Other dependants"],
  ["non_dependants", "Other adults (non-dependants)"],
  ["vehicles", "Vehicles"],
] as const;
type Count = (typeof COUNTS)[number][0];
const SAID = yesNoOptions("Not recorded");
type Row = { key: string; amount: string; frequency: string; note: string | null };

/** A status list with ``first`` as its first entry (the one the form shows), or without
 * one when none is chosen; the rest as read. */
function withFirst(first: string, read: readonly string[]): string[] {
  return first ? [first, ...read.slice(1)] : read.slice(1);
}

/** The household as the API takes it; a count that is not a whole number is refused by its box. */
function householdBody(partner: boolean, tenure: string, counts: Record<Count, string>): Schemas["HouseholdIn"] {
  const n = (k: Count) => {
    const text = counts[k].trim();
    if (!/^\d{1,3}$/.test(text)) throw fieldProblem(`household.${k}`, "must be a whole number, like 2");
    return Number(text);
  };
  return {
    has_partner: partner,
    tenure: (tenure || null) as Tenure | null,
    dependent_children_under_16: n("dependent_children_under_16"),
    dependent_children_16_18: n("dependent_children_16_18"),
    other_dependants: n("other_dependants"),
    non_dependants: n("non_dependants"),
    vehicles: n("vehicles"),
  };
}

function BudgetEditor({ caseId, out, onSaved }: { caseId: string; out: Schemas["BudgetOut"]; onSaved: (text: string) => void }) {
  const qc = useQueryClient();
  const catalogue = useSfsLines();
  const named = new Map((catalogue.data?.items ?? []).map((l) => [l.key, l.label]));
  const lineName = (key: string) => named.get(key) ?? label(key);
  const [rows, setRows] = useState<Row[]>(
    Object.values(out.budget.lines).map((l) => ({ key: l.key, amount: penceInput(l.amount_pence), frequency: l.frequency, note: l.note })),
  );
  const [newKey, setNewKey] = useState("");
  const [complete, setComplete] = useState(Boolean(out.completed_at));
  const hh = out.budget.household;
  const [partner, setPartner] = useState(hh?.has_partner ?? false);
  const [counts, setCounts] = useState<Record<Count, string>>(() => Object.fromEntries(COUNTS.map(([k]) => [k, String(hh?.[k] ?? 0)])) as Record<Count, string>);
  const [tenure, setTenure] = useState<string>(hh?.tenure ?? "");
  const [employment, setEmployment] = useState<string>(out.details.client_employment_status[0] ?? "");
  const [partnerName, setPartnerName] = useState(out.details.partner_name ?? "");
  const [partnerBorn, setPartnerBorn] = useState(out.details.partner_date_of_birth ?? "");
  const [partnerWork, setPartnerWork] = useState<string>(out.details.partner_employment_status[0] ?? "");
  const [joint, setJoint] = useState(out.details.is_joint_application);
  const [savingsConsidered, setSavingsConsidered] = useState(yesNo(out.budget.savings_contribution_considered));
  const [assetsConsidered, setAssetsConsidered] = useState(yesNo(out.budget.asset_use_considered));
  const save = useMutation({
    mutationFn: async () => {
      if (partner) checkDates({ "details.partner_date_of_birth": partnerBorn });
      const lines: Record<string, Schemas["LineIn"]> = {};
      for (const r of rows) lines[r.key] = { amount_pence: toPence(r.amount) ?? Number.NaN, frequency: r.frequency as Schemas["LineIn"]["frequency"], note: r.note };
      return unwrap(
        await api.PUT("/api/v1/cases/{case_id}/budget", {
          params: { path: { case_id: caseId }, header: ifMatch(out.version) },
          body: {
            lines,
            complete,
            // The household is recorded once a tenure or a person is; until then it stays as read.
            household: tenure || partner || COUNTS.some(([k]) => counts[k].trim() !== "0") || hh ? householdBody(partner, tenure, counts) : null,
            details: { ...out.details, client_employment_status: withFirst(employment, out.details.client_employment_status), ...partnerDetails() },
            savings_contribution_considered: fromYesNo(savingsConsidered),
            asset_use_considered: fromYesNo(assetsConsidered),
            category_notes: out.budget.category_notes,
            other_essentials: out.budget.other_essentials,
            debt_admin_fee_pence: out.budget.debt_admin_fee_pence,
            savings_contribution_pence: out.budget.savings_contribution_pence,
          },
        }),
      );
    },
    onSuccess: (saved) => {
      // Said, and focused (the form is drawn afresh from the saved version, so the button
      // that was pressed is gone): the save is not silent for anyone.
      onSaved(`The budget is saved: income ${money(saved.summary.total_income_pence)} a month, outgoings ${money(saved.summary.total_outgoings_pence)}.`);
      void qc.invalidateQueries({ queryKey: ["budget", caseId] });
    },
  });
  /** The partner's details as the SFS holds them; none once the client has no partner. */
  function partnerDetails(): Partial<Schemas["SfsStatementDetails"]> {
    if (!partner) return { partner_name: null, partner_date_of_birth: null, partner_employment_status: [], partner_employment_status_other: null, is_joint_application: false };
    return {
      partner_name: partnerName.trim() || null,
      partner_date_of_birth: partnerBorn || null,
      partner_employment_status: withFirst(partnerWork, out.details.partner_employment_status),
      is_joint_application: joint,
    };
  }
  const fields: Record<string, string> = {
    ...Object.fromEntries(rows.map((r) => [`lines.${r.key}.amount_pence`, `line-${r.key}`])),
    ...Object.fromEntries(COUNTS.map(([k]) => [`household.${k}`, `household-${k}`])),
    "household.tenure": "household-tenure",
    "details.client_employment_status": "household-employment",
    "details.partner_name": "partner-name",
    "details.partner_date_of_birth": "partner-born",
    "details.partner_employment_status": "partner-work",
    savings_contribution_considered: "budget-savings-considered",
    asset_use_considered: "budget-assets-considered",
  };
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
      <fieldset className="govuk-fieldset govuk-!-margin-bottom-4">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Household</legend>
        <Checkbox id="household-partner" label="The client has a partner" checked={partner} onChange={setPartner} />
        {partner && (
          <div className="govuk-inset-text">
            <TextInput id="partner-name" name="details.partner_name" label="Partner's name" autoComplete="off" value={partnerName} onChange={setPartnerName} error={save.error} />
            <DateInput id="partner-born" name="details.partner_date_of_birth" label="Partner's date of birth" value={partnerBorn} onChange={setPartnerBorn} error={save.error} />
            <Select id="partner-work" name="details.partner_employment_status" label="Partner's work" value={partnerWork} onChange={setPartnerWork} error={save.error} options={[["", "Not recorded"], ...EMPLOYMENT.map((e) => [e, e] as const)]} />
            <Checkbox id="partner-joint" label="Joint statement: the budget holds both partners' income and spending" checked={joint} onChange={setJoint} />
          </div>
        )}
        <div className="cma-inline-form">
          {COUNTS.map(([k, text]) => (
            <TextInput key={k} id={`household-${k}`} name={`household.${k}`} label={text} width="2" inputMode="numeric" value={counts[k]} onChange={(v) => setCounts({ ...counts, [k]: v })} error={save.error} />
          ))}
        </div>
        <Select id="household-tenure" name="household.tenure" label="Housing" value={tenure} onChange={setTenure} error={save.error} options={[["", "Not recorded"], ...TENURES.map((t) => [t, t === "other" ? "Other" : t] as const)]} />
        <Select id="household-employment" name="details.client_employment_status" label="The client's work" value={employment} onChange={setEmployment} error={save.error} options={[["", "Not recorded"], ...EMPLOYMENT.map((e) => [e, e] as const)]} />
      </fieldset>
      <Select id="budget-savings-considered" name="savings_contribution_considered" label="Was a contribution to savings considered?" value={savingsConsidered} onChange={(v) => setSavingsConsidered(v as YesNo)} error={save.error} options={SAID} />
      <Select id="budget-assets-considered" name="asset_use_considered" label="Was using the client's assets considered?" value={assetsConsidered} onChange={(v) => setAssetsConsidered(v as YesNo)} error={save.error} options={SAID} />
      <Checkbox id="budget-complete" label="The budget is complete" checked={complete} onChange={setComplete} />
      <Button busy={save.isPending}>Save budget</Button>
    </form>
  );
}

/** An SFS another agency or tool exported (SFS-DDS v1.1, XML or JSON) imported as this
 * case's budget, with the version read (If-Match). The API checks it against the published
 * schema; a file that is not one is refused in its words and nothing changes. */
function ImportSfs({ caseId, version, onImported }: { caseId: string; version: number; onImported: (text: string) => void }) {
  const qc = useQueryClient();
  const file = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: async () => {
      const f = file.current?.files?.[0];
      if (!f) throw fieldProblem("file", "choose the statement's file (XML or JSON)");
      const format = /\.xml$/i.test(f.name) || f.type.includes("xml") ? "xml" : "json";
      const bytes = new Uint8Array(await f.arrayBuffer()); // as they are (an XML may declare its encoding)
      return unwrap(
        await api.POST("/api/v1/cases/{case_id}/sfs", {
          params: { path: { case_id: caseId }, query: { format }, header: ifMatch(version) },
          body: "",
          bodySerializer: () => bytes,
          headers: { "Content-Type": format === "xml" ? "application/xml" : "application/json" },
        }),
      );
    },
    onSuccess: (b) => {
      if (file.current) file.current.value = "";
      onImported(`Imported: the budget now holds the statement's figures (income ${money(b.summary.total_income_pence)} a month, outgoings ${money(b.summary.total_outgoings_pence)}).`);
      void qc.invalidateQueries({ queryKey: ["budget", caseId] });
      void qc.invalidateQueries({ queryKey: ["debts", caseId] });
    },
  });
  return (
    <DetailsForm summary="Import an SFS from another agency" onSubmit={() => upload.mutate()} className="govuk-!-margin-top-6">
        <ErrorSummary error={upload.error} fields={{ file: "sfs-file", body: "sfs-file" }} labels={{ body: "The statement:" }} />
        <WarningText>Importing replaces this budget: its lines, household and details become the statement's. When the case has no debts yet, the statement's debts are added too.</WarningText>
        <Field id="sfs-file" name="file" label="Statement file" hint="A Standard Financial Statement (SFS-DDS v1.1) as XML or JSON." error={upload.error}>
          {({ invalid, describedBy }) => (
            <input ref={file} id="sfs-file" name="file" className={`govuk-file-upload${invalid ? " govuk-file-upload--error" : ""}`} type="file" accept=".xml,.json,application/xml,text/xml,application/json" aria-describedby={describedBy} />
          )}
        </Field>
        <Button busy={upload.isPending}>Import the statement</Button>
    </DetailsForm>
  );
}

export function Budget({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const open = useCaseOpen();
  const sfs = useMutation({ mutationFn: async (format: "json" | "xml") => downloadSfs(caseId, format, `standard-financial-statement.${format}`) });
  const [news, setNews] = useState<{ seq: number; text: string } | null>(null);
  const told = (text: string) => setNews((n) => ({ seq: (n?.seq ?? 0) + 1, text }));
  const budget = useQuery({
    queryKey: ["budget", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/budget", { params: { path: { case_id: caseId } } })),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Budget (Standard Financial Statement)</h2>
      {news && <SuccessBanner key={news.seq} text={news.text} />}
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
            <p className="govuk-body">
              Download the statement to send to creditors:{" "}
              <button type="button" className="govuk-link cma-link-button" disabled={sfs.isPending} onClick={() => sfs.mutate("xml")}>
                SFS as XML
              </button>{" "}
              or{" "}
              <button type="button" className="govuk-link cma-link-button" disabled={sfs.isPending} onClick={() => sfs.mutate("json")}>
                SFS as JSON
              </button>
              .
            </p>
            <ErrorSummary error={sfs.error} />
            {!open ? (
              <ClosedHint what="its budget" />
            ) : can("finance:write") ? (
              <>
                <BudgetEditor key={b.version} caseId={caseId} out={b} onSaved={told} />
                <ImportSfs caseId={caseId} version={b.version} onImported={told} />
              </>
            ) : (
              <p className="govuk-body">Your role can read the budget but not change it.</p>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
