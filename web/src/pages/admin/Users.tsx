import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { api, type Schemas } from "../../api/client";
import { everyItem } from "../../api/pages";
import { ApiError, ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, dateTime, label } from "../../components/format";
import { Button, ErrorSummary, Select, TextInput } from "../../components/forms";
import { Pagination, QueryState, ScrollBox, SummaryList, Tag, WarningText } from "../../components/ui";
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

/** The roles a centre admin gives, as checkboxes in one fieldset; the API's problem about
 * `roles` is shown on the fieldset (and the error summary links to its first box). */
export function RolesField({ id, legend, roles, onChange, error }: { id: string; legend: string; roles: string[]; onChange: (r: string[]) => void; error: unknown }) {
  const message = error instanceof ApiError ? error.fieldMessage("roles") : undefined;
  return (
    <div className={`govuk-form-group${message ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={message ? `${id}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {message && (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {message}
          </p>
        )}
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {ROLES.map((r, i) => (
            <div className="govuk-checkboxes__item" key={r}>
              <input
                className="govuk-checkboxes__input"
                id={i === 0 ? id : `${id}-${r}`}
                type="checkbox"
                checked={roles.includes(r)}
                onChange={(e) => onChange(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={i === 0 ? id : `${id}-${r}`}>
                {label(r)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** Add a member of staff: their sign-in email, name, roles here and a first password. */
function AddUserForm() {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [roles, setRoles] = useState<string[]>(["adviser"]);
  const [password, setPassword] = useState("");
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const add = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST("/api/v1/users", {
          body: { email, display_name: name, roles: roles as Schemas["Role"][], password },
        }),
      ),
    onSuccess: (u) => {
      setAdded({ id: u.id, name: u.display_name });
      setEmail("");
      setName("");
      setPassword("");
      setRoles(["adviser"]);
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ["staff"] });
    },
  });
  return (
    <>
      <div aria-live="polite">
        {added && (
          <p className="govuk-body" role="status">
            <Link className="govuk-link" to={`/admin/users/${added.id}`}>
              {added.name}
            </Link>{" "}
            added. Give them their first password in person; they can sign in now.
          </p>
        )}
      </div>
      {!open ? (
        <Button secondary type="button" onClick={() => setOpen(true)}>
          Add a user
        </Button>
      ) : (
        <form
          noValidate
          className="cma-card govuk-!-margin-bottom-6"
          aria-labelledby="add-user-heading"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <h2 className="govuk-heading-m" id="add-user-heading">
            Add a user
          </h2>
          <ErrorSummary error={add.error} fields={{ email: "user-email", display_name: "user-name", roles: "user-roles", password: "user-password" }} />
          <TextInput id="user-email" name="email" label="Email address" hint="They sign in with it" value={email} onChange={setEmail} error={add.error} type="email" autoComplete="off" />
          <TextInput id="user-name" name="display_name" label="Display name" value={name} onChange={setName} error={add.error} />
          <RolesField id="user-roles" legend="Roles in this centre" roles={roles} onChange={setRoles} error={add.error} />
          <TextInput
            id="user-password"
            name="password"
            label="First password"
            hint="At least 12 characters, not a common password. Someone who already has an account keeps theirs."
            value={password}
            onChange={setPassword}
            error={add.error}
            type="password"
            autoComplete="new-password"
          />
          <div className="govuk-button-group">
            <Button busy={add.isPending}>Add user</Button>
            <Button secondary type="button" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </>
  );
}

/** Change a member's roles, deactivate or reactivate them; each edit names the version read. */
function MemberEdits({ user }: { user: Schemas["StaffOut"] }) {
  const qc = useQueryClient();
  const { me } = useMe();
  const [roles, setRoles] = useState<string[]>(user.roles);
  // The answer is the member at their new version: shown at once (the next edit's If-Match),
  // then the lists refetched.
  const refresh = (u: Schemas["StaffOut"]) => {
    qc.setQueryData(["staff", "one", u.id], u);
    void qc.invalidateQueries({ queryKey: ["staff"], predicate: (q) => q.queryKey[1] !== "one" });
  };
  const setRolesM = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT("/api/v1/users/{user_id}/roles", {
          params: { path: { user_id: user.id }, header: ifMatch(user.version) },
          body: { roles: roles as Schemas["Role"][] },
        }),
      ),
    onSuccess: refresh,
  });
  const status = useMutation({
    mutationFn: async () => {
      const opts = { params: { path: { user_id: user.id }, header: ifMatch(user.version) } };
      return unwrap(user.active ? await api.POST("/api/v1/users/{user_id}/deactivate", opts) : await api.POST("/api/v1/users/{user_id}/reactivate", opts));
    },
    onSuccess: refresh,
  });
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST("/api/v1/users/{user_id}/second-factor/reset", {
          params: { path: { user_id: user.id }, header: ifMatch(user.version) },
        }),
      ),
    onSuccess: (u) => {
      setConfirming(false);
      refresh(u);
    },
  });
  const self = me.user_id === user.id;
  if (confirming) {
    return (
      <>
        <h2 className="govuk-heading-l" id="reset-2sv">
          Reset 2-step verification for {user.display_name}?
        </h2>
        <ErrorSummary error={reset.error} />
        <WarningText>
          Only do this once you are sure who is asking: they will sign in with their password alone.
        </WarningText>
        <p className="govuk-body">Their authenticator app and recovery codes stop working, and they are signed out everywhere. If your centre requires 2-step verification for their role, they must set it up again at their next sign-in.</p>
        <div className="govuk-button-group">
          <Button warning type="button" busy={reset.isPending} onClick={() => reset.mutate()}>
            Reset 2-step verification
          </Button>
          <button type="button" className="govuk-link cma-link-button" onClick={() => { reset.reset(); setConfirming(false); }}>
            Cancel
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setRolesM.mutate();
        }}
      >
        <h2 className="govuk-heading-m">Roles</h2>
        <ErrorSummary error={setRolesM.error} fields={{ roles: "member-roles" }} />
        <RolesField id="member-roles" legend="Roles in this centre" roles={roles} onChange={setRoles} error={setRolesM.error} />
        <div aria-live="polite">{setRolesM.isSuccess && <p className="govuk-body" role="status">Roles saved.</p>}</div>
        <Button busy={setRolesM.isPending}>Save roles</Button>
      </form>
      <h2 className="govuk-heading-m">Access</h2>
      <ErrorSummary error={status.error} />
      {self ? (
        <p className="govuk-body">You cannot deactivate yourself.</p>
      ) : (
        <>
          <p className="govuk-body">
            {user.active
              ? "Deactivating stops their sign-in and token refresh at once; a token already issued lasts minutes. Their records stay."
              : "Reactivating lets them sign in again with their password."}
          </p>
          <Button warning={user.active} secondary={!user.active} type="button" busy={status.isPending} onClick={() => status.mutate()}>
            {user.active ? "Deactivate user" : "Reactivate user"}
          </Button>
          <h2 className="govuk-heading-m">2-step verification</h2>
          <div aria-live="polite">{reset.isSuccess && <p className="govuk-body" role="status">2-step verification reset. They have been signed out.</p>}</div>
          <p className="govuk-body">If they have lost their phone and their recovery codes, you can reset their 2-step verification.</p>
          <Button secondary type="button" onClick={() => setConfirming(true)}>
            Reset 2-step verification
          </Button>
        </>
      )}
    </>
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
      <AddUserForm />
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
            <ScrollBox>
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
            </ScrollBox>
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
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/users/{user_id}/grants", { params: { path: { user_id: userId }, query: at } }))),
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
          <MemberEdits key={u.id} user={u} />
          <h2 className="govuk-heading-m">Extra permissions</h2>
          <ErrorSummary error={revoke.error} />
          <QueryState query={grants} what="grants">
            {({ items }) => {
              return items.length === 0 ? (
                <p className="govuk-body">No extra permissions: the roles alone decide.</p>
              ) : (
                <ScrollBox>
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
                </ScrollBox>
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
