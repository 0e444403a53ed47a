import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { ifMatch, unwrap } from "../../api/problem";
import { Button, ErrorSummary, TextInput } from "../../components/forms";
import { QueryState } from "../../components/ui";

type Policy = Schemas["PolicyOut"];
type Key = Exclude<keyof Schemas["PolicyIn"], never>;

export const POLICY_FIELDS: ReadonlyArray<readonly [Key, string, string]> = [
  ["written_advice_working_days", "Written advice within (working days)", "After advice is given, the letter confirming it is due within this many working days"],
  ["file_review_quota", "File reviews per adviser", "Closed cases reviewed per adviser in each review period"],
  ["file_review_period_months", "File review period (months)", "1 to 12"],
  ["retention_years", "Keep closed files for (years)", "After closure, before disposal"],
  ["disposal_grace_days", "Disposal grace (days)", "Time to act on a file due for disposal"],
  ["complaint_final_response_days", "Complaint final response within (days)", ""],
  ["dp_complaint_ack_days", "Data protection complaint acknowledged within (days)", ""],
  ["vulnerability_review_tolerance_days", "Vulnerability review tolerance (days)", "Late reviews within this many days are not flagged"],
];

/** The typed values as the API's body: whole numbers as numbers; empty left out (its
 * default); anything else sent as typed so that the API's problem names the field. */
export function policyBody(values: Record<string, string>): Schemas["PolicyIn"] {
  const body: Record<string, unknown> = {};
  for (const [key] of POLICY_FIELDS) {
    const t = (values[key] ?? "").trim();
    if (t === "") continue;
    body[key] = /^-?\d+$/.test(t) ? Number(t) : t;
  }
  return body as Schemas["PolicyIn"];
}

export function PolicyPage() {
  const qc = useQueryClient();
  const policy = useQuery({
    queryKey: ["policy"],
    queryFn: async () => unwrap(await api.GET("/api/v1/compliance/policy")),
  });
  const [values, setValues] = useState<Record<string, string>>({});
  useEffect(() => {
    if (policy.data) setValues(Object.fromEntries(POLICY_FIELDS.map(([k]) => [k, String(policy.data[k as keyof Policy])])));
  }, [policy.data]);
  const save = useMutation({
    mutationFn: async (version: number) =>
      unwrap(await api.PUT("/api/v1/compliance/policy", { params: { header: ifMatch(version) }, body: policyBody(values) })),
    onSuccess: (data) => qc.setQueryData(["policy"], data),
  });
  return (
    <>
      <h1 className="govuk-heading-xl">Compliance policy</h1>
      <QueryState query={policy} what="the policy">
        {(p) => (
          <form
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              save.mutate(p.version);
            }}
          >
            <ErrorSummary error={save.error} fields={Object.fromEntries(POLICY_FIELDS.map(([k]) => [k, `policy-${k}`]))} />
            <p className="govuk-body">
              {p.defaults ? "The centre uses the defaults: no policy saved yet." : `Version ${p.version}.`} The rules use these values; a value left
              empty takes its default. Stored findings follow on each case's next change.
            </p>
            {save.isSuccess && (
              <div className="govuk-inset-text" role="status">
                Policy saved (version {save.data.version}).
              </div>
            )}
            {POLICY_FIELDS.map(([k, title, hint]) => (
              <TextInput
                key={k}
                id={`policy-${k}`}
                name={k}
                label={title}
                hint={hint || undefined}
                value={values[k] ?? ""}
                onChange={(v) => setValues((old) => ({ ...old, [k]: v }))}
                error={save.error}
                inputMode="numeric"
                width="4"
              />
            ))}
            <Button busy={save.isPending}>Save policy</Button>
          </form>
        )}
      </QueryState>
    </>
  );
}
