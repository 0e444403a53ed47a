import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { api, type Schemas } from "../../api/client";
import { ApiError, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, dateTime, label } from "../../components/format";
import { Button, ErrorSummary, Select, TextInput } from "../../components/forms";
import { Blocked, Pagination, QueryState, SummaryList, Tag } from "../../components/ui";
import { NotFound } from "../NotFound";

const LIMIT = 25;
const ROLES: ReadonlyArray<Schemas["Role"]> = ["centre_admin", "supervisor", "adviser", "caseworker", "auditor"];
/** Never granted one by one (the API refuses them): an extra role is the way. */
const NOT_GRANTABLE = new Set(["centre:manage", "user:manage"]);

/** What this admin may grant: what they hold themselves, less what is never granted. */
export function grantable(own: ReadonlyArray<string>): string[] {
  return own.filter((p) => !NOT_GRANTABLE.has(p)).sort();
}

/** A date typed for "expires on" as the instant the API wants (end of that day, UTC);
 * anything not a date goes as typed so that the API's problem names the field. */
export function expiryInstant(typed: string): string | null {
  const t = typed.trim();
  if (!t) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T23:59:59Z` : t;
}

function UserCreationBlocked() {
  return (
    <Blocked>
      the API has no route to create a user, deactivate one or change their roles. Today that is{" "}
      <code>cma user create --centre ID --email … --role …</code> on the server (it also adds a role to an existing user).
      This page lists staff and manages their extra permissions.
    </Blocked>
  );
}

export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const role = params.get("role") ?? "";
  const active = params.get("active") ?? "true";
  const name = params.get("name") ?? "";
  const offset = Number(params.get("offset") ?? 0) || 0;
  const [typed, setTyped] = useState(name);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "offset") next.delete("offset");
    setParams(next);
  };
  const users = useQuery({
    queryKey: ["staff", role, active, name, offset],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/users", {
          params: {
            query: {
              role: (role || null) as Schemas["Role"] | null,
              active: active === "" ? null : active === "true",
              name: name || null,
              limit: LIMIT,
              offset,
            },
          },
        }),
      ),
  });
  return (
    <>
      <h1 className="govuk-heading-xl">Users</h1>
      <UserCreationBlocked />
      <form
        className="cma-inline-form"
        role="search"
        aria-label="Filter users"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          set("name", typed);
        }}
      >
        <TextInput id="users-name" label="Name" value={typed} onChange={setTyped} width="10" />
        <Select id="users-role" label="Role" value={role} onChange={(v) => set("role", v)} options={[["", "Any"], ...ROLES.map((r) => [r, label(r)] as const)]} />
        <Select id="users-active" label="Status" value={active} onChange={(v) => set("active", v)} options={[["true", "Active"], ["false", "Deactivated"], ["", "All"]]} />
        <Button secondary>Search</Button>
      </form>
      <QueryState query={users} what="users">
        {(page) => (
          <>
            <div className="cma-table-scroll">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">
                  {page.total} {page.total === 1 ? "person" : "people"}
                </caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Name</th>
                    <th scope="col" className="govuk-table__header">Roles</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {page.items.map((u) => (
                    <tr className="govuk-table__row" key={u.id}>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/admin/users/${u.id}`}>
                          {u.display_name}
                        </Link>
                      </td>
                      <td className="govuk-table__cell">{u.roles.map(label).join(", ")}</td>
                      <td className="govuk-table__cell">{u.active ? <Tag value="met" text="active" /> : <Tag value="closed" text="deactivated" />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination total={page.total} limit={LIMIT} offset={offset} onOffset={(o) => set("offset", String(o))} />
          </>
        )}
      </QueryState>
    </>
  );
}

