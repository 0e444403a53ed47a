// Eligibility per option (CR-12): whether the client can use each debt solution, and why.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { dateTime, label } from "../../components/format";
import { Button, ErrorSummary, Select, TextInput } from "../../components/forms";
import { QueryState, ScrollBox, Tag } from "../../components/ui";
import { ClosedHint, useCaseOpen } from "./caseOpen";

type Solution = Schemas["Solution"];
export const SOLUTIONS: Solution[] = [
  "dro", "map", "bankruptcy", "sequestration", "iva", "trust_deed", "dmp", "administration_order", "breathing_space",
  "mental_health_crisis_moratorium", "token_payments", "full_and_final_settlement", "write_off_request", "no_solution_needed",
];
const NAMES: Partial<Record<Solution, string>> = { dro: "Debt relief order (DRO)", map: "Minimal asset process (MAP)", iva: "IVA", dmp: "Debt management plan (DMP)" };

export function Eligibility({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const open = useCaseOpen();
  const qc = useQueryClient();
  const [solution, setSolution] = useState<string>("dro");
  const [eligible, setEligible] = useState("yes");
  const [reason, setReason] = useState("");
  const elig = useQuery({
    queryKey: ["eligibility", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/eligibility", { params: { path: { case_id: caseId } } })),
  });
  const save = useMutation({
    mutationFn: async (version: number) =>
      unwrap(
        await api.PUT("/api/v1/cases/{case_id}/eligibility/{solution}", {
          params: { path: { case_id: caseId, solution }, header: ifMatch(version) },
          body: { eligible: eligible === "yes", reason },
        }),
      ),
    onSuccess: (data) => {
      qc.setQueryData(["eligibility", caseId], data);
      setReason("");
    },
  });
  return (
    <>
      <h2 className="govuk-heading-l">Eligibility per option</h2>
      <QueryState query={elig} what="eligibility">
        {(e) => {
          const by = new Map(e.decisions.map((d) => [d.solution, d]));
          return (
            <>
              <ScrollBox>
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-table__caption--s">Recorded for each option</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">Option</th>
                      <th scope="col" className="govuk-table__header">Eligible</th>
                      <th scope="col" className="govuk-table__header">Why</th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {SOLUTIONS.map((s) => {
                      const d = by.get(s);
                      return (
                        <tr className="govuk-table__row" key={s}>
                          <th scope="row" className="govuk-table__header">{NAMES[s] ?? label(s)}</th>
                          <td className="govuk-table__cell">{d ? <Tag value={d.eligible ? "eligible" : "not_eligible"} /> : "Not recorded"}</td>
                          <td className="govuk-table__cell">{d ? `${d.reason} (${dateTime(d.at)})` : "—"}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollBox>
              {!open && can("finance:write") && <ClosedHint what="eligibility" verb="recorded" />}
              {open && can("finance:write") && (
                <form
                  onSubmit={(ev: FormEvent) => {
                    ev.preventDefault();
                    save.mutate(e.version);
                  }}
                  noValidate
                >
                  <h3 className="govuk-heading-m">Record eligibility</h3>
                  <ErrorSummary error={save.error} fields={{ solution: "elig-solution", eligible: "elig-eligible", reason: "elig-reason" }} />
                  <div className="cma-inline-form">
                    <Select id="elig-solution" name="solution" label="Option" value={solution} onChange={setSolution} options={SOLUTIONS.map((s) => [s, NAMES[s] ?? label(s)] as const)} error={save.error} />
                    <Select id="elig-eligible" name="eligible" label="Eligible" value={eligible} onChange={setEligible} options={[["yes", "Yes"], ["no", "No"]]} error={save.error} />
                  </div>
                  <TextInput id="elig-reason" name="reason" label="Why" value={reason} onChange={setReason} error={save.error} />
                  <Button busy={save.isPending}>Record eligibility</Button>
                </form>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
