// The client's assets and circumstances that decide which debt solutions they can have: a
// DRO's asset and vehicle limits, bankruptcy's and a DRO's residence tests, and whether an
// insolvency procedure or moratorium is already in force. A fact left "not known" is sent
// as null: the options appraisal then says what is missing instead of guessing. The API
// replaces the whole record (If-Match), so what this form does not edit (pensions, past
// procedures, properties) is sent back as it was read.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { NOT_AN_AMOUNT, fieldProblem, ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { money, toPence, penceInput } from "../../components/format";
import { Button, Checkbox, ErrorSummary, Select, TextInput } from "../../components/forms";
import { QueryState, SuccessBanner, SummaryList } from "../../components/ui";
import { ClosedHint, useCaseOpen } from "./caseOpen";
import { fromYesNo, yesNo, yesNoOptions, type YesNo } from "../../components/yesNo";

type Facts = Schemas["CaseFinancialFacts"];
type Status = Schemas["CurrentStatus"];
const YES_NO = yesNoOptions("Not known");

export const IN_FORCE: ReadonlyArray<readonly [keyof Status, string]> = [
  ["in_breathing_space", "Breathing Space"],
  ["in_mental_health_crisis_moratorium", "Mental health crisis Breathing Space"],
  ["in_dro", "Debt relief order"],
  ["drro_or_drru", "Debt relief restrictions order or undertaking"],
  ["in_iva", "Individual voluntary arrangement"],
  ["in_interim_order", "Interim order (IVA proposal)"],
  ["undischarged_bankrupt", "Bankrupt, not yet discharged"],
  ["bro_or_bru", "Bankruptcy restrictions order or undertaking"],
  ["pending_debtor_petition", "Own bankruptcy application pending"],
  ["debtor_petition_referred_to_dro", "Bankruptcy application referred for a DRO"],
  ["pending_creditor_petition", "Creditor's bankruptcy petition pending"],
  ["petitioning_creditor_consents", "The petitioning creditor consents to a DRO"],
  ["in_trust_deed", "Protected trust deed (Scotland)"],
  ["in_map_or_sequestration", "Minimal asset process or sequestration (Scotland)"],
];

const RESIDENCE: ReadonlyArray<readonly [Exclude<keyof Schemas["ResidenceFacts"], "jurisdiction">, string]> = [
  ["domiciled", "Domiciled in this part of the UK"],
  ["ordinarily_resident", "Ordinarily resident here"],
  ["lived_there_last_year", "Lived here at some time in the last year"],
  ["connected_last_3_years", "Lived or had a business here in the last 3 years"],
];

/** Pounds typed to pence: null when left empty; a problem on `field` when not an amount. */
export function amount(text: string, field: string): number | null {
  if (!text.trim()) return null;
  const pence = toPence(text);
  if (pence === null || pence < 0) throw fieldProblem(field, NOT_AN_AMOUNT);
  return pence;
}

interface Row {
  key: number;
  description: string;
  value: string;
  finance: string;
  /** What the form does not edit of a row read from the API, sent back as it was. */
  rest: Record<string, unknown>;
}

/** "Yes", "No" or "Not known". */
function said(b: boolean | null | undefined): string {
  return b === true ? "Yes" : b === false ? "No" : "Not known";
}

function FactsSummary({ f }: { f: Facts }) {
  const vehicles = f.assets.vehicles ?? [];
  const others = f.assets.other_assets ?? [];
  const inForce = IN_FORCE.filter(([k]) => f.insolvency.current[k] === true).map(([, text]) => text);
  const statusKnown = IN_FORCE.some(([k]) => f.insolvency.current[k] !== null);
  return (
    <SummaryList
      rows={[
        ["Savings and cash", f.assets.savings_and_cash_pence === null ? "Not known" : money(f.assets.savings_and_cash_pence)],
        ["Owns property", said(f.assets.owns_property)],
        ["Vehicles", f.assets.vehicles === null ? "Not known" : vehicles.length ? vehicles.map((v) => `${v.description} (${money(v.value_pence)})`).join("; ") : "None"],
        ["Other assets", f.assets.other_assets === null ? "Not known" : others.length ? others.map((o) => `${o.description} (${money(o.value_pence)})`).join("; ") : "None"],
        ["Pensions", f.assets.pensions === null ? "Not known" : String((f.assets.pensions ?? []).length)],
        ["Unable to pay debts as they fall due", said(f.unable_to_pay_debts_as_due)],
        ...RESIDENCE.map(([k, text]) => [text, said(f.residence[k])] as [string, string]),
        ["In force now", inForce.length ? inForce.join("; ") : statusKnown ? "None" : "Not known"],
        ["Past procedures recorded", String((f.insolvency.previous ?? []).length)],
      ]}
    />
  );
}

