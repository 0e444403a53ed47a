// Search over GET /api/v1/search: words, kinds, ranked hits with the matching words
// highlighted, pagination. The query lives in the URL (?q=&kind=&offset=), so the header's
// search box, the back button and a shared link all land on the same results.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api, type Schemas } from "../../api/client";
import { unwrap } from "../../api/problem";
import { label } from "../../components/format";
import { Button, Checkbox, ErrorSummary } from "../../components/forms";
import { Pagination, Tag } from "../../components/ui";

type Hit = Schemas["SearchHitOut"];
type Kind = Schemas["SearchKind"];
export const KINDS: Kind[] = ["case", "client", "note", "document", "letter", "contact"];
const LIMIT = 20;

/** Where a hit opens in the console. */
export function hitLink(h: Hit): string | null {
  if (h.kind === "client") return h.client_id ? `/clients/${h.client_id}` : null;
  if (!h.case_id) return h.client_id ? `/clients/${h.client_id}` : null;
  const tab = { case: "", note: "/notes", document: "/documents", letter: "/letters", contact: "/contacts" }[h.kind];
  return `/cases/${h.case_id}${tab}`;
}

export function Snippet({ parts }: { parts: Schemas["SnippetPart"][] }) {
  return (
    <>
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

export default function Search() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const kinds = params.getAll("kind").filter((k): k is Kind => (KINDS as string[]).includes(k));
  const offset = Number(params.get("offset") ?? 0) || 0;
  const [text, setText] = useState(q);
  const [chosen, setChosen] = useState<Kind[]>(kinds);
  const results = useQuery({
    queryKey: ["search", q, kinds, offset],
    queryFn: async () => unwrap(await api.GET("/api/v1/search", { params: { query: { q, limit: LIMIT, offset, ...(kinds.length ? { kind: kinds } : {}) } } })),
    enabled: q.trim() !== "",
    placeholderData: keepPreviousData,
  });

  function go(next: { q: string; kinds: Kind[]; offset: number }) {
    const p = new URLSearchParams();
    p.set("q", next.q);
    for (const k of next.kinds) p.append("kind", k);
    if (next.offset) p.set("offset", String(next.offset));
    setParams(p);
  }

  return (
    <>
      <h1 className="govuk-heading-xl">Search</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <form
            role="search"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              go({ q: text, kinds: chosen, offset: 0 });
            }}
            noValidate
          >
            <ErrorSummary error={results.error} fields={{ q: "search-q" }} />
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="search-q">
                Words to find
              </label>
              <div className="govuk-hint" id="search-q-hint">
                All the words must match. A client is found by their exact name, email, phone or postcode.
              </div>
              <input id="search-q" name="q" type="search" className="govuk-input" value={text} onChange={(e) => setText(e.target.value)} aria-describedby="search-q-hint" spellCheck={false} />
            </div>
            <fieldset className="govuk-fieldset govuk-!-margin-bottom-4">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Only these kinds</legend>
              {KINDS.map((k) => (
                <Checkbox key={k} id={`search-kind-${k}`} label={`${label(k)}s`} checked={chosen.includes(k)} onChange={(on) => setChosen(on ? [...chosen, k] : chosen.filter((x) => x !== k))} />
              ))}
            </fieldset>
            <Button>Search</Button>
          </form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          {q.trim() === "" ? (
            <p className="govuk-body">Type some words to search cases, clients, notes, documents, letters and contacts you may see.</p>
          ) : results.isPending ? (
            <p className="govuk-body" role="status">
              Loading results…
            </p>
          ) : results.data ? (
            <>
              <p className="govuk-body" role="status">
                {results.data.total === 0 ? `Nothing found for “${q}”.` : `${results.data.total} result${results.data.total === 1 ? "" : "s"} for “${q}”.`}
              </p>
              <ol className="govuk-list" start={offset + 1} aria-label="Results, best first">
                {results.data.items.map((h) => {
                  const to = hitLink(h);
                  return (
                    <li key={`${h.kind}:${h.id}`} className="cma-card cma-search-hit govuk-!-margin-bottom-3">
                      <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                        <Tag value={h.kind} text={label(h.kind)} />{" "}
                        {to ? (
                          <Link className="govuk-link" to={to}>
                            {h.title}
                          </Link>
                        ) : (
                          h.title
                        )}
                      </h2>
                      <p className="govuk-body-s govuk-!-margin-bottom-0">
                        <Snippet parts={h.snippet} />
                      </p>
                    </li>
                  );
                })}
              </ol>
              <Pagination total={results.data.total} limit={LIMIT} offset={offset} onOffset={(o) => go({ q, kinds, offset: o })} />
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
