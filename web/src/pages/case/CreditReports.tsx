// Credit reports: import a statutory report's CSV or JSON; each account is a suggested debt
// to accept (with its debt type) or reject with a reason. If-Match on the report's version.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { everyItem } from "../../api/pages";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, label, money } from "../../components/format";
import { Button, ErrorSummary, Select, TextInput } from "../../components/forms";
import { DateInput, checkDates } from "../../components/DateInput";
import { QueryState, Tag } from "../../components/ui";
import { ClosedHint, useCaseOpen } from "./caseOpen";

type Report = Schemas["CreditReportOut"];
type Line = Schemas["CreditLineOut"];
type DebtType = Schemas["DebtType"];

const DEBT_TYPES: DebtType[] = [
  "council_tax", "rent", "mortgage", "secured_loan", "mortgage_shortfall", "ground_rent_service_charge", "gas", "electricity", "water",
  "tv_licence", "magistrates_fine", "child_maintenance", "income_tax_vat_ni", "hire_purchase", "credit_card", "overdraft", "personal_loan",
  "payday_loan", "bnpl", "catalogue", "store_card", "student_loan", "benefit_overpayment", "tax_credit_overpayment", "social_fund_loan",
  "universal_credit_advance", "family_loan", "parking_charge", "other",
];

function LineRow({ caseId, report, line }: { caseId: string; report: Report; line: Line }) {
  const { can } = useMe();
  const open = useCaseOpen();
  const qc = useQueryClient();
  const [type, setType] = useState<string>(line.suggested_debt_type);
  const [reason, setReason] = useState("");
  const id = `line-${report.id}-${line.line}`;
  const decide = useMutation({
    mutationFn: async (accept: boolean) => {
      const params = { path: { case_id: caseId, report_id: report.id, line: line.line }, header: ifMatch(report.version) };
      return accept
        ? unwrap(await api.POST("/api/v1/cases/{case_id}/credit-reports/{report_id}/lines/{line}/accept", { params, body: { debt_type: type as DebtType } }))
        : unwrap(await api.POST("/api/v1/cases/{case_id}/credit-reports/{report_id}/lines/{line}/reject", { params, body: { reason } }));
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["credit-reports", caseId] });
      void qc.invalidateQueries({ queryKey: ["debts"] });
    },
  });
  return (
    <li className="cma-card govuk-!-margin-bottom-3">
      <h4 className="govuk-heading-s govuk-!-margin-bottom-1">
        {line.lender} · {line.account_type} · {money(line.balance_pence)} <Tag value={line.decision} />
      </h4>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        Line {line.line}
        {line.account_number && <> · account {line.account_number}</>}
        {line.status && <> · {line.status}</>}
        {line.default_date && <> · defaulted {date(line.default_date)}</>}
        {line.last_payment_date && <> · last paid {date(line.last_payment_date)}</>}
        {line.reason && <> · {line.reason}</>}
      </p>
      {line.decision === "pending" && open && can("finance:write") && (
        <>
          <p className="govuk-body-s">
            Accepting adds a {label(type).toLowerCase()} debt to {line.lender} of {money(line.balance_pence)} to this case.
          </p>
          <ErrorSummary error={decide.error} fields={{ debt_type: `${id}-type`, reason: `${id}-reason` }} />
          <form
            className="cma-inline-form"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              decide.mutate(true);
            }}
            noValidate
          >
            <Select id={`${id}-type`} name="debt_type" label={<span>Debt type<span className="govuk-visually-hidden"> for line {line.line}</span></span>} value={type} onChange={setType} options={DEBT_TYPES.map((t) => [t, label(t)] as const)} error={decide.error} />
            <Button busy={decide.isPending}>
              Accept as a debt<span className="govuk-visually-hidden"> line {line.line}</span>
            </Button>
          </form>
          <form
            className="cma-inline-form"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              decide.mutate(false);
            }}
            noValidate
          >
            <TextInput id={`${id}-reason`} name="reason" label={<span>Why reject<span className="govuk-visually-hidden"> line {line.line}</span></span>} value={reason} onChange={setReason} error={decide.error} />
            <Button secondary busy={decide.isPending}>
              Reject<span className="govuk-visually-hidden"> line {line.line}</span>
            </Button>
          </form>
        </>
      )}
    </li>
  );
}

function ImportForm({ caseId }: { caseId: string }) {
  const qc = useQueryClient();
  const file = useRef<HTMLInputElement>(null);
  const [agency, setAgency] = useState("");
  const [reportDate, setReportDate] = useState("");
  const upload = useMutation({
    mutationFn: async () => {
      checkDates({ report_date: reportDate });
      const f = file.current?.files?.[0];
      return unwrap(
        await api.POST("/api/v1/cases/{case_id}/credit-reports/import", {
          params: { path: { case_id: caseId } },
          body: { file: "" },
          bodySerializer: () => {
            const form = new FormData();
            if (f) form.append("file", f, f.name);
            if (agency) form.append("agency", agency);
            if (reportDate) form.append("report_date", reportDate);
            return form;
          },
        }),
      );
    },
    onSuccess: () => {
      if (file.current) file.current.value = "";
      void qc.invalidateQueries({ queryKey: ["credit-reports", caseId] });
    },
  });
  return (
    <form
      className="cma-card govuk-!-margin-bottom-6"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        upload.mutate();
      }}
      noValidate
    >
      <h3 className="govuk-heading-m">Import a credit report</h3>
      <ErrorSummary error={upload.error} fields={{ file: "credit-file", agency: "credit-agency", report_date: "credit-date" }} />
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="credit-file">
          Report file
        </label>
        <div className="govuk-hint" id="credit-file-hint">
          The CSV or JSON the agency gave the client (Experian, Equifax, TransUnion).
        </div>
        <input ref={file} id="credit-file" name="file" className="govuk-file-upload" type="file" accept=".csv,.json,text/csv,application/json" aria-describedby="credit-file-hint" />
      </div>
      <div className="cma-inline-form">
        <TextInput id="credit-agency" name="agency" label="Agency" hint="Optional when the file says." value={agency} onChange={setAgency} error={upload.error} />
        <DateInput id="credit-date" name="report_date" label="Report date" value={reportDate} onChange={setReportDate} error={upload.error} />
      </div>
      <Button busy={upload.isPending}>Import report</Button>
    </form>
  );
}

export function CreditReports({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const open = useCaseOpen();
  const reports = useQuery({
    queryKey: ["credit-reports", caseId],
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/cases/{case_id}/credit-reports", { params: { path: { case_id: caseId }, query: at } }))),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Credit reports</h2>
      {!open && can("finance:write") && <ClosedHint what="credit reports" verb="added or decided" />}
      {open && can("finance:write") && <ImportForm caseId={caseId} />}
      <QueryState query={reports} what="credit reports">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No credit report yet.</p>
          ) : (
            page.items.map((r) => (
              <section key={r.id} className="govuk-!-margin-bottom-6" aria-label={`${r.agency} report of ${date(r.report_date)}`}>
                <h3 className="govuk-heading-m">
                  {r.agency}, {date(r.report_date)} <span className="govuk-body-s">({r.pending} to decide{r.filename ? `, from ${r.filename}` : ""})</span>
                </h3>
                <ul className="govuk-list">
                  {r.lines.map((l) => (
                    <LineRow key={l.line} caseId={caseId} report={r} line={l} />
                  ))}
                </ul>
              </section>
            ))
          )
        }
      </QueryState>
    </>
  );
}
