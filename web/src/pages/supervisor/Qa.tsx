import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";
import { date, dateTime } from "../../components/format";
import { Button, ErrorSummary, TextInput } from "../../components/forms";
import { Pagination, QueryState, ScrollBox, Tag } from "../../components/ui";
import { useStaff } from "../../hooks/useStaff";
import { samplePicks } from "./data";

const LIMIT = 20;
/** Samples a page: each lists every adviser's picks, so a few at a time. */
const SAMPLES = 5;

/** Closed cases by id (reference and client), to name the cases a sample picked. */
export function useClosedCases() {
  return useQuery({
    queryKey: ["cases", "closed", "lookup"],
    queryFn: async () => {
      const page = unwrap(await api.GET("/api/v1/cases", { params: { query: { status: "closed", limit: 200 } } }));
      return new Map(page.items.map((c) => [c.id, c]));
    },
  });
}

/** Every review's case id (reviews are few: a handful per adviser per period). */
function useReviewedCaseIds() {
  return useQuery({
    queryKey: ["qa", "reviews", "all-ids"],
    queryFn: async () => {
      const ids = new Set<string>();
      for (let offset = 0; offset < 2000; offset += 200) {
        const page = unwrap(await api.GET("/api/v1/qa/reviews", { params: { query: { limit: 200, offset } } }));
        page.items.forEach((r) => ids.add(r.case_id));
        if (offset + 200 >= page.total) break;
      }
      return ids;
    },
  });
}

/** The typed quota: empty is none (the policy's); anything else goes as a number, or as
 * typed when it is not one, so that the API's problem names the field. */
export function quotaValue(typed: string): number | null {
  const t = typed.trim();
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : (t as unknown as number);
}

function DrawSample() {
  const qc = useQueryClient();
  const [seed, setSeed] = useState("");
  const [quota, setQuota] = useState("");
  const draw = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST("/api/v1/qa/samples", {
          // A quota that is not a whole number goes as typed, for the API to name it.
          body: { seed, quota: quotaValue(quota) },
        }),
      ),
    onSuccess: () => {
      setSeed("");
      setQuota("");
      void qc.invalidateQueries({ queryKey: ["qa", "samples"] });
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        draw.mutate();
      }}
    >
      <h2 className="govuk-heading-m">Draw a sample</h2>
      <ErrorSummary error={draw.error} fields={{ seed: "sample-seed", quota: "sample-quota" }} />
      <p className="govuk-body">
        Picks closed cases per adviser at random. The same seed over the same closed cases draws the same sample, so an
        auditor can draw it again.
      </p>
      <div className="cma-inline-form">
        <TextInput id="sample-seed" name="seed" label="Seed" hint="For example 2026-Q4" value={seed} onChange={setSeed} error={draw.error} width="10" />
        <TextInput
          id="sample-quota"
          name="quota"
          label="Cases per adviser (optional)"
          hint="Leave empty for the centre's policy"
          value={quota}
          onChange={setQuota}
          error={draw.error}
          inputMode="numeric"
          width="4"
        />
        <Button busy={draw.isPending}>Draw sample</Button>
      </div>
      {draw.isSuccess && (
        <div className="govuk-inset-text" role="status">
          Sample drawn with seed “{draw.data.seed}”, {draw.data.quota} per adviser.
        </div>
      )}
    </form>
  );
}