function rowsOf(items: ReadonlyArray<{ description: string; value_pence: number | null; outstanding_finance_pence?: number | null }> | null): Row[] {
  return (items ?? []).map((item, i) => {
    const { description, value_pence, outstanding_finance_pence, ...rest } = item;
    return { key: i, description, value: penceInput(value_pence), finance: penceInput(outstanding_finance_pence), rest };
  });
}

function FactsForm({ caseId, facts, onSaved }: { caseId: string; facts: Facts; onSaved: () => void }) {
  const qc = useQueryClient();
  const [savings, setSavings] = useState(penceInput(facts.assets.savings_and_cash_pence));
  const [property, setProperty] = useState(yesNo(facts.assets.owns_property));
  const [vehicles, setVehicles] = useState<Row[]>(rowsOf(facts.assets.vehicles));
  const [others, setOthers] = useState<Row[]>(rowsOf(facts.assets.other_assets));
  const [unable, setUnable] = useState(yesNo(facts.unable_to_pay_debts_as_due));
  const [residence, setResidence] = useState(() => Object.fromEntries(RESIDENCE.map(([k]) => [k, yesNo(facts.residence[k])])) as Record<string, YesNo>);
  const known = IN_FORCE.some(([k]) => facts.insolvency.current[k] !== null);
  const [anyInForce, setAnyInForce] = useState<YesNo>(!known ? "" : IN_FORCE.some(([k]) => facts.insolvency.current[k] === true) ? "yes" : "no");
  const [inForce, setInForce] = useState(() => new Set(IN_FORCE.filter(([k]) => facts.insolvency.current[k] === true).map(([k]) => k)));
  const [next, setNext] = useState(1000);

  const save = useMutation({
    mutationFn: async () => {
      const rowsOut = (rows: Row[], list: string, withFinance: boolean) =>
        rows.map((r, i) => {
          if (!r.description.trim()) throw fieldProblem(`assets.${list}[${i}].description`, "say what it is");
          return {
            ...r.rest,
            description: r.description.trim(),
            value_pence: amount(r.value, `assets.${list}[${i}].value_pence`),
            ...(withFinance ? { outstanding_finance_pence: amount(r.finance, `assets.${list}[${i}].outstanding_finance_pence`) } : {}),
          };
        });
      const current = Object.fromEntries(IN_FORCE.map(([k]) => [k, anyInForce === "" ? null : anyInForce === "yes" && inForce.has(k)])) as Status;
      const { case_id: _c, centre_id: _ce, created_at: _cr, updated_at: _u, version: _v, ...kept } = facts;
      const body = {
        ...kept,
        assets: {
          ...facts.assets,
          savings_and_cash_pence: amount(savings, "assets.savings_and_cash_pence"),
          owns_property: fromYesNo(property),
          vehicles: rowsOut(vehicles, "vehicles", true),
          other_assets: rowsOut(others, "other_assets", false),
        },
        residence: { ...facts.residence, ...Object.fromEntries(RESIDENCE.map(([k]) => [k, fromYesNo(residence[k] ?? "")])) },
        insolvency: { ...facts.insolvency, current },
        unable_to_pay_debts_as_due: fromYesNo(unable),
      };
      return unwrap(
        await api.PUT("/api/v1/cases/{case_id}/financial-facts", {
          params: { path: { case_id: caseId }, header: ifMatch(facts.version) },
          body,
        }),
      );
    },
    onSuccess: (saved) => {
      qc.setQueryData(["financial-facts", caseId], saved);
      void qc.invalidateQueries({ queryKey: ["options", caseId] });
      onSaved();
    },
  });

  const fields: Record<string, string> = { "assets.savings_and_cash_pence": "facts-savings", "assets.owns_property": "facts-property", unable_to_pay_debts_as_due: "facts-unable" };
  const rowEditor = (what: string, list: "vehicles" | "other_assets", rows: Row[], set: (rows: Row[]) => void, withFinance: boolean) => (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-4">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{what === "vehicle" ? "Vehicles" : "Other assets of value"}</legend>
      {rows.length === 0 && <p className="govuk-body-s">None.</p>}
      {rows.map((r, i) => {
        const id = `facts-${list}-${r.key}`;
        fields[`assets.${list}[${i}].description`] = `${id}-description`;
        fields[`assets.${list}[${i}].value_pence`] = `${id}-value`;
        fields[`assets.${list}[${i}].outstanding_finance_pence`] = `${id}-finance`;
        const change = (patch: Partial<Row>) => set(rows.map((x) => (x.key === r.key ? { ...x, ...patch } : x)));
        return (
          <div className="cma-inline-form" key={r.key}>
            <TextInput id={`${id}-description`} name={`assets.${list}[${i}].description`} label={`${what === "vehicle" ? "Vehicle" : "Asset"} ${i + 1}`} value={r.description} onChange={(v) => change({ description: v })} error={save.error} />
            <TextInput id={`${id}-value`} name={`assets.${list}[${i}].value_pence`} label="Worth" prefix="£" width="5" inputMode="decimal" value={r.value} onChange={(v) => change({ value: v })} error={save.error} />
            {withFinance && (
              <TextInput id={`${id}-finance`} name={`assets.${list}[${i}].outstanding_finance_pence`} label="Finance owed on it" prefix="£" width="5" inputMode="decimal" value={r.finance} onChange={(v) => change({ finance: v })} error={save.error} />
            )}
            <Button type="button" secondary onClick={() => set(rows.filter((x) => x.key !== r.key))}>
              Remove<span className="govuk-visually-hidden"> {what} {i + 1}</span>
            </Button>
          </div>
        );
      })}
      <Button
        type="button"
        secondary
        onClick={() => {
          set([...rows, { key: next, description: "", value: "", finance: "", rest: {} }]);
          setNext(next + 1);
        }}
      >
        Add {what === "vehicle" ? "a vehicle" : "an asset"}
      </Button>
    </fieldset>
  );

  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <ErrorSummary error={save.error} fields={fields} />
      <TextInput id="facts-savings" name="assets.savings_and_cash_pence" label="Savings and cash" hint="Leave empty if not known" prefix="£" width="10" inputMode="decimal" value={savings} onChange={setSavings} error={save.error} />
      <Select id="facts-property" name="assets.owns_property" label="Owns property (a home or land)" value={property} onChange={(v) => setProperty(v as YesNo)} error={save.error} options={YES_NO} />
      {rowEditor("vehicle", "vehicles", vehicles, setVehicles, true)}
      {rowEditor("asset", "other_assets", others, setOthers, false)}
      <Select id="facts-unable" name="unable_to_pay_debts_as_due" label="Unable to pay their debts as they fall due" value={unable} onChange={(v) => setUnable(v as YesNo)} error={save.error} options={YES_NO} />
      <fieldset className="govuk-fieldset govuk-!-margin-bottom-4">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Where the client lives (for a DRO or bankruptcy)</legend>
        {RESIDENCE.map(([k, text]) => (
          <Select key={k} id={`facts-residence-${k}`} name={`residence.${k}`} label={text} value={residence[k] ?? ""} onChange={(v) => setResidence({ ...residence, [k]: v as YesNo })} error={save.error} options={YES_NO} />
        ))}
      </fieldset>
      <Select
        id="facts-in-force"
        name="insolvency.current"
        label="Is an insolvency procedure or a Breathing Space in force now?"
        value={anyInForce}
        onChange={(v) => setAnyInForce(v as YesNo)}
        error={save.error}
        options={YES_NO}
      />
      {anyInForce === "yes" && (
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-4">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Which</legend>
          {IN_FORCE.map(([k, text]) => (
            <Checkbox
              key={k}
              id={`facts-in-force-${k}`}
              label={text}
              checked={inForce.has(k)}
              onChange={(on) => {
                const s = new Set(inForce);
                if (on) s.add(k);
                else s.delete(k);
                setInForce(s);
              }}
            />
          ))}
        </fieldset>
      )}
      <Button busy={save.isPending}>Save assets and circumstances</Button>
    </form>
  );
}

export function Assets({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const open = useCaseOpen();
  const [saved, setSaved] = useState(0);
  const facts = useQuery({
    queryKey: ["financial-facts", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/financial-facts", { params: { path: { case_id: caseId } } })),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Assets and circumstances</h2>
      <p className="govuk-body">What decides which debt solutions the client can have. Leave a fact not known rather than guess: the options appraisal then says what it still needs.</p>
      {saved > 0 && <SuccessBanner key={saved} text="The client's assets and circumstances are saved." />}
      <QueryState query={facts} what="the client's assets and circumstances">
        {(f) => (
          <>
            <FactsSummary f={f} />
            {can("finance:write") && !open && <ClosedHint what="its assets and circumstances" />}
            {can("finance:write") && open && (
              <details className="govuk-details" key={f.version}>
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">Change the assets and circumstances</span>
                </summary>
                <div className="govuk-details__text">
                  <FactsForm caseId={caseId} facts={f} onSaved={() => setSaved((n) => n + 1)} />
                </div>
              </details>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
