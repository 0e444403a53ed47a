// Threshold overrides: the centre's own figure in place of a national one (a DRO limit, a
// fee, a period), each with its reason and the date it applies from, and the national
// figure it sets aside. The list is saved as a whole under If-Match; the rules read the
// centre's figure from its date.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, today, penceInput } from "../../components/format";
import { Button, ErrorSummary, Select, TextInput } from "../../components/forms";
import { DateInput, checkDates } from "../../components/DateInput";
import { QueryState, Tag } from "../../components/ui";

type View = Schemas["ThresholdsOut"];
type National = Schemas["NationalFigureOut"];
export type Draft = { jurisdiction: Schemas["Jurisdiction"]; param: string; value: string; effective_from: string; reason: string };

const JURISDICTIONS: Record<string, string> = { EW: "England and Wales", SCO: "Scotland", NI: "Northern Ireland" };

/** A figure's value for people: pence as pounds, other units as counted. */
export function shown(value: number, unit: string): string {
  if (unit === "pence") return `£${(value / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (unit === "flag") return value ? "yes" : "no";
  if (unit === "pence_per_pound") return `${value}p in the £`;
  return `${value} ${unit}`;
}

/** The typed value in the figure's unit (pounds typed for pence), or null when not a number. */
export function parseValue(text: string, unit: string): number | null {
  const t = text.replace(/[£,\s]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return unit === "pence" ? Math.round(Number(t) * 100) : Math.trunc(Number(t));
}

export function overridesBody(drafts: Draft[], units: Map<string, string>): Schemas["ThresholdsIn"] {
  return {
    overrides: drafts.map((d) => {
      const unit = units.get(`${d.jurisdiction}:${d.param}`) ?? "count";
      return { jurisdiction: d.jurisdiction, param: d.param, value: parseValue(d.value, unit) ?? -1, effective_from: d.effective_from, reason: d.reason.trim() };
    }),
  };
}

function fromView(v: View): Draft[] {
  return v.overrides.map((o) => ({
    jurisdiction: o.jurisdiction,
    param: o.param,
    value: o.unit === "pence" ? penceInput(o.value) : String(o.value),
    effective_from: o.effective_from,
    reason: o.reason,
  }));
}

function Editor({ view }: { view: View }) {
  const qc = useQueryClient();
  const [drafts, setDrafts] = useState<Draft[]>(() => fromView(view));
  useEffect(() => setDrafts(fromView(view)), [view]);
  const national = new Map(view.national.map((n) => [`${n.jurisdiction}:${n.param}`, n]));
  const units = new Map(view.national.map((n) => [`${n.jurisdiction}:${n.param}`, n.unit as string]));
  const [pick, setPick] = useState(view.national[0] ? `${view.national[0].jurisdiction}:${view.national[0].param}` : "");
  const save = useMutation({
    mutationFn: async () => {
      checkDates(Object.fromEntries(drafts.map((d, i) => [`overrides[${i}].effective_from`, d.effective_from])));
      return unwrap(await api.PUT("/api/v1/centre/thresholds", { params: { header: ifMatch(view.version) }, body: overridesBody(drafts, units) }));
    },
    onSuccess: (v) => qc.setQueryData(["thresholds"], v),
  });
  const set = (i: number, k: keyof Draft) => (value: string) => setDrafts((old) => old.map((d, j) => (j === i ? { ...d, [k]: value } : d)));
  const fields: Record<string, string> = {};
  drafts.forEach((_, i) => {
    for (const k of ["value", "effective_from", "reason", "param"]) fields[`overrides[${i}].${k}`] = `override-${i}-${k === "param" ? "value" : k}`;
  });
  const add = () => {
    const n = national.get(pick);
    if (!n || drafts.some((d) => `${d.jurisdiction}:${d.param}` === pick)) return;
    setDrafts((old) => [...old, { jurisdiction: n.jurisdiction, param: n.param, value: "", effective_from: today(), reason: "" }]);
  };
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <ErrorSummary error={save.error} fields={fields} />
      {save.isSuccess && (
        <div className="govuk-inset-text" role="status">
          Overrides saved. The rules use the centre's figures from their dates.
        </div>
      )}
      {drafts.length === 0 && <p className="govuk-body">The centre uses every national figure.</p>}
      {drafts.map((d, i) => {
        const n: National | undefined = national.get(`${d.jurisdiction}:${d.param}`);
        const saved = view.overrides.find((o) => o.jurisdiction === d.jurisdiction && o.param === d.param);
        const unit = n?.unit ?? saved?.unit ?? "count";
        return (
          <fieldset className="govuk-fieldset cma-card govuk-!-margin-bottom-4" key={`${d.jurisdiction}:${d.param}`}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              {d.param} ({JURISDICTIONS[d.jurisdiction] ?? d.jurisdiction}) {saved && <Tag value="accepted" text="saved" />}
            </legend>
            <p className="govuk-body-s">
              National figure today: {n ? `${n.display} (${n.source})` : "none"}
              {saved?.national_value != null && <>; when saved it overrode {shown(saved.national_value, saved.unit)} ({saved.national_source})</>}
            </p>
            <TextInput
              id={`override-${i}-value`}
              name={`overrides[${i}].value`}
              label="The centre's figure"
              hint={unit === "pence" ? "In pounds" : `In ${unit.replace(/_/g, " ")}`}
              prefix={unit === "pence" ? "£" : undefined}
              inputMode="decimal"
              width="10"
              value={d.value}
              onChange={set(i, "value")}
              error={save.error}
            />
            <DateInput id={`override-${i}-effective_from`} name={`overrides[${i}].effective_from`} label="Applies from" value={d.effective_from} onChange={set(i, "effective_from")} error={save.error} />
            <TextInput id={`override-${i}-reason`} name={`overrides[${i}].reason`} label="Reason" value={d.reason} onChange={set(i, "reason")} error={save.error} />
            <Button type="button" secondary onClick={() => setDrafts((old) => old.filter((_, j) => j !== i))}>
              Remove<span className="govuk-visually-hidden"> the override of {d.param}</span>
            </Button>
          </fieldset>
        );
      })}
      <div className="cma-inline-form">
        <Select
          id="override-pick"
          label="Figure to override"
          value={pick}
          onChange={setPick}
          options={view.national.map((n) => [`${n.jurisdiction}:${n.param}`, `${n.param} (${n.jurisdiction}): ${n.display}`] as const)}
        />
        <Button type="button" secondary onClick={add}>
          Add an override
        </Button>
      </div>
      <Button busy={save.isPending}>Save overrides</Button>
    </form>
  );
}

export function ThresholdsPage() {
  const { can } = useMe();
  const view = useQuery({ queryKey: ["thresholds"], queryFn: async () => unwrap(await api.GET("/api/v1/centre/thresholds")) });
  return (
    <>
      <h1 className="govuk-heading-xl">Threshold overrides</h1>
      <p className="govuk-body">
        The rules use national figures (debt limits, fees, periods), each with its source and the date it applies from. Where the
        centre has a reason to use its own figure, set it here with the reason and its date.
      </p>
      <QueryState query={view} what="the thresholds">
        {(v) =>
          can("centre:settings") ? (
            <Editor view={v} />
          ) : (
            <ul className="govuk-list">
              {v.overrides.length === 0 && <li>No overrides: every national figure applies.</li>}
              {v.overrides.map((o) => (
                <li key={`${o.jurisdiction}:${o.param}`}>
                  {o.param} ({o.jurisdiction}): {shown(o.value, o.unit)} from {date(o.effective_from)} — {o.reason}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
