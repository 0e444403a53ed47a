// Spending guidelines: the periods the centre loaded (source and dates), the imports that
// loaded them, and an import with a preview. The file is the CSV `cma reference load`
// reads; the API checks it and names the line and column at fault. Preview (dry run)
// stores nothing; Import replaces the centre's table in one step (centre:settings, and a
// recent sign-in: the client asks for the password again when the API wants it).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { ApiError, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, dateTime, label, money } from "../../components/format";
import { Button, ErrorSummary, Select, TextArea, TextInput } from "../../components/forms";
import { QueryState, ScrollBox, Tag } from "../../components/ui";

type Preview = Schemas["GuidelinesImportOut"];
type Change = Schemas["GuidelineChangeOut"];

export const IMPORT_FIELDS = { content: "guidelines-content", source: "guidelines-source" };

/** A problem's `line[N].column` as words, for the error summary's reader. */
export function lineOf(field: string): string | null {
  const m = /^line\[(\d+)\](?:\.(\w+))?$/.exec(field);
  return m ? `line ${m[1]}${m[2] ? `, column ${m[2]}` : ""}` : null;
}

/** Where in the file the API found faults, in words ("line 7, column adults"). */
function lineProblems(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const where = error.errors.map((e) => lineOf(e.field)).filter((w): w is string => w !== null);
  return where.length ? `The file has a problem on ${where.join("; ")}.` : undefined;
}

function household(c: Change): string {
  return `${c.adults} adult${c.adults === 1 ? "" : "s"}, ${c.children} child${c.children === 1 ? "" : "ren"}`;
}

