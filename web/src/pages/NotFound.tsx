import { Link } from "react-router-dom";

export function NotFound({ what = "Page" }: { what?: string }) {
  return (
    <>
      <h1 className="govuk-heading-l">{what} not found</h1>
      <p className="govuk-body">
        If you typed the web address, check it is correct. A record of another centre is not shown here.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          Go to your work queue
        </Link>
      </p>
    </>
  );
}
