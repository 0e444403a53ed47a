import { useNavigate } from "react-router-dom";
import { useMe, useSession } from "../auth/session";
import { TotpEnrolment } from "../auth/TotpEnrolment";
import { Button } from "../components/forms";

/** Where a member is sent when their centre requires 2-step verification of their role and
 * they have not set it up: their session (a setup-only token) opens nothing else until they
 * confirm a code; then a renewed session takes them on. */
export function SetUpTwoStep() {
  const { me } = useMe();
  const { renew } = useSession();
  const navigate = useNavigate();
  if (!me.second_factor_setup_required) {
    return (
      <>
        <h1 className="govuk-heading-xl">2-step verification is set up</h1>
        <p className="govuk-body">You will be asked for a code from your authenticator app when you sign in.</p>
        <Button type="button" onClick={() => navigate("/", { replace: true })}>
          Continue
        </Button>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Set up 2-step verification</h1>
        <p className="govuk-body">Your centre requires 2-step verification for your role. You need to set it up before you can use the case management system.</p>
        <div className="govuk-inset-text">You will need an authenticator app on your phone or computer, for example Google Authenticator, Microsoft Authenticator or FreeOTP.</div>
        <p className="govuk-body">After this, you will be asked for a code from the app each time you sign in.</p>
        <TotpEnrolment
          startLabel="Start setting up"
          confirmLabel="Confirm and continue"
          onConfirmed={async () => {
            if (await renew()) navigate("/", { replace: true });
          }}
        />
      </div>
    </div>
  );
}
