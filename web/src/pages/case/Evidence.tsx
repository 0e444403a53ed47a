// A suggestion from a document, with where each value came from: the page and box the
// reader found it in (drawn over the page image the API renders: PDF pages, TIFF frames,
// photos; a written place as well, for screen readers), the alternatives passed over, and
// what accepting would change.
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { ApiError, ifMatch } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, label, money, today, withArticle } from "../../components/format";
import { Button, ErrorSummary, TextInput } from "../../components/forms";
import { ScrollBox, SummaryList, Tag, WarningText } from "../../components/ui";
import { AcceptChangesForm, asReadText, changeable } from "./AcceptChanges";
import { CorrectionForm } from "./Correction";
import { useCaseOpen } from "./caseOpen";

type Suggestion = Schemas["SuggestionOut"];
type Evidence = Schemas["EvidenceOut"];
type Doc = Schemas["DocumentOut"];

/** What accepting the suggestion changes on the case, line by line. */
/** A read field's name as an adviser says it: the amounts without the API's unit. */
export function fieldName(field: string): string {
  const names: Record<string, string> = {
    balance_pence: "Balance",
    income_pence: "Income",
    gross_pence: "Gross pay",
    payer_name: "Paid by",
    court_claim_number: "Claim number",
  };
  return names[field] ?? label(field.replace(/_pence$/, ""));
}

/** The day a deadline suggestion counts from; a date of service still ahead is recorded as
 * the deemed date it is (the API keeps it, up to 14 days ahead), and says so. */
export function countedFrom(s: Suggestion, now: string = today()): string {
  const day = s.fact_date ?? "";
  const service = s.kind === "court_claim_deadline" || s.kind === "statutory_demand_deadline";
  return service && day > now ? `${date(day)} (the deemed date of service, still ahead)` : date(day);
}

/** Deadline kinds the case's clock counts from the document's date (the API's fact kinds). */
export const CLOCKED = new Set<Suggestion["kind"]>(["court_claim_deadline", "statutory_demand_deadline", "enforcement_deadline", "letter_of_claim_deadline"]);

/** Follows a link to a document's kind: opens its details and puts the focus there. */
function openKind(e: MouseEvent<HTMLAnchorElement>, documentId: string) {
  const summary = document.getElementById(`document-${documentId}-kind`);
  const details = summary?.closest("details");
  if (!summary || !details) return;
  e.preventDefault();
  details.open = true;
  summary.focus(); // (focus scrolls it into view)
}

/** A budget line as the case's budget holds it now (``null``: nothing on that line). */
export type LineNow = { amount_pence: number; frequency: string } | null;

/** What a budget suggestion would replace: the line's amount now, or that it is empty. */
function lineNow(s: Suggestion, now: LineNow): string {
  if (!now) return "nothing on this line yet";
  // Accepting a suggestion with no frequency sets the line monthly (the API's default).
  const same = now.amount_pence === s.balance_pence && now.frequency === (s.frequency ?? "monthly");
  const was = `${money(now.amount_pence)} ${label(now.frequency).toLowerCase()}`;
  return same ? `${was}, the same: accepting changes nothing` : `${was}, replaced by this amount`;
}

/** What accepting changes; ``now`` (a budget suggestion's line as the budget holds it, if
 * known) says what it would replace, so a salary read from a payslip and again from a
 * statement is seen to be already set. */
