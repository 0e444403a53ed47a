// Registering a client and changing their details: the basic fields any adviser records
// (sensitive ones — vulnerabilities, health, a suppressed address — stay on their own forms,
// behind sensitive:write). Registering opens the client's page, where a case is opened.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { api, type Schemas } from "../api/client";
import { ifMatch, unwrap } from "../api/problem";
import { Button, ErrorSummary, TextArea, TextInput } from "../components/forms";
import { DateInput, checkDates } from "../components/DateInput";

type Client = Schemas["ClientOut"];

interface Values {
  first_name: string;
  last_name: string;
  date_of_birth: string;
  email: string;
  phone: string;
  ni_number: string;
  address_lines: string;
  postcode: string;
}

function valuesOf(client?: Client): Values {
  return {
    first_name: client?.first_name ?? "",
    last_name: client?.last_name ?? "",
    date_of_birth: client?.date_of_birth ?? "",
    email: client?.email ?? "",
    phone: client?.phone ?? "",
    ni_number: client?.ni_number ?? "",
    address_lines: client?.address?.lines.join("\n") ?? "",
    postcode: client?.address?.postcode ?? "",
  };
}

const optional = (text: string): string | null => (text.trim() === "" ? null : text.trim());

/** The address as the API takes it: its lines (one a row, blank rows dropped) and the
 * postcode; none when both are empty. */
export function addressOf(v: Values): { lines: string[]; postcode: string } | null {
  const lines = v.address_lines.split("\n").map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0 && v.postcode.trim() === "") return null;
  return { lines, postcode: v.postcode.trim() };
}

/** What a registration sends. */
export function registration(v: Values) {
  return {
    first_name: v.first_name.trim(),
    last_name: v.last_name.trim(),
    date_of_birth: v.date_of_birth.trim(),
    email: optional(v.email),
    phone: optional(v.phone),
    ni_number: optional(v.ni_number),
    address: addressOf(v),
  };
}

/** What an edit sends: only the fields that changed (``null`` clears one). */
export function changes(before: Values, after: Values): Record<string, unknown> {
  const now = registration(after);
  const was = registration(before);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(now) as (keyof typeof now)[]) {
    if (JSON.stringify(now[key]) !== JSON.stringify(was[key])) out[key] = now[key];
  }
  return out;
}

const FIELDS = {
  first_name: "client-first-name",
  last_name: "client-last-name",
  date_of_birth: "client-dob",
  email: "client-email",
  phone: "client-phone",
  ni_number: "client-ni",
  "address.lines": "client-address",
  "address.postcode": "client-postcode",
};

const LABELS = {
  first_name: "First name:",
  last_name: "Last name:",
  date_of_birth: "Date of birth:",
  email: "Email:",
  phone: "Phone:",
  ni_number: "National Insurance number:",
  "address.lines": "Address:",
  "address.postcode": "Postcode:",
};

/** Registers a client (no ``client``) or changes one's details (``client``, with its
 * version as If-Match). */
export function ClientDetailsForm({ client, onDone }: { client?: Client; onDone?: (client: Client) => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [v, setV] = useState<Values>(() => valuesOf(client));
  const set = (key: keyof Values) => (value: string) => setV((old) => ({ ...old, [key]: value }));
  const save = useMutation({
    mutationFn: async () => {
      checkDates({ date_of_birth: v.date_of_birth });
      if (!client) return unwrap(await api.POST("/api/v1/clients", { body: registration(v) as Schemas["ClientIn"] }));
      return unwrap(
        await api.PATCH("/api/v1/clients/{client_id}", {
          params: { path: { client_id: client.id }, header: ifMatch(client.version) },
          body: changes(valuesOf(client), v) as Schemas["ClientPatch"],
        }),
      );
    },
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ["clients"] });
      qc.setQueryData(["client", saved.id], saved);
      if (!client) navigate(`/clients/${saved.id}?registered=1`);
      onDone?.(saved);
    },
  });
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
      aria-label={client ? "Change the client's details" : "Register a client"}
    >
      <ErrorSummary error={save.error} fields={FIELDS} labels={LABELS} />
      <TextInput id="client-first-name" name="first_name" label="First name" value={v.first_name} onChange={set("first_name")} error={save.error} width="20" />
      <TextInput id="client-last-name" name="last_name" label="Last name" value={v.last_name} onChange={set("last_name")} error={save.error} width="20" />
      <DateInput id="client-dob" name="date_of_birth" label="Date of birth" birthday value={v.date_of_birth} onChange={set("date_of_birth")} error={save.error} />
      <TextInput id="client-email" name="email" label="Email (optional)" type="email" value={v.email} onChange={set("email")} error={save.error} />
      <TextInput id="client-phone" name="phone" label="Phone (optional)" type="tel" value={v.phone} onChange={set("phone")} error={save.error} width="20" />
      <TextInput id="client-ni" name="ni_number" label="National Insurance number (optional)" hint="For example QQ 12 34 56 C" value={v.ni_number} onChange={set("ni_number")} error={save.error} width="10" />
      <TextArea id="client-address" name="address.lines" label="Address (optional)" hint="One line a row, without the postcode" rows={3} value={v.address_lines} onChange={set("address_lines")} error={save.error} />
      <TextInput id="client-postcode" name="address.postcode" label="Postcode" value={v.postcode} onChange={set("postcode")} error={save.error} width="10" />
      <Button busy={save.isPending}>{client ? "Save changes" : "Register client"}</Button>
    </form>
  );
}
