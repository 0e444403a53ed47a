// Who has the case, and whether it is open: an adviser closes a case when the advice is
// done (and reopens it when the client comes back); a supervisor hands it to another
// adviser. Each change sends the version the page read (If-Match).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Schemas } from "../../api/client";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, label } from "../../components/format";
import { DetailsForm } from "../../components/DetailsForm";
import { Button, ErrorSummary, Select } from "../../components/forms";
import { SuccessBanner } from "../../components/ui";
import { useStaff } from "../queue/useTaskActions";

type Case = Schemas["CaseOut"];
type CloseReason = NonNullable<Case["close_reason"]>;

export const CLOSE_REASONS: ReadonlyArray<readonly [CloseReason, string]> = [
  ["advice_complete", "Advice complete"],
  ["solution_in_place", "A debt solution is in place"],
  ["referred_elsewhere", "Referred elsewhere"],
  ["client_disengaged", "The client stopped responding"],
  ["other", "Another reason"],
];

/** The case's status in words: "Open", or "Closed on 6 Dec 2026: advice complete". */
export function statusText(kase: Case): string {
  if (kase.status !== "closed") return label(kase.status);
  const why = CLOSE_REASONS.find(([v]) => v === kase.close_reason)?.[1];
  return `Closed on ${date(kase.closed_at)}${why ? `: ${why.toLowerCase()}` : ""}`;
}

export function CaseControls({ kase }: { kase: Case }) {
  const { can } = useMe();
  const qc = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const changed = (text: (c: Case) => string) => (c: Case) => {
    qc.setQueryData(["case", kase.id], c);
    void qc.invalidateQueries({ queryKey: ["cases"] });
    void qc.invalidateQueries({ queryKey: ["timeline", kase.id] });
    setDone(text(c));
  };
  const path = { case_id: kase.id };
  const header = ifMatch(kase.version);

  const [reason, setReason] = useState<CloseReason>("advice_complete");
  const close = useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/v1/cases/{case_id}/close", { params: { path, header }, body: { reason } })),
    onSuccess: changed((c) => `${c.reference} is closed. Its record is kept; reopen it if the client comes back.`),
  });
  const reopen = useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/v1/cases/{case_id}/reopen", { params: { path, header } })),
    onSuccess: changed((c) => `${c.reference} is open again.`),
  });
  const staff = useStaff(can("case:assign"));
  const [adviser, setAdviser] = useState(kase.adviser_id ?? "");
  const assign = useMutation({
    mutationFn: async () =>
      unwrap(await api.PATCH("/api/v1/cases/{case_id}", { params: { path, header }, body: { adviser_id: adviser || null } })),
    onSuccess: changed((c) => (c.adviser_name ? `${c.reference} is now ${c.adviser_name}'s case.` : `${c.reference} has no adviser now.`)),
  });
  const error = close.error ?? reopen.error ?? assign.error;

  const fresh = (run: () => void) => () => {
    setDone(null);
    run();
  };

  if (!can("case:close") && !can("case:assign")) return null;
  return (
    <>
      {done && <SuccessBanner text={done} />}
      <ErrorSummary error={error} fields={{ reason: "case-close-reason", adviser_id: "case-adviser" }} />
      {can("case:assign") && kase.status !== "closed" && (
        <DetailsForm summary="Change the adviser" onSubmit={fresh(() => assign.mutate())}>
            <Select
              id="case-adviser"
              name="adviser_id"
              label="Adviser"
              value={adviser}
              onChange={setAdviser}
              error={assign.error}
              options={[["", "Nobody (unassigned)"], ...(staff.data?.items ?? []).map((p) => [p.id, p.display_name] as const)]}
            />
            <Button secondary busy={assign.isPending}>
              Save the adviser
            </Button>
        </DetailsForm>
      )}
      {can("case:close") &&
        (kase.status === "closed" ? (
          <Button type="button" secondary busy={reopen.isPending} onClick={fresh(() => reopen.mutate())}>
            Reopen this case
          </Button>
        ) : (
          <DetailsForm summary="Close this case" onSubmit={fresh(() => close.mutate())}>
              <p className="govuk-body">Its record is kept as it is and cannot be changed until the case is reopened. Its open tasks and the appointments booked ahead are cancelled.</p>
              <Select
                id="case-close-reason"
                name="reason"
                label="Why it is closed"
                value={reason}
                onChange={(v) => setReason(v as CloseReason)}
                error={close.error}
                options={CLOSE_REASONS}
              />
              <Button warning busy={close.isPending}>
                Close case
              </Button>
          </DetailsForm>
        ))}
    </>
  );
}
