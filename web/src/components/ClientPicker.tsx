// Choosing a client on a form without listing the whole centre: type part of a name and
// the matching clients are offered (the API's name search: whole words, the start of a
// surname, or a name that sounds alike); with nothing typed, the newest clients. The
// choice survives a new search, so narrowing the list never loses it.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../api/client";
import { unwrap } from "../api/problem";
import { Select, TextInput } from "./forms";

const SHOWN = 20;
const WAIT_MS = 250;

/** A client's name as the console shows it. */
export const clientName = (c: { first_name: string | null; last_name: string | null }) =>
  [c.first_name, c.last_name].filter(Boolean).join(" ") || "A client";

/** `value` after it has stayed the same for `ms`: one request per pause in typing. */
export function useSettled<T>(value: T, ms = WAIT_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function ClientPicker({
  id,
  name = "client_id",
  label = "Client",
  value,
  onChange,
  error,
}: {
  id: string;
  name?: string;
  label?: string;
  value: string;
  onChange: (clientId: string, shownAs: string) => void;
  error?: unknown;
}) {
  const [typed, setTyped] = useState("");
  const [chosen, setChosen] = useState<readonly [string, string] | null>(null);
  const words = useSettled(typed.trim());
  // The API refuses a name without letters; until there are some, the newest clients.
  const query = /\p{L}/u.test(words) ? words : "";
  const found = useQuery({
    queryKey: ["client-picker", query],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/clients", { params: { query: { name: query || null, limit: SHOWN } } })),
    placeholderData: keepPreviousData,
  });
  const items = found.data?.items ?? [];
  const options: Array<readonly [string, string]> = items.map((c) => [c.id, clientName(c)] as const);
  if (chosen && chosen[0] === value && !options.some(([v]) => v === value)) options.unshift(chosen);
  const total = found.data?.total ?? 0;
  const summary = found.isError
    ? "The clients could not be loaded"
    : found.isPending
      ? "Loading clients…"
      : query
        ? `${total} ${total === 1 ? "client matches" : "clients match"} “${query}”${total > SHOWN ? ` (the newest ${SHOWN} shown: type more to narrow)` : ""}`
        : `The newest ${Math.min(total, SHOWN)} of ${total} clients: type a name to find others`;
  return (
    <div className="cma-client-picker">
      <TextInput
        id={`${id}-search`}
        label="Find the client by name"
        hint="A first name, a surname, the start of a surname, or how it sounds"
        value={typed}
        onChange={setTyped}
        autoComplete="off"
      />
      <p className="govuk-body-s" aria-live="polite" id={`${id}-found`}>
        {summary}
      </p>
      <Select
        id={id}
        name={name}
        label={label}
        value={value}
        error={error}
        onChange={(v) => {
          const pick = options.find(([o]) => o === v) ?? null;
          setChosen(pick);
          onChange(v, pick?.[1] ?? "");
        }}
        options={[["", "Choose a client"], ...options]}
      />
    </div>
  );
}

/** A client's name in a table row, read on its own (cached with the client's page). */
export function ClientName({ id }: { id: string }) {
  const client = useQuery({
    queryKey: ["client", id],
    queryFn: async () => unwrap(await api.GET("/api/v1/clients/{client_id}", { params: { path: { client_id: id } } })),
    retry: false,
  });
  return <>{client.data ? clientName(client.data) : client.isError ? "A client no longer held" : "A client"}</>;
}

/** A case's reference in a table row. */
export function CaseReference({ id }: { id: string }) {
  const kase = useQuery({
    queryKey: ["case", id],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}", { params: { path: { case_id: id } } })),
    retry: false,
  });
  return <>{kase.data ? `Case ${kase.data.reference}` : "A case"}</>;
}
