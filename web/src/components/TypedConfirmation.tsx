import { useId, type ReactNode } from "react";

/** Whether what was typed confirms: the same words, ignoring case and extra spaces. */
export function confirms(typed: string, expected: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-GB");
  return expected.trim() !== "" && norm(typed) === norm(expected);
}

/** A destructive action behind a typed confirmation (the GOV.UK warning pattern): the
 * person types the name of what goes; the button stays unusable until it matches. */
export function TypedConfirmation({
  expected,
  what,
  typed,
  onTyped,
  action,
  busy,
  onConfirm,
  error,
}: {
  expected: string;
  what: string;
  typed: string;
  onTyped: (value: string) => void;
  action: string;
  busy?: boolean;
  onConfirm: () => void;
  error?: ReactNode;
}) {
  const id = useId();
  const ok = confirms(typed, expected);
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={`${id}-typed`}>
        To confirm, type {what}: <strong>{expected}</strong>
      </label>
      {error}
      <input
        id={`${id}-typed`}
        className="govuk-input govuk-!-width-one-half"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(e) => onTyped(e.target.value)}
        aria-describedby={`${id}-state`}
      />
      <p className="govuk-body-s govuk-!-margin-top-1" id={`${id}-state`} aria-live="polite">
        {ok ? <span className="cma-confirm-match">Matches.</span> : "Does not match yet."}
      </p>
      <button
        type="button"
        className="govuk-button govuk-button--warning"
        disabled={!ok || busy}
        aria-disabled={!ok || busy}
        onClick={() => ok && onConfirm()}
      >
        {action}
      </button>
    </div>
  );
}
