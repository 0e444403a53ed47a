// A document's suggestions accepted together (a bank statement's spending lines): asked
// first, with the list of what each changes, then decided in one request. Each is taken as
// its own Accept takes it; one that cannot be (changed since, already decided) is said by
// name and stays for the adviser, the others stand.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api, type Schemas } from "../../api/client";
import { ApiError } from "../../api/problem";
import { Button, ErrorSummary } from "../../components/forms";
import { refreshAfterDecision, shownTitle } from "./Evidence";

type Suggestion = Schemas["SuggestionOut"];
type Decisions = Schemas["DecisionsOut"];

/** What accepting several did, for the banner: how many, and each one not accepted with why. */
export function acceptedAll(asked: readonly Suggestion[], out: Decisions): string {
  const titles = new Map(asked.map((s) => [s.id, shownTitle(s)]));
  const done = `${out.accepted} accepted`;
  const left = out.results.filter((r) => !r.decided);
  if (left.length === 0) return `${done}. Each change is on the case (Debts, Budget and Deadlines tabs).`;
  const why = left.map((r) => `${titles.get(r.suggestion_id) ?? "a suggestion"}: ${notDecided(r.problem)}`).join("; ");
  return `${done}; ${left.length} not accepted and still waiting for you: ${why}.`;
}

function notDecided(problem: Schemas["Problem"] | null | undefined): string {
  switch (problem?.status) {
    case 412:
      return "it changed since you opened the page, look at it again";
    case 409:
      return "it was already decided, or what it changes has changed since";
    case 403:
      return "you may not make that change";
    case 404:
      return "it is no longer there";
    default:
      return problem?.detail ?? "it could not be accepted";
  }
}

export function AcceptAll({ caseId, filename, pending, onDecided }: { caseId: string; filename: string; pending: readonly Suggestion[]; onDecided: (text: string) => void }) {
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLDivElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) heading.current?.focus();
    else if (wasAsking.current) opener.current?.querySelector("button")?.focus();
    wasAsking.current = asking;
  }, [asking]);
  const n = pending.length;
  const send = useMutation({
    mutationFn: async () => {
      const decisions = pending.map((s) => ({ suggestion_id: s.id, version: s.version, decision: "accept" as const }));
      const r = await api.POST("/api/v1/cases/{case_id}/suggestions/decisions", { params: { path: { case_id: caseId } }, body: { decisions } });
      if (!r.response.ok) throw new ApiError(r.response.status, r.error);
      return r.data as Decisions;
    },
    onSuccess: (out) => {
      refreshAfterDecision(qc);
      wasAsking.current = false; // the banner takes the focus, not the button
      setAsking(false);
      onDecided(acceptedAll(pending, out));
    },
  });
  if (!asking)
    return (
      <div ref={opener}>
        <Button secondary type="button" onClick={() => setAsking(true)}>
          Accept all {n} <span className="govuk-visually-hidden">suggestions </span>from {filename}
        </Button>
      </div>
    );
  const id = `accept-all-${filename.replace(/[^A-Za-z0-9]+/g, "-")}`;
  return (
    <div className="cma-card govuk-!-margin-bottom-4" role="group" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} ref={heading} tabIndex={-1} className="govuk-heading-s">
        Accept all {n} from {filename}?
      </h4>
      <ErrorSummary error={send.error} />
      <p className="govuk-body">Each is accepted as read and makes its change on the case:</p>
      <ul className="govuk-list govuk-list--bullet">
        {pending.map((s) => (
          <li key={s.id}>{shownTitle(s)}</li>
        ))}
      </ul>
      <p className="govuk-body">To change a value first, use “Accept with changes” on that suggestion instead.</p>
      <div className="govuk-button-group">
        <Button type="button" busy={send.isPending} onClick={() => send.mutate()}>
          Accept these {n}
        </Button>
        <Button secondary type="button" onClick={() => setAsking(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
