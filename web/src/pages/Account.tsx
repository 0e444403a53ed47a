import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { unwrap } from "../api/problem";
import { RecoveryCodes } from "../auth/RecoveryCodes";
import { useState } from "react";
import { useMe } from "../auth/session";
import { TotpEnrolment } from "../auth/TotpEnrolment";
import { Button, ErrorSummary } from "../components/forms";
import { SummaryList } from "../components/ui";
import { YourCentres } from "./AccountCentres";
import { ChangePassword, Sessions } from "./AccountSecurity";
import { AdviserAvailability } from "./Availability";

export function Account() {
  const { me, can } = useMe();
  const [confirmed, setConfirmed] = useState(false);

  return (
    <>
      <h1 className="govuk-heading-xl">Your account</h1>
      <SummaryList
        rows={[
          ["Centre", me.centre_name ?? <span className="cma-hash">{me.centre_id}</span>],
          ["Roles", me.roles.join(", ")],
          ["Permissions", me.permissions.join(", ")],
        ]}
      />

      <h2 className="govuk-heading-l">Two-step sign-in</h2>
      {confirmed ? (
        <div className="govuk-panel govuk-panel--confirmation">
          <h3 className="govuk-panel__title">Two-step sign-in is on</h3>
          <div className="govuk-panel__body">You will be asked for a code when you sign in.</div>
        </div>
      ) : (
        <>
          <p className="govuk-body">Ask for a code from an authenticator app at every sign-in.</p>
          <TotpEnrolment startLabel="Set up two-step sign-in" confirmLabel="Turn on two-step sign-in" onConfirmed={() => setConfirmed(true)} />
        </>
      )}

      <RecoveryCodesSection />

      <YourCentres />

      {can("case:write") && me.user_id && <AdviserAvailability userId={me.user_id} />}
      <ChangePassword />
      <Sessions />
    </>
  );
}

/** How many recovery codes are left, and new ones (the old ones stop working; a recent
 * sign-in is asked for by the client's step-up prompt). */
function RecoveryCodesSection() {
  const qc = useQueryClient();
  const left = useQuery({ queryKey: ["recovery-codes"], queryFn: async () => unwrap(await api.GET("/api/v1/auth/recovery-codes")) });
  const regenerate = useMutation({ mutationFn: async () => unwrap(await api.POST("/api/v1/auth/recovery-codes")) });
  if (!left.data?.second_factor) return null;
  return (
    <>
      <h2 className="govuk-heading-l">Recovery codes</h2>
      {regenerate.data ? (
        <RecoveryCodes
          codes={regenerate.data.recovery_codes}
          doneLabel="Done"
          onDone={() => {
            regenerate.reset();
            void qc.invalidateQueries({ queryKey: ["recovery-codes"] });
          }}
        />
      ) : (
        <>
          <p className="govuk-body" data-testid="recovery-left">
            You have {left.data.remaining} unused recovery {left.data.remaining === 1 ? "code" : "codes"}.
          </p>
          <ErrorSummary error={regenerate.error} />
          <p className="govuk-body">Making new codes stops every old one working.</p>
          <Button secondary type="button" busy={regenerate.isPending} onClick={() => regenerate.mutate()}>
            Make new recovery codes
          </Button>
        </>
      )}
    </>
  );
}
