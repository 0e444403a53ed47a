import { Blocked } from "../../components/ui";

/** Spending guidelines and threshold overrides: the API has no route for either yet, so
 * the page says how they are loaded today rather than offering a form that cannot work. */
export function ReferencePage() {
  return (
    <>
      <h1 className="govuk-heading-xl">Spending guidelines and thresholds</h1>
      <Blocked>
        the API has no route to import spending guidelines or to override thresholds. A centre loads both, validated first,
        with the command line: <code>cma reference load --centre ID --guidelines FILE.csv --thresholds FILE.json</code>.
      </Blocked>
      <p className="govuk-body">
        The budget editor flags spending against the guidelines the centre has loaded; the options appraisal uses the
        thresholds table, each value with its source and the date it applies from.
      </p>
    </>
  );
}
