// A document's suggestions accepted together (a bank statement's spending lines): asked
// first, with what each changes and any doubt the reader had, then decided as listed (the
// list is kept as it was shown, whatever arrives meanwhile). Each is taken as its own
// Accept takes it; one that cannot be is named with why, and the others stand.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api, type Schemas } from "../../api/client";
import { ApiError } from "../../api/problem";
import { Button, ErrorSummary } from "../../components/forms";
import { WarningText } from "../../components/ui";
import { changes, refreshAfterDecision, shownTitle, sureness, toCheckNotes, typeDoubt, type LineNow } from "./Evidence";
import { withArticle } from "../../components/format";

type Suggestion = Schemas["SuggestionOut"];
type Decisions = Schemas["DecisionsOut"];

/** The API takes at most this many decisions a request; more are sent in turn. */
export const DECISIONS_PER_REQUEST = 100;

/** What accepting several did, for the banner: how many, and each one not accepted with why. */
export function acceptedAll(asked: readonly Suggestion[], out: Decisions): string {
  const titles = new Map(asked.map((s) => [s.id, shownTitle(s)]));
  const done = `${out.accepted} accepted`;
  const left = out.results.filter((r) => !r.decided);
  if (left.length === 0) return `${done}. Each change is on the case (Debts, Budget and Deadlines tabs).`;
  const why = left.map((r) => `${titles.get(r.suggestion_id) ?? "a suggestion"}: ${notDecided(r.problem)}`).join("; ");
  return `${done}; ${left.length} not accepted: ${why}.`;
}

/** Why one was not accepted, and what to do, from the problem's type. */
function notDecided(problem: Schemas["Problem"] | null | undefined): string {
  const type = problem?.type ?? "";
  if (type.endsWith("/stale-version")) return "it changed since you opened the page; it still waits below, look at it again";
  if (type.endsWith("/invalid-transition")) return "it was already decided, by you or someone else";
  if (type.endsWith("/conflict")) return `${problem?.detail ?? "what it changes has changed since"}; it still waits below, decide it on its own`;
  if (type.endsWith("/not-found")) return "it, or what it changes, is no longer there";
  if (type.endsWith("/permission-denied")) return "you may not make that change; it still waits below";
  return problem?.detail ?? "it could not be accepted";
}

/** Sends the decisions in turn, at most DECISIONS_PER_REQUEST a request, and joins the answers. */
async function acceptEach(caseId: string, asked: readonly Suggestion[]): Promise<Decisions> {
  const out: Decisions = { results: [], accepted: 0, rejected: 0, not_decided: 0 };
  for (let i = 0; i < asked.length; i += DECISIONS_PER_REQUEST) {
    const decisions = asked.slice(i, i + DECISIONS_PER_REQUEST).map((s) => ({ suggestion_id: s.id, version: s.version, decision: "accept" as const }));
    const r = await api.POST("/api/v1/cases/{case_id}/suggestions/decisions", { params: { path: { case_id: caseId } }, body: { decisions } });
    if (!r.response.ok) throw new ApiError(r.response.status, r.error);
    const part = r.data as Decisions;
    out.results.push(...part.results);
    out.accepted += part.accepted;
    out.rejected += part.rejected;
    out.not_decided += part.not_decided;
  }
  return out;
}

/** What the list says of one suggestion beside its title: the reader's doubt about the
 * document's kind, a low or medium confidence, values the scan made hard to read, and what a
 * budget line holds now. */
export function caution(s: Suggestion, now?: LineNow): string[] {
  const notes: string[] = [];
  const doubt = typeDoubt(s.title);
  if (doubt) notes.push(`check the document type: read as ${withArticle(doubt.kind)}, only ${doubt.sure} sure`);
  if (s.confidence < 0.85) notes.push(`read with ${sureness(s.confidence)}`);
  notes.push(...toCheckNotes(s));
  const held = changes(s, now).find(([k]) => k === "In the budget now");
  if (held) notes.push(`in the budget now: ${held[1]}`);
  return notes;
}

export function AcceptAll({
  caseId,
  documentId,
  name,
  pending,
  now = () => undefined,
  onDecided,
}: {
  caseId: string;
  documentId: string;
  /** The document as the adviser knows it (its filename, with when it was uploaded where two share a name). */
  name: string;
  pending: readonly Suggestion[];
  /** A budget suggestion's line as the budget holds it now, if known. */
  now?: (s: Suggestion) => LineNow | undefined;
  onDecided: (text: string) => void;
}) {
  const qc = useQueryClient();
  // The suggestions as the adviser was shown them when asked: what is sent, whatever the
  // page's list becomes meanwhile (it is read again every few seconds after an upload).
  const [asked, setAsked] = useState<readonly Suggestion[] | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLDivElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asked) heading.current?.focus();
    else if (wasAsking.current) opener.current?.querySelector("button")?.focus();
    wasAsking.current = asked !== null;
  }, [asked]);
  const send = useMutation({
    mutationFn: (list: readonly Suggestion[]) => acceptEach(caseId, list),
    onSuccess: (out, list) => {
      wasAsking.current = false; // the banner takes the focus, not the button
      setAsked(null);
      onDecided(acceptedAll(list, out));
    },
    // Decided or not, the lists are read again: a request that failed part-way through may
    // have accepted some before it (each is its own transaction).
    onSettled: () => refreshAfterDecision(qc),
  });
  const id = `accept-all-${documentId}`;
  if (!asked)
    return (
      <div ref={opener}>
        <Button secondary type="button" onClick={() => setAsked([...pending])}>
          Accept all {pending.length} <span className="govuk-visually-hidden">suggestions </span>from {name}
        </Button>
      </div>
    );
  const n = asked.length;
  const doubtful = asked.some((s) => typeDoubt(s.title));
  return (
    <div className="cma-card govuk-!-margin-bottom-4" role="group" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} ref={heading} tabIndex={-1} className="govuk-heading-s">
        Accept all {n} from {name}?
      </h4>
      <ErrorSummary error={send.error} />
      {doubtful && (
        <WarningText>The reader is not sure what kind of document this is. Check it before accepting these together.</WarningText>
      )}
      <p className="govuk-body">Each is accepted as read and makes its change on the case:</p>
      <ul className="govuk-list govuk-list--bullet">
        {asked.map((s) => {
          const notes = caution(s, now(s));
          return (
            <li key={s.id}>
              {shownTitle(s)}
              {notes.length > 0 && <span className="govuk-body-s"> ({notes.join("; ")})</span>}
            </li>
          );
        })}
      </ul>
      <p className="govuk-body">To change a value first, use “Accept with changes” on that suggestion instead.</p>
      <div className="govuk-button-group">
        <Button type="button" busy={send.isPending} onClick={() => send.mutate(asked)}>
          Accept these {n}
        </Button>
        <Button secondary type="button" onClick={() => setAsked(null)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