export function changes(s: Suggestion, now?: LineNow): Array<readonly [string, string]> {
  switch (s.kind) {
    case "new_debt":
      // A debt whose balance the document does not show (a payment on a bank statement):
      // accepting makes a task to add it, not the debt.
      if (s.balance_pence == null)
        return [
          ["Makes a task", `to add the debt to ${s.creditor_name ?? "an unnamed creditor"} once you know its balance`],
          [
            "Why not the debt",
            /balance not read/.test(s.title)
              ? "the reader did not find its balance: give it with “Accept with changes” to add the debt"
              : "the document does not show its balance",
          ],
          ...(s.account_reference ? ([["Account reference", s.account_reference]] as const) : []),
          ...typeRow(s),
        ];
      return [
        ["Adds a debt to", s.creditor_name ?? "an unnamed creditor"],
        ["Balance", money(s.balance_pence)],
        ["Account reference", s.account_reference ?? "—"],
        ...typeRow(s),
      ];
    case "update_debt":
      return [
        ["Changes the debt with", `${s.creditor_name ?? "the creditor"}${s.account_reference ? `, ref ${reference(s.account_reference)}` : ""}`],
        ["Balance", s.previous_balance_pence === s.balance_pence ? `${money(s.balance_pence)}, unchanged` : `from ${money(s.previous_balance_pence)} to ${money(s.balance_pence)}`],
        ...(s.enforcement_stage ? ([["Recovery stage", `${stageText(s.enforcement_stage)}, if the debt is not further along`]] as const) : []),
      ];
    case "new_income":
    case "new_expenditure":
      return [
        [s.kind === "new_income" ? "Sets the income line" : "Sets the spending line", `${label(s.budget_line)}: ${money(s.balance_pence)} ${s.frequency ? label(s.frequency).toLowerCase() : ""}`.trim()],
        ...(s.creditor_name ? ([[s.kind === "new_income" ? "Paid by" : "Paid to", s.creditor_name]] as const) : []),
        ...(now !== undefined && s.status === "pending" ? ([["In the budget now", lineNow(s, now)]] as const) : []),
      ];
    default:
      // A deadline the case's clock does not count (a letter's own "pay by"), or one with
      // no date to count from, is accepted as a task due on it, not as a recorded event.
      if (!CLOCKED.has(s.kind) || !s.fact_date)
        return [
          ["Makes a task due on", s.deadline ? `${date(s.deadline)}${s.deadline_basis ? ` (${s.deadline_basis})` : ""}` : "no date read"],
          ...(s.court_claim_number ? ([["Claim number", s.court_claim_number]] as const) : []),
        ];
      return [
        ["Records", label(s.kind)],
        ...(s.fact_date ? ([["Counted from", countedFrom(s)]] as const) : []),
        ...(s.deadline ? ([["Deadline", `${date(s.deadline)}${s.deadline_basis ? ` (${s.deadline_basis})` : ""}`]] as const) : []),
        ...(s.court_claim_number ? ([["Claim number", s.court_claim_number]] as const) : []),
      ];
  }
}

/** A reference as the adviser reads it: one given by its last figures as a letter prints it
 * ("ending 4411", "****4411" → "ending 4411"); a whole one as read. */