function GrantForm({ userId }: { userId: string }) {
  const { me } = useMe();
  const qc = useQueryClient();
  const options = grantable(me.permissions);
  const [permission, setPermission] = useState(options[0] ?? "");
  const [reason, setReason] = useState("");
  const [expires, setExpires] = useState("");
  const grant = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST("/api/v1/users/{user_id}/grants", {
          params: { path: { user_id: userId } },
          body: { permission, reason, expires_at: expiryInstant(expires) },
        }),
      ),
    onSuccess: () => {
      setReason("");
      setExpires("");
      void qc.invalidateQueries({ queryKey: ["grants", userId] });
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        grant.mutate();
      }}
    >
      <h2 className="govuk-heading-m">Grant a permission</h2>
      <ErrorSummary error={grant.error} fields={{ permission: "grant-permission", reason: "grant-reason", expires_at: "grant-expires" }} />
      <Select
        id="grant-permission"
        name="permission"
        label="Permission"
        hint="Only permissions you hold yourself. Managing users or centres is a role, never a grant."
        value={permission}
        onChange={setPermission}
        options={options.map((p) => [p, p] as const)}
        error={grant.error}
      />
      <TextInput id="grant-reason" name="reason" label="Reason" hint="Kept in the audit trail" value={reason} onChange={setReason} error={grant.error} />
      <TextInput
        id="grant-expires"
        name="expires_at"
        label="Expires on (optional)"
        hint="For example 2027-03-31; the grant ends at the end of that day"
        value={expires}
        onChange={setExpires}
        error={grant.error}
        width="10"
      />
      <Button busy={grant.isPending}>Grant permission</Button>
    </form>
  );
}

export function UserPage() {
  const { userId = "" } = useParams();
  const qc = useQueryClient();
  const user = useQuery({
    queryKey: ["staff", "one", userId],
    queryFn: async () => unwrap(await api.GET("/api/v1/users/{user_id}", { params: { path: { user_id: userId } } })),
  });
  const grants = useQuery({
    queryKey: ["grants", userId],
    enabled: user.isSuccess,
    queryFn: async () => unwrap(await api.GET("/api/v1/users/{user_id}/grants", { params: { path: { user_id: userId } } })),
  });
  const revoke = useMutation({
    mutationFn: async (permission: string) =>
      unwrap(await api.DELETE("/api/v1/users/{user_id}/grants/{permission}", { params: { path: { user_id: userId, permission } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["grants", userId] }),
  });
  if (user.error instanceof ApiError && [400, 404, 422].includes(user.error.status)) return <NotFound what="User" />;
  return (
    <QueryState query={user} what="the user">
      {(u) => (
        <>
          <h1 className="govuk-heading-xl">{u.display_name}</h1>
          <SummaryList
            rows={[
              ["Roles in this centre", u.roles.map(label).join(", ") || "—"],
              ["Status", u.active ? "Active" : "Deactivated"],
            ]}
          />
          <UserCreationBlocked />
          <h2 className="govuk-heading-m">Extra permissions</h2>
          <ErrorSummary error={revoke.error} />
          <QueryState query={grants} what="grants">
            {({ items }) => {
              return items.length === 0 ? (
                <p className="govuk-body">No extra permissions: the roles alone decide.</p>
              ) : (
                <div className="cma-table-scroll">
                  <table className="govuk-table">
                    <caption className="govuk-table__caption govuk-visually-hidden">Permissions granted</caption>
                    <thead className="govuk-table__head">
                      <tr className="govuk-table__row">
                        <th scope="col" className="govuk-table__header">Permission</th>
                        <th scope="col" className="govuk-table__header">Reason</th>
                        <th scope="col" className="govuk-table__header">Granted</th>
                        <th scope="col" className="govuk-table__header">Expires</th>
                        <th scope="col" className="govuk-table__header">Status</th>
                        <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
                      </tr>
                    </thead>
                    <tbody className="govuk-table__body">
                      {items.map((g) => (
                        <tr className="govuk-table__row" key={g.permission}>
                          <td className="govuk-table__cell">{g.permission}</td>
                          <td className="govuk-table__cell">{g.reason}</td>
                          <td className="govuk-table__cell">{dateTime(g.granted_at)}</td>
                          <td className="govuk-table__cell">{g.expires_at ? date(g.expires_at) : "Never"}</td>
                          <td className="govuk-table__cell">{g.active ? <Tag value="met" text="active" /> : <Tag value="closed" text="expired" />}</td>
                          <td className="govuk-table__cell">
                            <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => revoke.mutate(g.permission)} disabled={revoke.isPending}>
                              Revoke<span className="govuk-visually-hidden"> {g.permission}</span>
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              );
            }}
          </QueryState>
          <GrantForm userId={userId} />
          <p className="govuk-body">
            <Link className="govuk-link" to="/admin/users">
              Back to users
            </Link>
          </p>
        </>
      )}
    </QueryState>
  );
}
