import { useState } from "react";
import { Button, Checkbox } from "../components/forms";
import { WarningText } from "../components/ui";

/** New recovery codes, shown once (the API keeps only digests): the list, a copy button, a
 * download, and a "saved them" confirmation before going on. Each code works once in place
 * of a code from the authenticator app. */
export function RecoveryCodes({ codes, onDone, doneLabel = "Continue" }: { codes: string[]; onDone: () => void | Promise<void>; doneLabel?: string }) {
  const [saved, setSaved] = useState(false);
  const [missing, setMissing] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n") + "\n";
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <>
      <h2 className="govuk-heading-m" id="recovery-codes-heading">
        Save your recovery codes
      </h2>
      <WarningText>
        You will not see these codes again. Each one works once, instead of a code from your app, if you lose your phone.
      </WarningText>
      <ul className="govuk-list cma-hash" aria-labelledby="recovery-codes-heading" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="govuk-button-group">
        <Button
          secondary
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(() => setCopied(true));
          }}
        >
          Copy codes
        </Button>
        <a className="govuk-link" href={download} download="cma-recovery-codes.txt">
          Download codes (text file)
        </a>
      </div>
      <div aria-live="polite">{copied && <p className="govuk-body" role="status">Codes copied.</p>}</div>
      <div className={`govuk-form-group${missing ? " govuk-form-group--error" : ""}`}>
        {missing && (
          <p className="govuk-error-message" id="recovery-saved-error">
            <span className="govuk-visually-hidden">Error:</span> Confirm you have saved your recovery codes
          </p>
        )}
        <Checkbox id="recovery-saved" label="I have saved these codes somewhere safe" checked={saved} onChange={(v) => { setSaved(v); setMissing(false); }} />
      </div>
      <Button
        type="button"
        onClick={() => {
          if (!saved) {
            setMissing(true);
            return;
          }
          void onDone();
        }}
      >
        {doneLabel}
      </Button>
    </>
  );
}