export function reference(read: string): string {
  const tail = /^(?:.*?\bending(?:\s+in|\s+with)?\s*:?\s*|[*xX•#.…\s-]{3,})([A-Za-z0-9]{3,8})$/i.exec(read.trim());
  return tail ? `ending ${tail[1]!.toUpperCase()}` : read;
}

/** How the debts area treats a type before any override, in an adviser's words. */
const TREATMENT: Record<NonNullable<Suggestion["debt_treatment"]>, string> = {
  priority: "a priority debt",
  non_priority: "not a priority debt",
  case_by_case: "priority decided case by case",
  depends_on_goods: "a priority debt if the goods are essential",
};

/** A new debt's type as accepting adds it, with its priority ("Council tax: a priority
 * debt"), and the stage of recovery its paper shows; none on a suggestion made before
 * types were kept. */
export function typeRow(s: Suggestion): ReadonlyArray<readonly [string, string]> {
  if (!s.debt_type) return [];
  const treatment = s.debt_treatment ? `: ${TREATMENT[s.debt_treatment]}` : "";
  const choose = s.debt_type === "other" && s.status === "pending" ? " (the document does not say: choose it with “Accept with changes”)" : "";
  return [
    ["Debt type", `${label(s.debt_type)}${treatment}${choose}`],
    ...(s.enforcement_stage ? ([["Recovery stage", stageText(s.enforcement_stage)]] as const) : []),
  ];
}

/** How far recovery has gone, as accepting records it on the debt. */
export function stageText(stage: NonNullable<Suggestion["enforcement_stage"]>): string {
  return stage === "judgment" ? "Judgment (recorded with its county court judgment)" : label(stage);
}

/** A title the rules start with "Check the document type (read as X, N% sure): " when the
 * reader is unsure what kind of paper it is: the doubt, apart from what is proposed. */
export function typeDoubt(title: string): { kind: string; sure: string; rest: string } | null {
  const m = /^Check the document type \(read as (.+?), (\d+%) sure\): ([\s\S]*)$/.exec(title);
  return m ? { kind: m[1]!, sure: m[2]!, rest: m[3]! } : null;
}

/** A suggestion's title as the card shows it: without the doubt (said apart) and with its
 * dates as an adviser reads them ("30 Nov 2026", not "2026-11-30"). */
export function shownTitle(s: Pick<Suggestion, "title">): string {
  const t = typeDoubt(s.title)?.rest ?? s.title;
  return t.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => date(d));
}

/** How sure the reader was, in words first: an adviser checks a "low" one more closely. */
export function sureness(confidence: number): string {
  const pct = Math.round(confidence * 100);
  return `${pct >= 85 ? "high" : pct >= 60 ? "medium" : "low"} confidence (${pct}%)`;
}

type Accepted = Schemas["AcceptOut"];

/** After a decision: the lists it may have changed are read again (the suggestions, and
 * the debts, budget, dated facts, deadlines and tasks accepting makes). */
export function refreshAfterDecision(qc: QueryClient): void {
  for (const k of ["suggestions", "debts", "budget", "facts", "deadlines", "tasks"]) void qc.invalidateQueries({ queryKey: [k] });
}

/** What a decision did, in an adviser's words, for the success banner that follows it. */
export function decided(s: Suggestion, how: "accepted" | "rejected" | "corrected", out?: Accepted): string {
  if (how === "rejected") return `Rejected: ${shownTitle(s)}. Nothing changed on the case.`;
  if (how === "corrected") return `Rejected with your correction: ${shownTitle(s)}. Nothing changed on the case; the assistant learns from your correction.`;
  // Accepted with the adviser's values: the API's suggestion holds what was applied.
  if (out?.suggestion.as_read) s = out.suggestion;
  const accepted = s.as_read ? "Accepted with your changes" : "Accepted";
  const task = out?.task ? ` A task was made: ${out.task.title}.` : "";
  // Accepted as a task alone (a debt without its balance, or nothing else wired): say so.
  if (out?.task && !out.debt_id && !out.fact_id && !out.deadline_ids?.length)
    return `${accepted}: a task was made for you: ${shownTitle(out.task)}. Nothing else changed on the case yet.`;
  switch (s.kind) {
    case "new_debt":
      return `${accepted}: a debt to ${s.creditor_name ?? "an unnamed creditor"}${s.balance_pence != null ? ` of ${money(s.balance_pence)}` : ""} is added to the Debts tab.${task}`;
    case "update_debt":
      return `${accepted}: the debt to ${s.creditor_name ?? "the creditor"} now has a balance of ${money(s.balance_pence)} (Debts tab).${task}`;
    case "new_income":
    case "new_expenditure":
      return `${accepted}: the budget's ${label(s.budget_line).toLowerCase()} line is set to ${money(s.balance_pence)}${s.frequency ? ` ${label(s.frequency).toLowerCase()}` : ""} (Budget tab).${task}`;
    default: {
      const n = out?.deadline_ids?.length ?? 0;
      const from = s.as_read?.fact_date && s.fact_date ? ` counted from ${date(s.fact_date)}` : "";
      return `${accepted}: ${label(s.kind).toLowerCase()} recorded${s.deadline ? ` for ${date(s.deadline)}` : ""}${from}${n ? `, ${n} deadline${n === 1 ? "" : "s"} started` : ""} (Deadlines tab).${task}`;
    }
  }
}

/** The place of a box in words: its number on the page image, and for a PDF (rendered at
 * 300 dpi) about where in centimetres. An image's pixels mean nothing to an adviser. */
export function place(e: Evidence, doc: Doc | undefined, mark?: number): string {
  if (doc && !PAGED.has(doc.content_type)) return "in the export (it has no pages)";
  if (!e.box) return `page ${e.page} (not located on the page)`;
  const [left, top] = e.box as [number, number, number, number];
  const where = `page ${e.page}${mark ? `, box ${mark}` : ""}`;
  if (doc?.content_type === "application/pdf") {
    const cm = (px: number) => ((px / 300) * 2.54).toFixed(1);
    return `${where}, about ${cm(left)} cm from the left and ${cm(top)} cm from the top`;
  }
  return where;
}

/** The number each located value carries, in the table and on its box over the page:
 * in the table's order (field by field, the used value first). */
export function marks(evidence: readonly Evidence[], kind?: Suggestion["kind"]): Map<Evidence, number> {
  const m = new Map<Evidence, number>();
  for (const list of byField(evidence, kind).values()) for (const e of list) if (e.box) m.set(e, m.size + 1);
  return m;
}

/** The boxes drawn on one page: a place read for several values (the net pay used as the
 * income and passed over as the gross) is one box carrying all their numbers, solid if
 * any of them is used, instead of boxes hiding one another. */
export function sharedBoxes(
  evidence: readonly Evidence[],
  page: number,
  kind?: Suggestion["kind"],
): Array<{ box: [number, number, number, number]; numbers: number[]; chosen: boolean }> {
  const out = new Map<string, { box: [number, number, number, number]; numbers: number[]; chosen: boolean }>();
  for (const [e, n] of marks(evidence, kind)) {
    if (e.page !== page) continue;
    const key = (e.box as number[]).join();
    const b = out.get(key) ?? { box: e.box as [number, number, number, number], numbers: [], chosen: false };
    b.numbers.push(n);
    b.chosen ||= e.chosen;
    out.set(key, b);
  }
  return [...out.values()];
}

const DEBT_FIELDS = ["creditor_name", "account_reference", "balance_pence"];
const DEADLINE_FIELDS = ["letter_date", "deadline_date", "court_claim_number", "served_date"];
/** The read values each kind of suggestion is made of; the rest of what the reader found
 * on the document is listed apart, out of the way of the decision. */
const USES: Partial<Record<Suggestion["kind"], string[]>> = {
  new_debt: DEBT_FIELDS,
  update_debt: DEBT_FIELDS,
  new_income: ["payer_name", "creditor_name", "income_pence", "gross_pence", "frequency", "letter_date"],
  new_expenditure: ["creditor_name", "balance_pence", "frequency"],
  court_claim_deadline: DEADLINE_FIELDS,
  statutory_demand_deadline: DEADLINE_FIELDS,
  enforcement_deadline: DEADLINE_FIELDS,
  letter_of_claim_deadline: DEADLINE_FIELDS,
  response_deadline: DEADLINE_FIELDS,
};
const KNOWN = new Set(Object.values(USES).flat());

/** Whether a suggestion of ``kind`` is made of ``field`` (a field or kind not known here is). */
export function uses(kind: Suggestion["kind"] | undefined, field: string): boolean {
  const fields = kind && USES[kind];
  return !fields || !KNOWN.has(field) || fields.includes(field);
}

/** The values by field, the used value first; with ``kind``, that kind's own fields first. */
export function byField(evidence: readonly Evidence[], kind?: Suggestion["kind"]): Map<string, Evidence[]> {
  const m = new Map<string, Evidence[]>();
  const first = [...evidence.filter((e) => uses(kind, e.field)), ...evidence.filter((e) => !uses(kind, e.field))];
  for (const e of first) m.set(e.field, [...(m.get(e.field) ?? []), e]);
  for (const [k, list] of m) m.set(k, [...list].sort((a, b) => Number(b.chosen) - Number(a.chosen) || b.score - a.score));
  return m;
}

async function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}

