import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { api } from "../../api/client";
import { ApiError, unwrap } from "../../api/problem";
import { date } from "../../components/format";
import { Button, ErrorSummary, TextArea } from "../../components/forms";
import { QueryState, SummaryList, Tag, WarningText } from "../../components/ui";
import { NotFound } from "../NotFound";
import { onChecklist, suggestedAnswer, type AnswerCode } from "./data";

const ANSWERS: ReadonlyArray<readonly [AnswerCode, string]> = [
  ["met", "Met"],
  ["not_met", "Not met"],
  ["not_applicable", "Not applicable"],
];

/** One checklist item: a GOV.UK inline radio group, one fieldset per rule. */
export function AnswerRadios({
  ruleId,
  question,
  hint,
  value,
  onChange,
}: {
  ruleId: string;
  question: string;
  hint?: string;
  value: AnswerCode | undefined;
  onChange: (value: AnswerCode) => void;
}) {
  const id = `answer-${ruleId}`;
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" id={id} aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
          {ruleId}: {question}
        </legend>
        {hint && (
          <div className="govuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        <div className="govuk-radios govuk-radios--small govuk-radios--inline">
          {ANSWERS.map(([code, text]) => (
            <div className="govuk-radios__item" key={code}>
              <input
                className="govuk-radios__input"
                id={`${id}-${code}`}
                name={id}
                type="radio"
                value={code}
                checked={value === code}
                onChange={() => onChange(code)}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={`${id}-${code}`}>
                {text}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function ReviewPage() {
  const { caseId = "" } = useParams();
  const qc = useQueryClient();
  const kase = useQuery({
    queryKey: ["case", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}", { params: { path: { case_id: caseId } } })),
  });
  const compliance = useQuery({
    queryKey: ["compliance", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/compliance", { params: { path: { case_id: caseId } } })),
  });
  const [answers, setAnswers] = useState<Record<string, AnswerCode>>({});
  const [actions, setActions] = useState("");
  // The stored findings prefill the checklist; the reviewer changes what they judge otherwise.
  useEffect(() => {
    if (!compliance.data) return;
    const start: Record<string, AnswerCode> = {};
    for (const f of compliance.data.findings.filter((x) => onChecklist(x.rule_id))) {
      const a = suggestedAnswer(f.status);
      if (a) start[f.rule_id] = a;
    }
    setAnswers(start);
  }, [compliance.data]);

  const record = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST("/api/v1/qa/reviews", { body: { case_id: caseId, answers, actions: actions.trim() || null } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["qa"] }),
  });

  if (kase.error instanceof ApiError && [400, 404, 422].includes(kase.error.status)) return <NotFound what="Case" />;
  const findings = (compliance.data?.findings ?? []).filter((f) => onChecklist(f.rule_id));
  const unanswered = findings.filter((f) => !answers[f.rule_id]).length;
  return (
    <QueryState query={kase} what="the case">
      {(c) => (
        <>
          <h1 className="govuk-heading-xl">Review case {c.reference}</h1>
          <SummaryList
            rows={[
              ["Client", c.client_name ?? "—"],
              ["Adviser", c.adviser_name ?? "—"],
              ["Status", <Tag key="s" value={c.status} />],
              ["Closed", date(c.closed_at)],
              ["Case", <Link key="l" className="govuk-link" to={`/cases/${c.id}`}>Open the case file</Link>],
            ]}
          />
          {c.status !== "closed" && (
            <WarningText>
              File reviews sample closed cases: this one is still open.
            </WarningText>
          )}
          {record.isSuccess ? (
            <div className="govuk-panel govuk-panel--confirmation" role="status">
              <h2 className="govuk-panel__title">Review recorded</h2>
              <div className="govuk-panel__body">
                Score {record.data.percent}%: {record.data.passed ? "passed" : "not passed"}
              </div>
            </div>
          ) : (
            <form
              noValidate
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                record.mutate();
              }}
            >
              <ErrorSummary
                error={record.error}
                fields={{ case_id: "review-case", answers: findings[0] ? `answer-${findings[0].rule_id}` : "review-actions", actions: "review-actions" }}
              />
              <h2 className="govuk-heading-m" id="review-case">
                Checklist
              </h2>
              <p className="govuk-body">
                One item per compliance rule, filled in from the case's stored findings. An item left unanswered counts as not
                met. {unanswered > 0 && <strong>{unanswered} not answered yet.</strong>}
              </p>
              <QueryState query={compliance} what="the case's findings">
                {() => (
                  <>
                    {findings.map((f) => (
                      <AnswerRadios
                        key={f.rule_id}
                        ruleId={f.rule_id}
                        question={f.message}
                        hint={`Stored finding: ${f.status.replace(/_/g, " ")}${f.fix ? `. ${f.fix}` : ""}`}
                        value={answers[f.rule_id]}
                        onChange={(v) => setAnswers((a) => ({ ...a, [f.rule_id]: v }))}
                      />
                    ))}
                  </>
                )}
              </QueryState>
              <TextArea
                id="review-actions"
                name="actions"
                label="Actions for the adviser"
                hint="What must change, and by when"
                value={actions}
                onChange={setActions}
                error={record.error}
              />
              <Button busy={record.isPending}>Record review</Button>
            </form>
          )}
          <p className="govuk-body">
            <Link className="govuk-link" to="/supervision/qa">
              Back to file reviews
            </Link>
          </p>
        </>
      )}
    </QueryState>
  );
}
