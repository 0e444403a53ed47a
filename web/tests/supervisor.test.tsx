import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Schemas } from "../src/api/client";
import { PercentBars, PercentLine } from "../src/components/charts";
import { AnswerRadios } from "../src/pages/supervisor/Review";
import { quotaValue } from "../src/pages/supervisor/Qa";
import { historySeries, monthlyReviewScores, onChecklist, passRate, samplePicks, suggestedAnswer } from "../src/pages/supervisor/data";

const point = (start: string, passed: number, failed: number): Schemas["PeriodRateOut"] => ({
  start,
  end: start,
  passed,
  failed,
  pass_rate: passed + failed ? (passed * 100) / (passed + failed) : null,
});

function review(on: string, percent: number, passed: boolean): Schemas["ReviewOutFull"] {
  return {
    id: on + percent,
    case_id: "c",
    adviser_id: null,
    reviewer_id: null,
    reviewed_on: on,
    percent,
    passed,
    actions: null,
    answers: {},
    created_at: `${on}T10:00:00Z`,
  };
}

describe("supervisor figures", () => {
  it("rates passed out of assessed, none when nothing was assessed", () => {
    expect(passRate({ passed: 3, fail: 1 })).toBe(75);
    expect(passRate({ passed: 0, fail: 0 })).toBeNull();
  });

  it("plots the API's history: every rule together, or one rule's points", () => {
    const history: Schemas["HistoryOut"] = {
      interval: "week",
      adviser_id: null,
      overall: [point("2026-11-16", 3, 1), point("2026-11-23", 4, 0)],
      rules: [{ rule_id: "CR-01", points: [point("2026-11-16", 1, 1), point("2026-11-23", 0, 0)] }],
    };
    expect(historySeries(history, "").map((p) => p.pass_rate)).toEqual([75, 100]);
    expect(historySeries(history, "CR-01").map((p) => p.pass_rate)).toEqual([50, null]);
    expect(historySeries(history, "CR-99")).toEqual([]);
  });

  it("averages file review scores per month", () => {
    expect(monthlyReviewScores([review("2026-10-02", 80, true), review("2026-11-03", 50, false), review("2026-10-20", 60, false)])).toEqual([
      { month: "2026-10", reviews: 2, passed: 1, meanPercent: 70 },
      { month: "2026-11", reviews: 1, passed: 0, meanPercent: 50 },
    ]);
  });

  it("starts a review from the stored findings and leaves the unassessable to the reviewer", () => {
    expect(suggestedAnswer("pass")).toBe("met");
    expect(suggestedAnswer("fail")).toBe("not_met");
    expect(suggestedAnswer("not_applicable")).toBe("not_applicable");
    expect(suggestedAnswer("not_assessable")).toBeUndefined();
  });

  it("keeps to the checklist's rules", () => {
    expect(onChecklist("CR-01")).toBe(true);
    expect(onChecklist("CC-01")).toBe(false);
    expect(onChecklist("DB-01")).toBe(false);
  });

  it("marks which sampled cases have a review", () => {
    const picks = samplePicks({ id: "s", seed: "q", quota: 2, drawn_at: "2026-11-01T00:00:00Z", picks: { b: ["c2"], a: ["c1", "c3"] } }, new Set(["c3"]));
    expect(picks).toEqual([
      { adviserId: "a", cases: [{ caseId: "c1", reviewed: false }, { caseId: "c3", reviewed: true }] },
      { adviserId: "b", cases: [{ caseId: "c2", reviewed: false }] },
    ]);
  });

  it("sends a typed quota as a number, empty as none, anything else as typed", () => {
    expect(quotaValue("")).toBeNull();
    expect(quotaValue(" 4 ")).toBe(4);
    expect(quotaValue("four")).toBe("four");
  });
});

describe("charts", () => {
  it("draws bars with a one-line summary and the figures as a table", () => {
    render(
      <PercentBars
        id="t"
        title="Pass rate by rule"
        summary="2 bars; the lowest is CR-02 at 50%."
        bars={[
          { label: "CR-01", percent: 100, note: "2 of 2" },
          { label: "CR-02", percent: 50, note: "1 of 2" },
        ]}
        table={{ headers: ["Rule", "Pass rate"], rows: [["CR-01", "100%"], ["CR-02", "50%"]] }}
      />,
    );
    expect(screen.getByRole("img", { name: "2 bars; the lowest is CR-02 at 50%." })).toBeInTheDocument();
    expect(screen.getByRole("figure", { name: "Pass rate by rule" })).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Pass rate by rule" });
    expect(within(table).getByRole("rowheader", { name: "CR-02" })).toBeInTheDocument();
    // A rate under the pass mark is drawn in the warning colour, by class (no inline style).
    const bars = document.querySelectorAll("rect.cma-chart__bar");
    expect(bars).toHaveLength(2);
    expect(bars[1]).toHaveClass("cma-chart__bar--low");
    expect(bars[1]).toHaveAttribute("width", "40.00%");
    expect(document.querySelector("[style]")).toBeNull();
    // The figures' box is a tab stop only while it scrolls sideways (ScrollBox): a table
    // that fits adds no empty stop to the keyboard's path (jsdom lays nothing out).
    expect(document.querySelector('[tabindex="0"]')).toBeNull();
  });

  it("says so instead of drawing an empty chart", () => {
    render(<PercentLine id="e" title="Score by month" summary="none" points={[]} table={{ headers: [], rows: [] }} />);
    expect(screen.getByText("No figures yet for score by month.")).toBeInTheDocument();
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("joins points over time and labels each", () => {
    render(
      <PercentLine
        id="l"
        title="By week"
        summary="3 weeks"
        points={[
          { label: "w1", percent: 0 },
          { label: "w2", percent: 50 },
          { label: "w3", percent: 100 },
        ]}
        table={{ headers: ["Week", "Rate"], rows: [["w1", "0%"]] }}
      />,
    );
    expect(document.querySelectorAll("line.cma-chart__line")).toHaveLength(2);
    expect(document.querySelectorAll("circle.cma-chart__point")).toHaveLength(3);
    expect(screen.getByText("w3")).toBeInTheDocument();
  });
});

describe("AnswerRadios", () => {
  it("is one named group of radios, chosen by keyboard", async () => {
    const chosen: string[] = [];
    render(<AnswerRadios ruleId="CR-01" question="Authority to act" value="met" onChange={(v) => chosen.push(v)} />);
    const group = screen.getByRole("group", { name: "CR-01: Authority to act" });
    const met = within(group).getByRole("radio", { name: "Met" });
    expect(met).toBeChecked();
    met.focus();
    await userEvent.keyboard("{ArrowRight}");
    expect(chosen).toEqual(["not_met"]);
  });
});
