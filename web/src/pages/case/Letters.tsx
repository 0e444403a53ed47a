import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { caseDebts, everyItem } from "../../api/pages";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { dateTime, label } from "../../components/format";
import { Button, ErrorSummary, Select } from "../../components/forms";
import { QueryState, SuccessBanner } from "../../components/ui";
import { downloadLetter } from "./download";

export function Letters({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const qc = useQueryClient();
  const [kind, setKind] = useState("");
  const [shown, setShown] = useState<string | null>(null);
  const [debtId, setDebtId] = useState("");
  const path = { case_id: caseId };
  const letters = useQuery({
    queryKey: ["letters", caseId],
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/cases/{case_id}/letters", { params: { path, query: at } }))),
  });
  const debts = useQuery({
    queryKey: ["debts", caseId],
    queryFn: () => caseDebts(caseId),
  });
  const templates = useQuery({
    queryKey: ["letter-templates"],
    queryFn: async () => unwrap(await api.GET("/api/v1/letter-templates")),
  });
  const make = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST("/api/v1/cases/{case_id}/letters", { params: { path }, body: { kind: (kind || (templates.data?.items[0]?.kind ?? "")) as Schemas["LetterIn"]["kind"], debt_id: debtId || null } })),
    onSuccess: (letter) => {
      setShown(letter.id);
      void qc.invalidateQueries({ queryKey: ["letters", caseId] });
    },
  });
  const [sentNews, setSentNews] = useState<{ seq: number; text: string } | null>(null);
  // A PDF that cannot be fetched says so on the page (it was a silent no-op).
  const pdf = useMutation({ mutationFn: (l: Schemas["LetterOut"]) => downloadLetter(caseId, l.id, `${l.kind}.pdf`) });
  const send = useMutation({
    mutationFn: async (l: Schemas["LetterOut"]) =>
      unwrap(await api.POST("/api/v1/cases/{case_id}/letters/{letter_id}/sent", { params: { path: { case_id: caseId, letter_id: l.id }, header: ifMatch(l.version) } })),
    onSuccess: (l) => {
      setSentNews((n) => ({ seq: (n?.seq ?? 0) + 1, text: `Recorded: "${l.subject}" was sent.` }));
      void qc.invalidateQueries({ queryKey: ["letters", caseId] });
    },
  });
  const kinds = Array.from(new Set((templates.data?.items ?? []).map((t) => t.kind)));
  const current = letters.data?.items.find((l) => l.id === shown);

  return (
    <>
      <h2 className="govuk-heading-l">Letters</h2>
      {can("case:write") && (
        <form
          className="cma-inline-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            make.mutate();
          }}
          noValidate
        >
          <ErrorSummary error={make.error} fields={{ kind: "letter-kind", debt_id: "letter-debt" }} />
          <Select id="letter-kind" name="kind" label="Letter" value={kind || kinds[0] || ""} onChange={setKind} error={make.error} options={kinds.map((k) => [k, label(k)] as const)} />
          <Select
            id="letter-debt"
            name="debt_id"
            label="About debt"
            hint="For letters to one creditor"
            value={debtId}
            onChange={setDebtId}
            error={make.error}
            options={[["", "None"], ...(debts.data?.items ?? []).map((d) => [d.id, `${d.creditor_name ?? label(d.debt_type)} ${d.account_reference ?? ""}`] as const)]}
          />
          <Button busy={make.isPending}>Generate letter</Button>
        </form>
      )}
      {sentNews && <SuccessBanner key={sentNews.seq} text={sentNews.text} />}
      <ErrorSummary error={send.error ?? pdf.error} />
      <QueryState query={letters} what="letters">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No letters yet.</p>
          ) : (
            <ul className="govuk-list">
              {page.items.map((l) => (
                <li key={l.id}>
                  <button type="button" className="govuk-link cma-link-button" onClick={() => setShown(l.id)}>
                    {l.subject}
                  </button>{" "}
                  <span className="govuk-hint govuk-!-display-inline">
                    {label(l.kind)}, {dateTime(l.created_at)}
                    {l.sent_at ? `, sent ${dateTime(l.sent_at)}` : ""}
                  </span>{" "}
                  <button type="button" className="govuk-link cma-link-button" disabled={pdf.isPending} onClick={() => pdf.mutate(l)}>
                    PDF<span className="govuk-visually-hidden"> of {l.subject}</span>
                  </button>
                  {!l.sent_at && can("case:write") && (
                    <>
                      {" "}
                      <button type="button" className="govuk-link cma-link-button" disabled={send.isPending} onClick={() => send.mutate(l)}>
                        Mark as sent<span className="govuk-visually-hidden">: {l.subject}</span>
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {current && (
        <>
          <h3 className="govuk-heading-m">Preview: {current.subject}</h3>
          {/* The letter's HTML in a sandbox: no scripts, no access to this page. */}
          <iframe className="cma-letter-preview" title={`Preview of ${current.subject}`} sandbox="" srcDoc={current.html} width="100%" height="480" />
        </>
      )}
    </>
  );
}