function Samples() {
  const staff = useStaff();
  const cases = useClosedCases();
  const reviewed = useReviewedCaseIds();
  const [offset, setOffset] = useState(0);
  const samples = useQuery({
    queryKey: ["qa", "samples", offset],
    queryFn: async () => unwrap(await api.GET("/api/v1/qa/samples", { params: { query: { limit: SAMPLES, offset } } })),
  });
  return (
    <QueryState query={samples} what="samples">
      {(page) =>
        page.items.length === 0 ? (
          <p className="govuk-body">No sample drawn yet.</p>
        ) : (
          <>
            {page.items.map((s, i) => (
              <section key={s.id} className="cma-card govuk-!-margin-bottom-4" aria-labelledby={`sample-${s.id}`}>
                <h3 className="govuk-heading-s" id={`sample-${s.id}`}>
                  {i === 0 && offset === 0 ? "Latest sample" : "Sample"}: seed “{s.seed}”, {s.quota} per adviser, drawn {dateTime(s.drawn_at)}
                </h3>
                {Object.keys(s.picks).length === 0 ? (
                  <p className="govuk-body">No closed cases to sample.</p>
                ) : (
                  <ul className="govuk-list">
                    {samplePicks(s, reviewed.data ?? new Set()).map((a) => (
                      <li key={a.adviserId}>
                        <strong>{staff.name(a.adviserId)}</strong>
                        <ul className="govuk-list govuk-!-margin-left-4">
                          {a.cases.map(({ caseId, reviewed: done }) => {
                            const c = cases.data?.get(caseId);
                            const name = c ? `${c.reference}${c.client_name ? `, ${c.client_name}` : ""}` : `case ${caseId.slice(0, 8)}`;
                            return (
                              <li key={caseId}>
                                {done ? <Tag value="done" text="reviewed" /> : <Tag value="pending" text="to review" />}{" "}
                                <Link className="govuk-link" to={`/supervision/qa/review/${caseId}`}>
                                  {done ? "Review again" : "Review"}
                                  <span className="govuk-visually-hidden"> case</span> {name}
                                </Link>
                              </li>
                            );
                          })}
                        </ul>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
            <Pagination total={page.total} limit={SAMPLES} offset={offset} onOffset={setOffset} label="Samples, by page" />
          </>
        )
      }
    </QueryState>
  );
}

function Reviews() {
  const staff = useStaff();
  const cases = useClosedCases();
  const [offset, setOffset] = useState(0);
  const reviews = useQuery({
    queryKey: ["qa", "reviews", offset],
    queryFn: async () => unwrap(await api.GET("/api/v1/qa/reviews", { params: { query: { limit: LIMIT, offset } } })),
  });
  return (
    <QueryState query={reviews} what="file reviews">
      {(page) =>
        page.items.length === 0 ? (
          <p className="govuk-body">No file reviews recorded yet.</p>
        ) : (
          <>
            <ScrollBox>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">File reviews, oldest first ({page.total})</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Reviewed</th>
                    <th scope="col" className="govuk-table__header">Case</th>
                    <th scope="col" className="govuk-table__header">Adviser</th>
                    <th scope="col" className="govuk-table__header">Reviewer</th>
                    <th scope="col" className="govuk-table__header cma-numeric">Score</th>
                    <th scope="col" className="govuk-table__header">Result</th>
                    <th scope="col" className="govuk-table__header">Actions</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {page.items.map((r) => (
                    <tr className="govuk-table__row" key={r.id}>
                      <td className="govuk-table__cell">{date(r.reviewed_on)}</td>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/cases/${r.case_id}`}>
                          {cases.data?.get(r.case_id)?.reference ?? r.case_id.slice(0, 8)}
                        </Link>
                      </td>
                      <td className="govuk-table__cell">{staff.name(r.adviser_id)}</td>
                      <td className="govuk-table__cell">{staff.name(r.reviewer_id)}</td>
                      <td className="govuk-table__cell cma-numeric">{r.percent}%</td>
                      <td className="govuk-table__cell">{r.passed ? <Tag value="met" text="passed" /> : <Tag value="failed" text="not passed" />}</td>
                      <td className="govuk-table__cell">{r.actions ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
            <Pagination total={page.total} limit={LIMIT} offset={offset} onOffset={setOffset} label="File reviews, by page" />
          </>
        )
      }
    </QueryState>
  );
}

export function QaPage() {
  return (
    <>
      <h1 className="govuk-heading-xl">File reviews</h1>
      <DrawSample />
      <h2 className="govuk-heading-m">Samples</h2>
      <Samples />
      <h2 className="govuk-heading-m">Reviews recorded</h2>
      <Reviews />
    </>
  );
}
