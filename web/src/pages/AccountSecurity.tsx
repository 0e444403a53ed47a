// Your own sign-in: change your password (your other sessions then end), see where you are
// signed in and end one, or end them all.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../api/client";
import { unwrap } from "../api/problem";
import { useSession } from "../auth/session";
import { dateTime } from "../components/format";
import { Button, ErrorSummary, TextInput } from "../components/forms";
import { QueryState, ScrollBox, SuccessBanner, Tag } from "../components/ui";

export function ChangePassword() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [otp, setOtp] = useState("");
  const [done, setDone] = useState(0);
  const qc = useQueryClient();
  const change = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST("/api/v1/auth/password", { body: { current_password: current, new_password: next, otp: otp.trim() || null } })),
    onSuccess: () => {
      setCurrent("");
      setNext("");
      setOtp("");
      setDone((n) => n + 1);
      void qc.invalidateQueries({ queryKey: ["sessions"] });
    },
  });
  return (
    <>
      <h2 className="govuk-heading-l">Change your password</h2>
      {done > 0 && <SuccessBanner key={done} text="Your password is changed. You are still signed in here; your other sessions have ended." />}
      <ErrorSummary error={change.error} fields={{ current_password: "password-current", new_password: "password-new", otp: "password-otp" }} />
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          change.mutate();
        }}
        noValidate
      >
        <TextInput id="password-current" name="current_password" label="Current password" type="password" autoComplete="current-password" value={current} onChange={setCurrent} error={change.error} />
        <TextInput
          id="password-new"
          name="new_password"
          label="New password"
          hint="12 to 128 characters. A few unrelated words are easy to remember and hard to guess."
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          error={change.error}
        />
        <TextInput
          id="password-otp"
          name="otp"
          label="Code from your authenticator app (if you use two-step sign-in)"
          width="5"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={otp}
          onChange={setOtp}
          error={change.error}
        />
        <Button busy={change.isPending}>Change password</Button>
      </form>
    </>
  );
}

/** "Firefox on Linux"-like words from a user agent, else the agent itself. */
export function browserOf(agent: string | null): string {
  if (!agent) return "Unknown browser";
  const browser = /Edg\//.test(agent) ? "Edge" : /Firefox\//.test(agent) ? "Firefox" : /Chrom(e|ium)\//.test(agent) ? "Chrome" : /Safari\//.test(agent) ? "Safari" : null;
  const system = /Android/.test(agent) ? "Android" : /iPhone|iPad/.test(agent) ? "iOS" : /Windows/.test(agent) ? "Windows" : /Mac OS X/.test(agent) ? "macOS" : /Linux/.test(agent) ? "Linux" : null;
  return browser && system ? `${browser} on ${system}` : browser ?? system ?? agent.slice(0, 60);
}

export function Sessions() {
  const qc = useQueryClient();
  const { signOut } = useSession();
  const [ended, setEnded] = useState<{ seq: number; text: string } | null>(null);
  const sessions = useQuery({ queryKey: ["sessions"], queryFn: async () => unwrap(await api.GET("/api/v1/auth/sessions")) });
  const end = useMutation({
    mutationFn: async (id: string) => {
      const r = await api.DELETE("/api/v1/auth/sessions/{session_id}", { params: { path: { session_id: id } } });
      if (r.error) unwrap(r);
    },
    onSuccess: () => {
      setEnded((n) => ({ seq: (n?.seq ?? 0) + 1, text: "That session has ended." }));
      void qc.invalidateQueries({ queryKey: ["sessions"] });
    },
  });
  const everywhere = useMutation({
    mutationFn: async () => {
      const r = await api.POST("/api/v1/auth/logout-everywhere");
      if (r.error) unwrap(r);
      await signOut();
    },
  });
  return (
    <>
      <h2 className="govuk-heading-l">Where you are signed in</h2>
      {ended && <SuccessBanner key={ended.seq} text={ended.text} />}
      <ErrorSummary error={end.error ?? everywhere.error} />
      <QueryState query={sessions} what="your sessions">
        {(page) => (
          <ScrollBox>
            <table className="govuk-table">
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Browser</th>
                  <th scope="col" className="govuk-table__header">Signed in</th>
                  <th scope="col" className="govuk-table__header">Last used</th>
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {page.items.map((s) => (
                  <tr className="govuk-table__row" key={s.id}>
                    <td className="govuk-table__cell">
                      {browserOf(s.user_agent)}
                      {s.address && <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{s.address}</span>}
                    </td>
                    <td className="govuk-table__cell">{dateTime(s.created_at)}</td>
                    <td className="govuk-table__cell">{dateTime(s.last_used_at)}</td>
                    <td className="govuk-table__cell">
                      {s.current ? (
                        <Tag value="open" text="this session" />
                      ) : (
                        <button type="button" className="govuk-link cma-link-button" disabled={end.isPending} onClick={() => end.mutate(s.id)}>
                          End{" "}
                          <span className="govuk-visually-hidden">the session of {browserOf(s.user_agent)} begun {dateTime(s.created_at)}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </QueryState>
      <p className="govuk-body">Signing out everywhere ends every session of yours, on every device and centre, this one included.</p>
      <Button warning type="button" busy={everywhere.isPending} onClick={() => everywhere.mutate()}>
        Sign out everywhere
      </Button>
    </>
  );
}