/** Types the API draws page images of (CSV and OFX exports have no pages). */
export const PAGED = new Set(["application/pdf", "image/png", "image/jpeg", "image/tiff", "image/heic"]);

/** The pages that hold at least one located value, in order. */
export function boxedPages(evidence: readonly Evidence[]): number[] {
  return [...new Set(evidence.filter((e) => e.box).map((e) => e.page))].sort((a, b) => a - b);
}

/** One page image with the chosen values' boxes (solid) and the alternatives' (dashed). */
function PageImage({ doc, page, evidence, kind }: { doc: Doc; page: number; evidence: Evidence[]; kind: Suggestion["kind"] }) {
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const image = useQuery({
    queryKey: ["document-page", doc.id, page],
    queryFn: async () => {
      const r = await api.GET("/api/v1/documents/{document_id}/pages/{number}/image", {
        params: { path: { document_id: doc.id, number: page } },
        parseAs: "blob",
      });
      if (!r.response.ok || !r.data) throw new ApiError(r.response.status, r.error);
      // A data: URL: the CSP allows images from 'self' and data: only.
      return dataUrl(r.data as unknown as Blob);
    },
    staleTime: Infinity,
  });
  const boxes = sharedBoxes(evidence, page, kind);
  if (image.isPending) return <p className="govuk-body-s" role="status">Loading page {page}…</p>;
  if (image.isError) return <p className="govuk-body-s">Page {page} could not be loaded.</p>;
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-3">
      <ScrollBox label={`Page ${page} of ${doc.filename}`}>
        <div className="cma-evidence">
          <img src={image.data} alt={`Page ${page} of ${doc.filename}`} onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })} />
          {size &&
            boxes.map(({ box, numbers, chosen }) => {
              const [l, t, w, h] = box;
              return (
                <span
                  key={numbers.join()}
                  className={`cma-evidence__box${chosen ? "" : " cma-evidence__box--alt"}`}
                  style={{ left: `${(l / size.w) * 100}%`, top: `${(t / size.h) * 100}%`, width: `${(w / size.w) * 100}%`, height: `${(h / size.h) * 100}%` }}
                >
                  <span className="cma-evidence__mark" aria-hidden="true">
                    {numbers.join(", ")}
                  </span>
                </span>
              );
            })}
        </div>
      </ScrollBox>
      <figcaption className="govuk-body-s">
        Page {page}. Each box carries the number of its value in the table above. Solid red: the value used. Dashed blue: an alternative passed over.
      </figcaption>
    </figure>
  );
}

