import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { unwrap, ifMatch } from "../../api/problem";
import { useMe } from "../../auth/session";
import { Button, ErrorSummary, TextArea, TextInput } from "../../components/forms";
import { Pagination, QueryState, ScrollBox } from "../../components/ui";

const LIMIT = 25;
type Creditor = Schemas["CreditorOut"];
type CreditorIn = Schemas["CreditorIn"];

const FIELDS = {
  name: "creditor-name",
  address: "creditor-address",
  phone: "creditor-phone",
  email: "creditor-email",
  reference_pattern: "creditor-pattern",
};

/** Empty inputs are "not recorded" (null), as the API wants them. */
export function creditorBody(v: { name: string; address: string; phone: string; email: string; reference_pattern: string }): CreditorIn {
  const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    name: v.name.trim(),
    address: orNull(v.address),
    phone: orNull(v.phone),
    email: orNull(v.email),
    reference_pattern: orNull(v.reference_pattern),
  };
}

function CreditorForm({ creditor, onDone }: { creditor?: Creditor; onDone: () => void }) {
  const qc = useQueryClient();
  const [v, setV] = useState({
    name: creditor?.name ?? "",
    address: creditor?.address ?? "",
    phone: creditor?.phone ?? "",
    email: creditor?.email ?? "",
    reference_pattern: creditor?.reference_pattern ?? "",
  });
  const field = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const save = useMutation({
    mutationFn: async () =>
      creditor
        ? unwrap(
            await api.PUT("/api/v1/creditors/{creditor_id}", {
              params: { path: { creditor_id: creditor.id }, header: ifMatch(creditor.version) },
              body: creditorBody(v),
            }),
          )
        : unwrap(await api.POST("/api/v1/creditors", { body: creditorBody(v) })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["creditors"] });
      onDone();
    },
  });
  return (
    <form
      className="cma-card govuk-!-margin-bottom-6"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 className="govuk-heading-m">{creditor ? `Change ${creditor.name}` : "Add a creditor"}</h2>
      <ErrorSummary error={save.error} fields={FIELDS} />
      <TextInput id={FIELDS.name} name="name" label="Name" value={v.name} onChange={field("name")} error={save.error} />
      <TextArea id={FIELDS.address} name="address" label="Address for letters" value={v.address} onChange={field("address")} error={save.error} rows={3} />
      <TextInput id={FIELDS.phone} name="phone" label="Phone" value={v.phone} onChange={field("phone")} error={save.error} width="20" />
      <TextInput id={FIELDS.email} name="email" label="Email" type="email" value={v.email} onChange={field("email")} error={save.error} width="30" />
      <TextInput
        id={FIELDS.reference_pattern}
        name="reference_pattern"
        label="Account reference pattern (optional)"
        hint="A regular expression that the creditor's account references match, used to recognise its letters"
        value={v.reference_pattern}
        onChange={field("reference_pattern")}
        error={save.error}
      />
      <div className="govuk-button-group">
        <Button busy={save.isPending}>{creditor ? "Save creditor" : "Add creditor"}</Button>
        <Button type="button" secondary onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function CreditorsPage() {
  const { can } = useMe();
  const [name, setName] = useState("");
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<Creditor | "new" | null>(null);
  const creditors = useQuery({
    queryKey: ["creditors", name, offset],
    queryFn: async () => unwrap(await api.GET("/api/v1/creditors", { params: { query: { name: name || null, limit: LIMIT, offset } } })),
    placeholderData: (prev) => prev,
  });
  const canWrite = can("finance:write");
  return (
    <>
      <h1 className="govuk-heading-xl">Creditor directory</h1>
      {!canWrite && <p className="govuk-body">Your role can read the directory; changing it needs finance:write (supervisors and advisers).</p>}
      {canWrite && editing === null && (
        <Button type="button" secondary onClick={() => setEditing("new")}>
          Add a creditor
        </Button>
      )}
      {editing !== null && <CreditorForm key={editing === "new" ? "new" : editing.id} creditor={editing === "new" ? undefined : editing} onDone={() => setEditing(null)} />}
      <div role="search" aria-label="Find a creditor">
        <TextInput id="creditors-name" label="Find by name" value={name} onChange={(v) => { setName(v); setOffset(0); }} width="20" />
      </div>
      <QueryState query={creditors} what="creditors">
        {(page) => (
          <>
            <ScrollBox>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">{page.total} creditors</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Name</th>
                    <th scope="col" className="govuk-table__header">Address</th>
                    <th scope="col" className="govuk-table__header">Phone</th>
                    <th scope="col" className="govuk-table__header">Email</th>
                    {canWrite && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {page.items.map((c) => (
                    <tr className="govuk-table__row" key={c.id}>
                      <td className="govuk-table__cell">{c.name}</td>
                      <td className="govuk-table__cell">{c.address ?? "—"}</td>
                      <td className="govuk-table__cell">{c.phone ?? "—"}</td>
                      <td className="govuk-table__cell">{c.email ?? "—"}</td>
                      {canWrite && (
                        <td className="govuk-table__cell">
                          <button type="button" className="cma-link-button" onClick={() => setEditing(c)}>
                            Change<span className="govuk-visually-hidden"> {c.name}</span>
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
            <Pagination total={page.total} limit={LIMIT} offset={offset} onOffset={setOffset} />
          </>
        )}
      </QueryState>
    </>
  );
}
