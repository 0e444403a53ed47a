import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../api/client";
import { unwrap } from "../api/problem";
import { Button, ErrorSummary, TextInput } from "../components/forms";
import { SummaryList } from "../components/ui";
import { RecoveryCodes } from "./RecoveryCodes";

/** Enrol an authenticator app: ask for a new secret, show it, confirm it with a code.
 * Used on the Account page and on the "Set up 2-step verification" page a centre's rule
 * sends its members to. Once the code is accepted the user's recovery codes are shown (once);
 * `onConfirmed` runs when they say they have saved them. */
export function TotpEnrolment({
  startLabel,
  confirmLabel,
  onConfirmed,
}: {
  startLabel: string;
  confirmLabel: string;
  onConfirmed: () => void | Promise<void>;
}) {
  const [otp, setOtp] = useState("");
  const enrol = useMutation({ mutationFn: async () => unwrap(await api.POST("/api/v1/auth/totp/enrol")) });
  const confirm = useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/v1/auth/totp/confirm", { body: { otp: otp.trim() } })),
  });
  if (confirm.data) return <RecoveryCodes codes={confirm.data.recovery_codes} onDone={onConfirmed} />;
  return (
    <>
      <ErrorSummary error={enrol.error ?? confirm.error} fields={{ otp: "totp-code" }} labels={{ otp: "Code" }} />
      {!enrol.data ? (
        <Button secondary type="button" busy={enrol.isPending} onClick={() => enrol.mutate()}>
          {startLabel}
        </Button>
      ) : (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            confirm.mutate();
          }}
          noValidate
        >
          <p className="govuk-body">Add this key to your authenticator app, then enter the 6-digit code it shows.</p>
          <SummaryList
            rows={[
              ["Key", <span className="cma-hash">{enrol.data.secret}</span>],
              ["Link", <span className="cma-hash">{enrol.data.otpauth_uri}</span>],
            ]}
          />
          <TextInput
            id="totp-code"
            name="otp"
            label="Code from your authenticator app"
            hint="For example, 123456"
            inputMode="numeric"
            autoComplete="one-time-code"
            width="5"
            value={otp}
            onChange={setOtp}
            error={confirm.error}
          />
          <Button busy={confirm.isPending}>{confirmLabel}</Button>
        </form>
      )}
    </>
  );
}