/** A value as read, for the adviser: a date (the API's ISO day) in words, as the page
 *  prints dates; a frequency in words ("four weekly", not the API's code); an amount comes
 *  formatted already; anything else as it was read. */
export function readValue(value: string, field?: string): string {
  if (field === "frequency") return label(value).toLowerCase();
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : value;
}

/** Why each of a suggestion's values to check is to be checked, the fields as an adviser
 * names them mid-sentence ("the account reference"): the scan was hard to read there
 * (`hard`), or the reader was unsure which value it is (`unsure`). The API decides which
 * fields (`fields_to_check`), as it does for the work queue's count and the `to_check`
 * filter; each field's chosen value says why (`hard_to_read`, `unsure_choice`). */
export function toCheck(s: Suggestion): { hard: string[]; unsure: string[] } {
  const out = { hard: [] as string[], unsure: [] as string[] };
  for (const f of s.fields_to_check ?? []) {
    const used = (s.evidence ?? []).find((e) => e.chosen && e.field === f);
    (used && !used.hard_to_read && used.unsure_choice ? out.unsure : out.hard).push(`the ${fieldName(f).toLowerCase()}`);
  }
  return out;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The adviser's warning for the values to check, as sentence parts (none: nothing to check). */
export function toCheckNotes(s: Suggestion): string[] {
  const { hard, unsure } = toCheck(s);
  return [
    ...(hard.length ? [`the scan was hard to read at ${listed(hard)}`] : []),
    ...(unsure.length ? [`the reader was unsure which value is ${listed(unsure)}`] : []),
  ];
}

/** Names as a sentence lists them: "a", "a and b", "a, b and c". */
export function listed(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function EvidenceList({ s, doc }: { s: Suggestion; doc: Doc | undefined }) {
  const fields = [...byField(s.evidence ?? [], s.kind)];
  const numbers = marks(s.evidence ?? [], s.kind);
  if (fields.length === 0) return <p className="govuk-body-s">The reader did not record where these values came from.</p>;
  const own = fields.filter(([field]) => uses(s.kind, field));
  const others = fields.filter(([field]) => !uses(s.kind, field));
  const table = (rows: typeof fields, caption: string, hidden: boolean) => (
    <ScrollBox>
      <table className="govuk-table govuk-!-margin-bottom-3">
        <caption className={`govuk-table__caption govuk-table__caption--s${hidden ? " govuk-visually-hidden" : ""}`}>{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Value</th>
            <th scope="col" className="govuk-table__header">Read</th>
            <th scope="col" className="govuk-table__header">Where</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.flatMap(([field, list]) =>
            list.map((e, i) => (
              <tr className="govuk-table__row" key={`${field}-${i}`}>
                <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">
                  {i === 0 ? <strong>{fieldName(field)}</strong> : <span className="govuk-visually-hidden">{fieldName(field)}</span>}{" "}
                  {e.chosen ? <Tag value="accepted" text="used" /> : <Tag value="rejected" text="alternative" />}
                </th>
                <td className="govuk-table__cell">
                  “{readValue(e.value, e.field)}”{e.role && <span className="govuk-body-s"> ({e.role})</span>}
                  {e.hard_to_read && (
                    <>
                      {" "}
                      <Tag value="hard_to_read" text="hard to read" />
                    </>
                  )}
                  {e.chosen && e.unsure_choice && !e.hard_to_read && (
                    <>
                      {" "}
                      <Tag value="unsure_choice" text="unsure which" />
                    </>
                  )}
                  {e.label && <div className="govuk-body-s govuk-!-margin-0">next to “{e.label}”</div>}
                </td>
                <td className="govuk-table__cell govuk-body-s">
                  {numbers.has(e) && (
                    <span className={`cma-evidence__mark cma-evidence__mark--inline${e.chosen ? "" : " cma-evidence__mark--alt"}`} aria-hidden="true">
                      {numbers.get(e)}
                    </span>
                  )}
                  {place(e, doc, numbers.get(e))}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </ScrollBox>
  );
  const count = others.reduce((n, [, list]) => n + list.length, 0);
  return (
    <>
      {own.length > 0 && table(own, `Where each value came from${doc ? ` in ${doc.filename}` : ""}`, false)}
      {others.length > 0 && (
        <details className="govuk-details govuk-!-margin-bottom-3">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Other values read from {doc ? doc.filename : "the document"} ({count})
            </span>
          </summary>
          <div className="govuk-details__text">{table(others, `Other values read from ${doc ? doc.filename : "the document"}, not part of this suggestion`, true)}</div>
        </details>
      )}
    </>
  );
}

export function SuggestionCard({
  s,
  doc,
  now,
  onDecided = () => undefined,
}: {
  s: Suggestion;
  doc: Doc | undefined;
  /** A budget suggestion's line as the budget holds it now, if known. */
  now?: LineNow;
  onDecided?: (text: string) => void;
}) {
  const { can } = useMe();
  const open = useCaseOpen();
  const qc = useQueryClient();
  const [show, setShow] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [amending, setAmending] = useState(false);
  const [reason, setReason] = useState("");
  const id = `suggestion-${s.id}`;
  // The Reject and Correct buttons go while their form is open: the focus goes into the
  // form, and back to the button that opened it when the adviser keeps the suggestion.
  const buttons = useRef<HTMLDivElement>(null);
  const opened = useRef<number | null>(null);
  useEffect(() => {
    if (rejecting) document.getElementById(`${id}-reason`)?.focus();
    else if (!correcting && !amending && opened.current !== null) {
      buttons.current?.querySelectorAll("button")[opened.current]?.focus();
      opened.current = null;
    }
  }, [rejecting, correcting, amending, id]);
  const decide = useMutation({
    mutationFn: async (accept: boolean) => {
      const params = { path: { suggestion_id: s.id }, header: ifMatch(s.version) };
      const r = accept
        ? await api.POST("/api/v1/suggestions/{suggestion_id}/accept", { params, body: {} })
        : await api.POST("/api/v1/suggestions/{suggestion_id}/reject", { params, body: { reason: reason || null } });
      if (!r.response.ok) throw new ApiError(r.response.status, r.error);
      return r.data;
    },
    onSuccess: (out, accept) => {
      refreshAfterDecision(qc);
      opened.current = null;
      onDecided(accept ? decided(s, "accepted", out as Accepted) : decided(s, "rejected"));
    },
  });
  const pages = doc && PAGED.has(doc.content_type) ? boxedPages(s.evidence ?? []) : [];
  const image = pages.length > 0;
  const title = shownTitle(s);
  const doubt = typeDoubt(s.title);
  const check = toCheckNotes(s);
  const checkCount = s.fields_to_check?.length ?? 0;
  return (
    <li className="cma-card govuk-!-margin-bottom-3">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        {title} <Tag value={s.status} />
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        From {doc ? doc.filename : "a document"}, read with {sureness(s.confidence)}
        {s.rejection_reason && <>. Rejected: {s.rejection_reason}</>}
        <span className="cma-withheld"> (reader: {s.source})</span>
      </p>
      {doubt && (
        <WarningText className="govuk-!-margin-bottom-2">
            Check the document type. It was read as {withArticle(doubt.kind)}, only {doubt.sure} sure
            {doc?.class_alternatives?.length ? `; it may be ${doc.class_alternatives.map((a) => label(a.document_class).toLowerCase()).join(" or ")}` : ""}
            ; the values may be right but the paper another kind.
            {s.status === "pending" && can("case:write") && (
              <>
                {" "}
                If it is,{" "}
                {doc ? (
                  <a href={`#document-${doc.id}-kind`} onClick={(e) => openKind(e, doc.id)}>
                    say what kind it is in the documents list
                  </a>
                ) : (
                  "say what kind it is in the documents list"
                )}
                : it is read again as that kind, and this suggestion replaced.
              </>
            )}
        </WarningText>
      )}
      {check.length > 0 && s.status === "pending" && (
        <WarningText className="govuk-!-margin-bottom-2">
          {capitalised(check.join("; "))}: check {checkCount > 1 ? "them" : "it"} against the page before accepting.
        </WarningText>
      )}
      <h4 className="govuk-heading-s govuk-!-margin-bottom-1">{s.status === "pending" ? "Accepting will change" : "What it changed or would have changed"}</h4>
      <SummaryList rows={changes(s, now)} />
      {s.as_read && <p className="govuk-body-s">Accepted with changes. The reader had read: {asReadText(s)}.</p>}
      <EvidenceList s={s} doc={doc} />
      {image && (
        <>
          <button type="button" className="govuk-link cma-link-button govuk-!-margin-bottom-3" aria-expanded={show} aria-controls={`${id}-page`} onClick={() => setShow(!show)}>
            {show ? "Hide" : "Show"} {pages.length === 1 ? "the page" : `the ${pages.length} pages`} with the boxes<span className="govuk-visually-hidden"> for {title}</span>
          </button>
          <div id={`${id}-page`}>{show && doc && pages.map((n) => <PageImage key={n} doc={doc} page={n} evidence={s.evidence ?? []} kind={s.kind} />)}</div>
        </>
      )}
      <ErrorSummary error={decide.error} fields={{ reason: `${id}-reason` }} />
      {s.status === "pending" && open && can("case:write") && (
        <>
          {rejecting && (
            <form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                decide.mutate(false);
              }}
              noValidate
            >
              <p className="govuk-body-s">Rejecting changes nothing on the case; the suggestion is kept as rejected, with your reason.</p>
              <TextInput id={`${id}-reason`} name="reason" label="Why reject it (optional)" value={reason} onChange={setReason} error={decide.error} />
              <div className="govuk-button-group govuk-!-margin-bottom-0">
                <Button warning busy={decide.isPending}>
                  Confirm rejection<span className="govuk-visually-hidden"> of {title}</span>
                </Button>
                <Button type="button" secondary onClick={() => setRejecting(false)}>
                  Keep it<span className="govuk-visually-hidden"> pending</span>
                </Button>
              </div>
            </form>
          )}
          {amending && (
            <AcceptChangesForm
              s={s}
              doc={doc}
              onClose={() => setAmending(false)}
              onAccepted={(out) => {
                opened.current = null;
                setAmending(false);
                onDecided(decided(s, "accepted", out));
              }}
            />
          )}
          {correcting && (
            <CorrectionForm
              s={s}
              doc={doc}
              onClose={() => setCorrecting(false)}
              onCorrected={() => {
                opened.current = null;
                setCorrecting(false);
                onDecided(decided(s, "corrected"));
              }}
            />
          )}
          {!rejecting && !correcting && !amending && (
            <div className="govuk-button-group govuk-!-margin-bottom-0" ref={buttons}>
              <Button type="button" busy={decide.isPending} onClick={() => decide.mutate(true)}>
                Accept<span className="govuk-visually-hidden"> {title}</span>
              </Button>
              {changeable(s.kind).length > 0 && (
                <Button
                  type="button"
                  secondary
                  onClick={() => {
                    opened.current = 1;
                    setAmending(true);
                  }}
                >
                  Accept with changes<span className="govuk-visually-hidden"> to {title}</span>
                </Button>
              )}
              <Button
                type="button"
                secondary
                onClick={() => {
                  opened.current = changeable(s.kind).length > 0 ? 2 : 1;
                  setRejecting(true);
                }}
              >
                Reject<span className="govuk-visually-hidden"> {title}</span>
              </Button>
              <Button
                type="button"
                secondary
                onClick={() => {
                  opened.current = changeable(s.kind).length > 0 ? 3 : 2;
                  setCorrecting(true);
                }}
              >
                Reject and correct<span className="govuk-visually-hidden"> {title}</span>
              </Button>
            </div>
          )}
        </>
      )}
    </li>
  );
}
