// A forgotten password, without a session: ask for a reset email, then choose a new
// password with the code it carries — typed in, or taken from the email's link
// (/reset-password#token=…, when the deployment sets CMA_PASSWORD_RESET_LINK to this page).
// The API answers a request the same way whether or not the address has an account.
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { api } from "../api/client";
import { ApiError, unwrap } from "../api/problem";
import { Button, ErrorSummary, TextInput } from "../components/forms";
import { usePageTitle } from "../components/pageTitle";

/** The code in a reset link's fragment (``#token=…``), or null. A fragment never reaches a
 * server, so the code is not written to any access log on its way here. */
export function linkToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token")?.trim();
  return token ? token : null;
}

const LABELS = { email: "Email address", token: "Code from the email", new_password: "New password" };

export default function ResetPassword() {
  const main = useRef<HTMLElement>(null);
  usePageTitle(main);
  const location = useLocation();
  const navigate = useNavigate();
  const [fromLink] = useState(() => linkToken(location.hash) !== null);
  const [token, setToken] = useState(() => linkToken(location.hash) ?? "");
  // The code's box: hidden when a link brought the code, shown if that code fails.
  const [codeBox, setCodeBox] = useState(!fromLink);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  // The code is taken off the address once read: not left in the browser's history.
  useEffect(() => {
    if (location.hash) navigate(location.pathname, { replace: true });
  }, [location.hash, location.pathname, navigate]);

  const ask = useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/v1/auth/password-reset", { body: { email: email.trim() } })),
    onSuccess: (answer) => setSent(answer.detail),
  });
  const set = useMutation({
    mutationFn: async () => {
      unwrap(await api.POST("/api/v1/auth/password-reset/confirm", { body: { token: token.trim(), new_password: password } }));
    },
    onError: (e) => {
      // A link's code that no longer works: its box shows, with the API's words on it.
      if (e instanceof ApiError && e.fieldMessage("token")) setCodeBox(true);
    },
  });
  const done = set.isSuccess;
  const error = ask.error ?? set.error;

  return (
    <div className="govuk-width-container">
      <Link to="/sign-in" className="govuk-back-link">
        Back to sign in
      </Link>
      <main className="govuk-main-wrapper govuk-!-padding-top-2" id="main-content" ref={main}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {done ? (
              <>
                <div className="govuk-panel govuk-panel--confirmation">
                  <h1 className="govuk-panel__title">Your password is changed</h1>
                  <div className="govuk-panel__body">Every session signed in with the old one has ended</div>
                </div>
                <p className="govuk-body">
                  <Link to="/sign-in" className="govuk-link">
                    Sign in with your new password
                  </Link>
                </p>
              </>
            ) : (
              <>
                <ErrorSummary error={error} fields={{ email: "reset-email", token: "reset-token", new_password: "reset-password" }} labels={LABELS} />
                <h1 className="govuk-heading-xl">{fromLink ? "Choose a new password" : "Reset your password"}</h1>
                {!fromLink && !sent && (
                  <form
                    onSubmit={(e: FormEvent) => {
                      e.preventDefault();
                      set.reset();
                      ask.mutate();
                    }}
                    noValidate
                  >
                    <p className="govuk-body">We will email you a code to set a new password. It works once, for a short time.</p>
                    <TextInput id="reset-email" name="email" label={LABELS.email} type="email" autoComplete="username" value={email} onChange={setEmail} error={ask.error} />
                    <Button busy={ask.isPending}>Email me a code</Button>
                  </form>
                )}
                {sent && (
                  <div className="govuk-inset-text" role="status">
                    <p className="govuk-body">{sent}</p>
                    <p className="govuk-body govuk-!-margin-bottom-0">
                      Follow the link in the email, or copy its code into the box below.{" "}
                      <button
                        type="button"
                        className="govuk-link cma-link-button"
                        onClick={() => {
                          ask.reset();
                          setSent(null);
                        }}
                      >
                        Send another email
                      </button>
                    </p>
                  </div>
                )}
                {(sent || fromLink) && (
                  <form
                    onSubmit={(e: FormEvent) => {
                      e.preventDefault();
                      ask.reset();
                      set.mutate();
                    }}
                    noValidate
                  >
                    {codeBox && (
                      <TextInput id="reset-token" name="token" label={LABELS.token} hint="A long run of letters and figures" autoComplete="one-time-code" value={token} onChange={setToken} error={set.error} />
                    )}
                    <TextInput
                      id="reset-password"
                      name="new_password"
                      label={LABELS.new_password}
                      hint="12 to 128 characters. A few unrelated words are easy to remember and hard to guess."
                      type="password"
                      autoComplete="new-password"
                      value={password}
                      onChange={setPassword}
                      error={set.error}
                    />
                    <Button busy={set.isPending}>Set my new password</Button>
                  </form>
                )}
              </>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}
