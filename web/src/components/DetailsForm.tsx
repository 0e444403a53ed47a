import type { ReactNode } from "react";

/** A form folded in a GOV.UK details element, opened by its summary ("Move", "Cancel");
 * `hidden` finishes the summary for screen readers ("the appointment on 7 Dec") where a
 * page has several. The form is submitted without the browser's own checks: the problems
 * are the API's, shown by the form's error summary. */
export function DetailsForm({
  summary,
  hidden,
  onSubmit,
  className = "",
  children,
}: {
  summary: string;
  hidden?: string;
  onSubmit: () => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <details className={`govuk-details ${className}`.trim()}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {summary}
          {hidden && <span className="govuk-visually-hidden"> {hidden}</span>}
        </span>
      </summary>
      <form
        className="govuk-details__text"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        {children}
      </form>
    </details>
  );
}
