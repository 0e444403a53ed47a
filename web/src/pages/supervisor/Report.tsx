import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api, type Schemas } from "../../api/client";
import { unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, label } from "../../components/format";
import { Select } from "../../components/forms";
import { PercentBars, PercentLine } from "../../components/charts";
import { Pagination, QueryState, ScrollBox, Tag } from "../../components/ui";
import { useStaff, type StaffLookup } from "../../hooks/useStaff";
import { historySeries, monthlyReviewScores, passRate } from "./data";

const LIMIT = 25;
type Row = Schemas["ReportRowOut"];
type Status = Schemas["Status"];
type Severity = Schemas["Severity"];

const pct = (n: number | null) => (n === null ? "n/a" : `${Math.round(n)}%`);

function rateTable(rows: Row[], keyName: string, name: (key: string) => string) {
  return {
    headers: [keyName, "Pass rate", "Passed", "Failed", "Not assessable", "Not applicable"],
    rows: rows.map((r) => [name(r.key), pct(passRate(r)), r.passed, r.fail, r.not_assessable, r.not_applicable]),
  };
}

function lowest(rows: Row[], name: (key: string) => string): string {
  const rated = rows.map((r) => [name(r.key), passRate(r)] as const).filter(([, p]) => p !== null) as Array<readonly [string, number]>;
  if (rated.length === 0) return "No assessed findings.";
  const [who, rate] = rated.reduce((a, b) => (b[1] < a[1] ? b : a));
  return `${rated.length} bars; the lowest pass rate is ${who} at ${Math.round(rate)}%.`;
}

/** Pass rates at the end of each week or month, from the API's findings history. */
function useHistory(interval: "week" | "month", adviser: string, rule: string) {
  return useQuery({
    queryKey: ["compliance", "report", "history", interval, adviser, rule],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/compliance/report/history", {
          params: { query: { interval, adviser_id: adviser || null, rule_id: rule || null } },
        }),
      ),
    placeholderData: (prev) => prev,
  });
}

function useAllReviews(enabled: boolean) {
  return useQuery({
    queryKey: ["qa", "reviews", "all"],
    enabled,
    queryFn: async () => {
      const all: Schemas["ReviewOutFull"][] = [];
      for (let offset = 0; offset < 2000; offset += 200) {
        const page = unwrap(await api.GET("/api/v1/qa/reviews", { params: { query: { limit: 200, offset } } }));
        all.push(...page.items);
        if (offset + 200 >= page.total) break;
      }
      return all;
    },
  });
}

function OverTime({ canQa, adviser, rule, who }: { canQa: boolean; adviser: string; rule: string; who: string }) {
  const [interval, setInterval] = useState<"week" | "month">("week");
  const history = useHistory(interval, adviser, rule);
  const reviews = useAllReviews(canQa);
  const unit = interval === "week" ? "Week" : "Month";
  return (
    <>
      <h2 className="govuk-heading-l">Over time</h2>
      <Select id="history-interval" label="Show by" value={interval} onChange={(v) => setInterval(v as "week" | "month")} options={[["week", "Week"], ["month", "Month"]]} />
      <QueryState query={history} what="pass rates over time">
        {(h) => {
          const points = historySeries(h, rule);
          const rated = points.filter((p) => p.pass_rate !== null);
          const title = `${rule ? `${rule} pass rate` : "Rule pass rate"} by ${interval}${adviser ? `, ${who}'s cases` : ""}`;
          return (
            <>
              <PercentLine
                id="chart-history"
                title={title}
                summary={
                  rated.length
                    ? `${points.length} ${interval}s; ${rated.length} with assessed findings, from ${pct(rated[0]!.pass_rate)} to ${pct(rated[rated.length - 1]!.pass_rate)}.`
                    : `No assessed findings in these ${interval}s.`
                }
                points={rated.map((p) => ({ label: date(p.start), percent: p.pass_rate! }))}
                table={{
                  headers: [`${unit} from`, "Pass rate", "Passed", "Failed"],
                  rows: points.map((p) => [date(p.start), pct(p.pass_rate), p.passed, p.failed]),
                }}
              />
              <p className="govuk-hint">
                Each point is the state at the end of the {interval}: every case counts by its latest evaluation by then, for the adviser it had.
              </p>
            </>
          );
        }}
      </QueryState>
      {canQa && (
        <QueryState query={reviews} what="file review scores">
          {(items) => {
            const months = monthlyReviewScores(items);
            return (
              <PercentLine
                id="chart-qa"
                title="File review score by month (mean)"
                summary={months.length ? `${months.length} months of file reviews.` : "No file reviews yet."}
                points={months.map((m) => ({ label: m.month, percent: m.meanPercent }))}
                table={{
                  headers: ["Month", "Mean score", "Reviews", "Passed"],
                  rows: months.map((m) => [m.month, pct(m.meanPercent), m.reviews, m.passed]),
                }}
              />
            );
          }}
        </QueryState>
      )}
    </>
  );
}