function Changes({ title, rows }: { title: string; rows: Change[] }) {
  if (rows.length === 0) return null;
  return (
    <ScrollBox>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">
          {title} ({rows.length})
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Household</th>
            <th scope="col" className="govuk-table__header">Category</th>
            <th scope="col" className="govuk-table__header">From</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Before</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">After</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.slice(0, 100).map((c) => (
            <tr className="govuk-table__row" key={`${c.adults}-${c.children}-${c.category}-${c.valid_from}`}>
              <td className="govuk-table__cell">{household(c)}</td>
              <td className="govuk-table__cell">{label(c.category)}</td>
              <td className="govuk-table__cell">{date(c.valid_from)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{c.before_pence == null ? "—" : money(c.before_pence)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{c.after_pence == null ? "—" : money(c.after_pence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

export function PreviewResult({ preview }: { preview: Preview }) {
  const none = preview.added.length + preview.removed.length + preview.changed.length === 0;
  return (
    <div className="govuk-!-margin-bottom-6" role="status">
      <h3 className="govuk-heading-m">{preview.stored ? "Imported" : "What this file changes"}</h3>
      <p className="govuk-body">
        {preview.rows} figures in {preview.periods.length} period{preview.periods.length === 1 ? "" : "s"}.{" "}
        {none
          ? "It changes nothing: every figure is already loaded."
          : `${preview.added.length} added, ${preview.changed.length} changed, ${preview.removed.length} removed.`}
        {!preview.stored && " Nothing is stored until you import it."}
      </p>
      <Changes title="Changed figures" rows={preview.changed} />
      <Changes title="Added figures" rows={preview.added} />
      <Changes title="Removed figures" rows={preview.removed} />
    </div>
  );
}

function ImportForm() {
  const qc = useQueryClient();
  const [content, setContent] = useState("");
  const [source, setSource] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const send = useMutation({
    mutationFn: async (dryRun: boolean) =>
      unwrap(await api.POST("/api/v1/reference/guidelines/imports", { body: { content, source: source.trim() || null, dry_run: dryRun } })),
    onSuccess: (r) => {
      setPreview(r);
      if (r.stored) void qc.invalidateQueries({ queryKey: ["guidelines"] });
    },
  });
  const edit = (f: (v: string) => void) => (v: string) => {
    f(v);
    setPreview(null);
  };
  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    edit(setContent)(await file.text());
    if (!source.trim()) setSource(file.name.replace(/\.csv$/i, ""));
  }
  // A fault in the file (`line[7].adults`) links to the file's text box.
  const fields: Record<string, string> = { ...IMPORT_FIELDS };
  if (send.error instanceof ApiError) for (const e of send.error.errors) if (lineOf(e.field)) fields[e.field] = IMPORT_FIELDS.content;
  return (
    <section aria-labelledby="import-heading">
      <h2 className="govuk-heading-l" id="import-heading">
        Import a guidelines file
      </h2>
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          send.mutate(true);
        }}
      >
        <ErrorSummary error={send.error} fields={fields} />
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="guidelines-file">
            Choose a CSV file
          </label>
          <div className="govuk-hint" id="guidelines-file-hint">
            Columns: valid_from, valid_to, adults, children, category, monthly_pence, source. Lines starting with # are comments.
          </div>
          <input className="govuk-file-upload" id="guidelines-file" type="file" accept=".csv,text/csv" aria-describedby="guidelines-file-hint" onChange={(e) => void pick(e)} />
        </div>
        <TextArea
          id={IMPORT_FIELDS.content}
          name="content"
          label="Or paste the file"
          hint={lineProblems(send.error)}
          value={content}
          onChange={edit(setContent)}
          error={send.error}
          rows={8}
        />
        <TextInput id={IMPORT_FIELDS.source} name="source" label="Where the figures come from" hint="For example, SFS trigger figures 2026" value={source} onChange={edit(setSource)} error={send.error} />
        <div className="govuk-button-group">
          <Button busy={send.isPending && send.variables === true}>Preview changes</Button>
          {preview && !preview.stored && (
            <Button type="button" warning busy={send.isPending && send.variables === false} onClick={() => send.mutate(false)}>
              Import these guidelines
            </Button>
          )}
        </div>
      </form>
      {preview && <PreviewResult preview={preview} />}
    </section>
  );
}

/** A paged list of the API (cursor), its pages read one after another on request. */
function usePaged<T>(key: unknown[], read: (cursor: string | undefined) => Promise<{ items: T[]; total: number; next_cursor?: string | null }>) {
  return useInfiniteQuery({
    queryKey: key,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => read(pageParam),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

function More({ query, what }: { query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown }; what: string }) {
  if (!query.hasNextPage) return null;
  return (
    <Button type="button" secondary busy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
      Show more {what}
    </Button>
  );
}

/** The periods loaded, newest first, 20 a page; filtered by whether each is in force. */
export function PeriodsTable() {
  const [inForce, setInForce] = useState("");
  const periods = usePaged(["guidelines", "periods", inForce], async (cursor) =>
    unwrap(
      await api.GET("/api/v1/reference/guidelines/periods", {
        params: { query: { limit: 20, cursor, in_force: inForce === "" ? undefined : inForce === "yes" } },
      }),
    ),
  );
  const rows = periods.data?.pages.flatMap((p) => p.items) ?? [];
  const total = periods.data?.pages[0]?.total ?? 0;
  return (
    <>
      <h2 className="govuk-heading-m">Periods loaded</h2>
      <div className="cma-inline-form">
        <Select
          id="periods-in-force"
          label="Show"
          value={inForce}
          onChange={setInForce}
          options={[
            ["", "Every period"],
            ["yes", "Periods in force today"],
            ["no", "Periods not in force"],
          ]}
        />
      </div>
      {periods.isPending ? (
        <p className="govuk-body" role="status">
          Loading the periods…
        </p>
      ) : periods.isError ? (
        <ErrorSummary error={periods.error} />
      ) : rows.length === 0 ? (
        <p className="govuk-body">No period matches.</p>
      ) : (
        <ScrollBox>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              {total} {total === 1 ? "period" : "periods"}
              {total > rows.length ? `, the newest ${rows.length} shown` : ""}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">From</th>
                <th scope="col" className="govuk-table__header">To</th>
                <th scope="col" className="govuk-table__header">Source</th>
                <th scope="col" className="govuk-table__header">Households</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Figures</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((p) => (
                <tr className="govuk-table__row" key={`${p.valid_from}-${p.source}-${p.valid_to ?? ""}`}>
                  <td className="govuk-table__cell">
                    {date(p.valid_from)} {p.in_force && <Tag value="accepted" text="in force" />}
                  </td>
                  <td className="govuk-table__cell">{p.valid_to ? date(p.valid_to) : "Open-ended"}</td>
                  <td className="govuk-table__cell">{p.source}</td>
                  <td className="govuk-table__cell">{p.households.join(", ")}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{p.rows}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <More query={periods} what="periods" />
    </>
  );
}

/** The imports, newest first, 20 a page; filtered by words of their source. */
export function ImportsTable() {
  const [typed, setTyped] = useState("");
  const [source, setSource] = useState("");
  const imports = usePaged(["guidelines", "imports", source], async (cursor) =>
    unwrap(await api.GET("/api/v1/reference/guidelines/imports", { params: { query: { limit: 20, cursor, source: source || undefined } } })),
  );
  const rows = imports.data?.pages.flatMap((p) => p.items) ?? [];
  const total = imports.data?.pages[0]?.total ?? 0;
  if (!source && !imports.isPending && !imports.isError && rows.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Imports</h2>
      <form
        className="cma-inline-form"
        role="search"
        aria-label="Filter imports"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setSource(typed.trim());
        }}
      >
        <TextInput id="imports-source" label="Source contains" width="20" value={typed} onChange={setTyped} />
        <Button secondary>Filter imports</Button>
      </form>
      {imports.isPending ? (
        <p className="govuk-body" role="status">
          Loading the imports…
        </p>
      ) : imports.isError ? (
        <ErrorSummary error={imports.error} />
      ) : rows.length === 0 ? (
        <p className="govuk-body">No import’s source contains “{source}”.</p>
      ) : (
        <ScrollBox>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              {total} {total === 1 ? "import" : "imports"}
              {total > rows.length ? `, the newest ${rows.length} shown` : ""}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">When</th>
                <th scope="col" className="govuk-table__header">Source</th>
                <th scope="col" className="govuk-table__header">Changes</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((i) => (
                <tr className="govuk-table__row" key={i.id}>
                  <td className="govuk-table__cell">{dateTime(i.imported_at)}</td>
                  <td className="govuk-table__cell">{i.source ?? "—"}</td>
                  <td className="govuk-table__cell">
                    {i.rows} figures: {i.added} added, {i.changed} changed, {i.removed} removed
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <More query={imports} what="imports" />
    </>
  );
}

export function ReferencePage() {
  const { can } = useMe();
  const guidelines = useQuery({
    queryKey: ["guidelines"],
    queryFn: async () => unwrap(await api.GET("/api/v1/reference/guidelines")),
  });
  return (
    <>
      <h1 className="govuk-heading-xl">Spending guidelines</h1>
      <p className="govuk-body">
        The budget flags spending above these figures. They are licensed to SFS members, so each centre imports its own.
      </p>
      <QueryState query={guidelines} what="the spending guidelines">
        {(g) =>
          !g.loaded ? (
            <div className="govuk-inset-text">No guidelines are loaded: the budget flags no spending against them.</div>
          ) : (
            <>
              <PeriodsTable />
              <ImportsTable />
            </>
          )
        }
      </QueryState>
      {can("centre:settings") && <ImportForm />}
    </>
  );
}
