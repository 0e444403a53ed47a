// Choosing an SFS line by its name, grouped by category, from the API's catalogue
// (GET /api/v1/reference/sfs-lines: national reference data, read once per session).
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { api, type Schemas } from "../api/client";
import { unwrap } from "../api/problem";
import { Field } from "./forms";

type Line = Schemas["SfsLineOut"];
type Section = Schemas["SfsLineOut"]["section"];

export function useSfsLines() {
  return useQuery({
    queryKey: ["sfs-lines"],
    queryFn: async () => unwrap(await api.GET("/api/v1/reference/sfs-lines", { params: { query: { limit: 200 } } })),
    staleTime: Infinity,
  });
}

/** The catalogue's lines of the given sections, grouped by category in catalogue order. */
export function groupLines(lines: readonly Line[], sections: readonly Section[], leaveOut: ReadonlySet<string> = new Set()): Array<[string, Line[]]> {
  const groups = new Map<string, Line[]>();
  for (const line of lines) {
    if (!sections.includes(line.section) || leaveOut.has(line.key)) continue;
    const group = groups.get(line.category_label) ?? [];
    group.push(line);
    groups.set(line.category_label, group);
  }
  return [...groups.entries()];
}

export function SfsLineSelect({
  id,
  name,
  label,
  hint,
  value,
  onChange,
  sections,
  extra = [],
  leaveOut,
  error,
}: {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (key: string) => void;
  sections: readonly Section[];
  /** Choices beside the catalogue's lines, e.g. "a payment to a creditor". */
  extra?: ReadonlyArray<readonly [string, string]>;
  leaveOut?: ReadonlySet<string>;
  error?: unknown;
}) {
  const lines = useSfsLines();
  const groups = groupLines(lines.data?.items ?? [], sections, leaveOut);
  const known = value === "" || extra.some(([k]) => k === value) || groups.some(([, ls]) => ls.some((l) => l.key === value));
  return (
    <Field id={id} label={label} hint={hint} name={name} error={error}>
      {({ invalid, describedBy }) => (
        <select
          id={id}
          name={name ?? id}
          className={`govuk-select${invalid ? " govuk-select--error" : ""}`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
        >
          <option value="">{lines.isPending ? "Loading the SFS lines…" : "Choose a line"}</option>
          {!known && <option value={value}>{value}</option>}
          {extra.map(([k, text]) => (
            <option key={k} value={k}>
              {text}
            </option>
          ))}
          {groups.map(([category, ls]) => (
            <optgroup key={category} label={category}>
              {ls.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </Field>
  );
}