/** Case references by id (the newest 200 cases of any status), to name findings' cases. */
function useCaseRefs() {
  return useQuery({
    queryKey: ["cases", "all", "refs"],
    staleTime: 60_000,
    queryFn: async () => {
      const page = unwrap(await api.GET("/api/v1/cases", { params: { query: { status: null, limit: 200 } } }));
      return new Map(page.items.map((c) => [c.id, c.reference]));
    },
  });
}

function Findings({ page, staff, offset, onOffset }: { page: Schemas["ReportOut"]; staff: StaffLookup; offset: number; onOffset: (o: number) => void }) {
  const refs = useCaseRefs();
  if (page.items.length === 0) return <p className="govuk-body">No findings match.</p>;
  return (
    <>
      <ScrollBox>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Findings, most severe first ({page.total})</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Case</th>
              <th scope="col" className="govuk-table__header">Adviser</th>
              <th scope="col" className="govuk-table__header">Rule</th>
              <th scope="col" className="govuk-table__header">Severity</th>
              <th scope="col" className="govuk-table__header">What is wrong, what to do</th>
              <th scope="col" className="govuk-table__header">Due</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {page.items.map((f) => (
              <tr className="govuk-table__row" key={`${f.case_id}-${f.finding.rule_id}`}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/cases/${f.case_id}/compliance`}>
                    {refs.data?.get(f.case_id) ?? `Case ${f.case_id.slice(0, 8)}`}
                  </Link>
                </td>
                <td className="govuk-table__cell">{staff.name(f.adviser_id)}</td>
                <td className="govuk-table__cell">{f.finding.rule_id}</td>
                <td className="govuk-table__cell">
                  <Tag value={f.finding.severity} />
                </td>
                <td className="govuk-table__cell">
                  {f.finding.message}
                  {f.finding.fix && <span className="govuk-hint govuk-!-margin-bottom-0"> {f.finding.fix}</span>}
                </td>
                <td className="govuk-table__cell">{date(f.finding.due_on)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <Pagination total={page.total} limit={LIMIT} offset={offset} onOffset={onOffset} />
    </>
  );
}

export function ReportPage() {
  const staff = useStaff();
  const [params, setParams] = useSearchParams();
  const adviser = params.get("adviser") ?? "";
  const rule = params.get("rule") ?? "";
  const severity = params.get("severity") ?? "";
  const status = params.get("status") ?? "fail";
  const offset = Number(params.get("offset") ?? 0) || 0;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "offset") next.delete("offset");
    setParams(next);
  };
  const report = useQuery({
    queryKey: ["compliance", "report", adviser, rule, severity, status, offset],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/compliance/report", {
          params: {
            query: {
              adviser_id: adviser || null,
              rule_id: rule || null,
              severity: (severity || null) as Severity | null,
              status: status as Status,
              limit: LIMIT,
              offset,
            },
          },
        }),
      ),
    placeholderData: (prev) => prev,
  });
  const adviserName = (key: string) => (key === "" || key === "None" || key === "none" ? "No adviser" : staff.name(key));
  const canQa = useMe().can("case:assign");
  return (
    <>
      <h1 className="govuk-heading-xl">Compliance report</h1>
      <QueryState query={report} what="the compliance report">
        {(r) => (
          <>
            <p className="govuk-body">
              {r.cases} {r.cases === 1 ? "case" : "cases"} evaluated. A pass rate is passed out of passed and failed; findings
              that could not be assessed or do not apply are counted beside it.
            </p>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-one-half">
                <PercentBars
                  id="chart-rules"
                  title="Pass rate by rule"
                  summary={lowest(r.by_rule, (k) => k)}
                  bars={r.by_rule.map((row) => ({ label: row.key, percent: passRate(row), note: `${row.passed} of ${row.passed + row.fail}` }))}
                  table={rateTable(r.by_rule, "Rule", (k) => k)}
                />
              </div>
              <div className="govuk-grid-column-one-half">
                <PercentBars
                  id="chart-advisers"
                  title="Pass rate by adviser"
                  summary={lowest(r.by_adviser, adviserName)}
                  bars={r.by_adviser.map((row) => ({ label: adviserName(row.key), percent: passRate(row), note: `${row.passed} of ${row.passed + row.fail}` }))}
                  table={rateTable(r.by_adviser, "Adviser", adviserName)}
                />
              </div>
            </div>
            <h2 className="govuk-heading-m">By severity</h2>
              <ScrollBox>
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-visually-hidden">Findings by severity</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      {rateTable([], "Severity", (k) => k).headers.map((h) => (
                        <th scope="col" className="govuk-table__header" key={h}>{h}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {rateTable(r.by_severity, "Severity", label).rows.map((row) => (
                      <tr className="govuk-table__row" key={String(row[0])}>
                        {row.map((cell, i) => (i === 0 ? <th scope="row" className="govuk-table__header" key={i}>{cell}</th> : <td className="govuk-table__cell" key={i}>{cell}</td>))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            <h2 className="govuk-heading-m">File review coverage</h2>
            {r.qa_coverage.length === 0 ? (
              <p className="govuk-body">No closed cases to review yet.</p>
            ) : (
                <ScrollBox>
                  <table className="govuk-table">
                    <caption className="govuk-table__caption govuk-visually-hidden">File reviews per adviser against the quota</caption>
                    <thead className="govuk-table__head">
                      <tr className="govuk-table__row">
                        <th scope="col" className="govuk-table__header">Adviser</th>
                        <th scope="col" className="govuk-table__header cma-numeric">Closed cases</th>
                        <th scope="col" className="govuk-table__header cma-numeric">Reviewed</th>
                        <th scope="col" className="govuk-table__header cma-numeric">Quota</th>
                        <th scope="col" className="govuk-table__header">Met</th>
                      </tr>
                    </thead>
                    <tbody className="govuk-table__body">
                      {r.qa_coverage.map((q) => (
                        <tr className="govuk-table__row" key={q.adviser_id}>
                          <th scope="row" className="govuk-table__header">{adviserName(q.adviser_id)}</th>
                          <td className="govuk-table__cell cma-numeric">{q.closed_cases}</td>
                          <td className="govuk-table__cell cma-numeric">{q.reviewed}</td>
                          <td className="govuk-table__cell cma-numeric">{q.quota}</td>
                          <td className="govuk-table__cell">
                            {q.reviewed >= Math.min(q.quota, q.closed_cases) ? <Tag value="met" text="yes" /> : <Tag value="overdue" text="no" />}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollBox>
            )}
            <h2 className="govuk-heading-m">Findings</h2>
            <div className="cma-inline-form" role="search" aria-label="Filter findings">
              <Select
                id="report-status"
                label="Status"
                value={status}
                onChange={(v) => set("status", v)}
                options={[["fail", "Failed"], ["not_assessable", "Not assessable"], ["pass", "Passed"], ["not_applicable", "Not applicable"]]}
              />
              <Select
                id="report-severity"
                label="Severity"
                value={severity}
                onChange={(v) => set("severity", v)}
                options={[["", "Any"], ["critical", "Critical"], ["high", "High"], ["medium", "Medium"]]}
              />
              <Select id="report-rule" label="Rule" value={rule} onChange={(v) => set("rule", v)} options={[["", "Any"], ...r.by_rule.map((x) => [x.key, x.key] as const)]} />
              <Select
                id="report-adviser"
                label="Adviser"
                value={adviser}
                onChange={(v) => set("adviser", v)}
                options={[["", "Anyone"], ...staff.people.map((p) => [p.id, p.display_name] as const)]}
              />
            </div>
            <Findings page={r} staff={staff} offset={offset} onOffset={(o) => set("offset", String(o))} />
          </>
        )}
      </QueryState>
      <OverTime canQa={canQa} adviser={adviser} rule={rule} who={adviser ? adviserName(adviser) : ""} />
    </>
  );
}
