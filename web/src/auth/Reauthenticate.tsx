// Step-up before a sensitive change: when the API answers 401 `reauthentication-required`
// (staff and roles, grants, erasure, policies: a sign-in older than CMA_REAUTH_MAX_AGE),
// the client asks here for the password (and code, with TOTP), gets a fresh access token
// from POST /api/v1/auth/reauthenticate and retries the request once. Cancel gives the
// page the original problem, shown in its own error summary.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, onReauthenticationRequired, setAccessToken } from "../api/client";
import { ApiError } from "../api/problem";
import { Button, ErrorSummary, TextInput } from "../components/forms";

type Resolve = (done: boolean) => void;

export function ReauthenticatePrompt() {
  const [pending, setPending] = useState<Resolve | null>(null);
  const [password, setPassword] = useState("");
  const [otp, setOtp] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    onReauthenticationRequired(
      () =>
        new Promise<boolean>((resolve) => {
          setPassword("");
          setOtp("");
          setError(null);
          setPending(() => resolve);
        }),
    );
    return () => onReauthenticationRequired(null);
  }, []);

  useEffect(() => {
    if (pending) heading.current?.focus();
  }, [pending]);

  if (!pending) return null;

  const finish = (done: boolean) => {
    pending(done);
    setPending(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await api.POST("/api/v1/auth/reauthenticate", {
        body: { password, otp: otp || null },
      });
      if (!r.data) throw new ApiError(r.response.status, r.error);
      setAccessToken(r.data.access_token);
      finish(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="cma-dialog-backdrop">
      <div
        className="cma-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="reauth-title"
        onKeyDown={(e) => {
          if (e.key === "Escape") finish(false);
        }}
      >
        <h2 className="govuk-heading-m" id="reauth-title" ref={heading} tabIndex={-1}>
          Confirm it is you
        </h2>
        <p className="govuk-body">
          This change needs a recent sign-in. Enter your password to carry on; nothing has been
          changed yet.
        </p>
        <ErrorSummary error={error} fields={{ password: "reauth-password", otp: "reauth-otp" }} />
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextInput
            id="reauth-password"
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={error}
            required
          />
          <TextInput
            id="reauth-otp"
            name="otp"
            label="Code from your authenticator app (if you use one)"
            width="5"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={otp}
            onChange={setOtp}
            error={error}
          />
          <div className="govuk-button-group">
            <Button busy={busy}>Confirm and carry on</Button>
            <Button secondary type="button" onClick={() => finish(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}
