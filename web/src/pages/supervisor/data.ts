// Figures the supervisor pages plot, computed from the API's answers (pure: tested alone).
import type { Schemas } from "../../api/client";

type Row = Schemas["ReportRowOut"];
type Review = Schemas["ReviewOutFull"];

/** Passed out of assessed (passed + failed), as a percentage; null when none assessed.
 * Not-applicable and not-assessable findings are shown beside it, not counted in it. */
export function passRate(row: Pick<Row, "passed" | "fail">): number | null {
  const assessed = row.passed + row.fail;
  return assessed === 0 ? null : (row.passed * 100) / assessed;
}

type History = Schemas["HistoryOut"];
type PeriodRate = Schemas["PeriodRateOut"];

/** The points of one series of the API's history: every rule together, or one rule's
 * (none when the rule has no history). Periods with nothing assessed have no percent. */
export function historySeries(history: History, rule: string): PeriodRate[] {
  if (!rule) return history.overall;
  return history.rules.find((r) => r.rule_id === rule)?.points ?? [];
}

export interface MonthScore {
  month: string;
  reviews: number;
  passed: number;
  meanPercent: number;
}

/** File review scores per month (YYYY-MM), oldest first. */
export function monthlyReviewScores(reviews: ReadonlyArray<Review>): MonthScore[] {
  const by = new Map<string, { reviews: number; passed: number; total: number }>();
  for (const r of reviews) {
    const key = r.reviewed_on.slice(0, 7);
    const n = by.get(key) ?? { reviews: 0, passed: 0, total: 0 };
    n.reviews += 1;
    n.passed += r.passed ? 1 : 0;
    n.total += r.percent;
    by.set(key, n);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, n]) => ({ month, reviews: n.reviews, passed: n.passed, meanPercent: n.total / n.reviews }));
}

export type AnswerCode = Schemas["Answer"];

/** A reviewer's starting answer for a rule, from the case's stored finding: a pass is met,
 * a fail not met, a rule that does not apply not applicable; not assessable is left for
 * the reviewer to judge. */
export function suggestedAnswer(status: string): AnswerCode | undefined {
  if (status === "pass") return "met";
  if (status === "fail") return "not_met";
  if (status === "not_applicable") return "not_applicable";
  return undefined;
}

/** The case ids of a sample with whether each has a review yet, per adviser. */
export function samplePicks(
  sample: Schemas["SampleOut"],
  reviewedCaseIds: ReadonlySet<string>,
): Array<{ adviserId: string; cases: Array<{ caseId: string; reviewed: boolean }> }> {
  return Object.entries(sample.picks)
    .map(([adviserId, ids]) => ({
      adviserId,
      cases: ids.map((caseId) => ({ caseId, reviewed: reviewedCaseIds.has(caseId) })),
    }))
    .sort((a, b) => a.adviserId.localeCompare(b.adviserId));
}

/** Whether a finding's rule is on the file-review checklist. The API scores reviews against
 * the compliance rules registry (ids CR-nn); a case's findings also carry the case clock's
 * and the debts' own checks (CC-, DB-), which the review refuses as unknown items. No route
 * serves the checklist itself, so the prefix is the console's knowledge of it. */
export function onChecklist(ruleId: string): boolean {
  return /^CR-\d+$/.test(ruleId);
}
