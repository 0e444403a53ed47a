import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useLocation } from "react-router-dom";
import { ApiError } from "../api/problem";
import { useSession } from "../auth/session";
import { Button, ErrorSummary, TextInput } from "../components/forms";
import { usePageTitle } from "../components/pageTitle";

export function SignIn() {
  const main = useRef<HTMLElement>(null);
  usePageTitle(main);
  const { signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [otp, setOtp] = useState("");
  const [needOtp, setNeedOtp] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [recovery, setRecovery] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password, needOtp && !useRecovery ? otp : undefined, needOtp && useRecovery ? recovery : undefined);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== "/sign-in" ? from : "/", { replace: true });
    } catch (err) {
      if (err instanceof ApiError && /otp/i.test(err.detail ?? "") && !needOtp) {
        setNeedOtp(true);
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content" ref={main}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <ErrorSummary error={error} fields={{ email: "email", password: "password", otp: "otp", recovery_code: "recovery-code" }} />
            <h1 className="govuk-heading-xl">Sign in to CMA</h1>
            <form onSubmit={submit} noValidate>
              <TextInput id="email" name="email" label="Email address" type="email" autoComplete="username" value={email} onChange={setEmail} error={error} />
              <TextInput id="password" name="password" label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={error} />
              {needOtp && useRecovery && (
                <>
                  <TextInput
                    id="recovery-code"
                    name="recovery_code"
                    label="Recovery code"
                    hint="One of the codes you saved when you set up 2-step verification, for example 7k2mq-x9vha. Each works once."
                    autoComplete="off"
                    width="10"
                    value={recovery}
                    onChange={setRecovery}
                    error={error}
                  />
                  <p className="govuk-body">
                    <button type="button" className="govuk-link cma-link-button" onClick={() => setUseRecovery(false)}>
                      Use a code from your authenticator app
                    </button>
                  </p>
                </>
              )}
              {needOtp && !useRecovery && (
                <>
                <TextInput
                  id="otp"
                  name="otp"
                  label="Code from your authenticator app"
                  hint="The 6-digit code your app shows now"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  width="5"
                  value={otp}
                  onChange={setOtp}
                  error={error}
                />
                <p className="govuk-body">
                  <button type="button" className="govuk-link cma-link-button" onClick={() => setUseRecovery(true)}>
                    Use a recovery code
                  </button>
                </p>
                </>
              )}
              <Button busy={busy}>{needOtp ? "Continue" : "Sign in"}</Button>
            </form>
            <p className="govuk-body">
              <Link to="/reset-password" className="govuk-link">
                Forgotten your password?
              </Link>
            </p>
          </div>
        </div>
      </main>
    </div>
  );
}
