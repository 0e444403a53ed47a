import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { ifMatch, unwrap } from "../../api/problem";
import { Button, ErrorSummary } from "../../components/forms";
import { QueryState } from "../../components/ui";
import { RolesField } from "./Users";

/** The centre's rule: the roles whose members must use 2-step verification here. A member
 * of a chosen role without it is sent to set it up at their next sign-in or token renewal
 * (within minutes), and can do nothing else until they have. */
export function SecondFactorPage() {
  const qc = useQueryClient();
  const rule = useQuery({
    queryKey: ["centre-second-factor"],
    queryFn: async () => unwrap(await api.GET("/api/v1/centre/second-factor")),
  });
  const [roles, setRoles] = useState<string[]>([]);
  useEffect(() => {
    if (rule.data) setRoles(rule.data.roles);
  }, [rule.data]);
  const save = useMutation({
    mutationFn: async (version: number) =>
      unwrap(
        await api.PUT("/api/v1/centre/second-factor", {
          params: { header: ifMatch(version) },
          body: { roles: roles as Schemas["Role"][] },
        }),
      ),
    onSuccess: (r) => qc.setQueryData(["centre-second-factor"], r),
  });
  return (
    <>
      <h1 className="govuk-heading-xl">2-step verification</h1>
      <p className="govuk-body">
        Choose the roles that must use 2-step verification (a code from an authenticator app) to sign in to this centre. Staff in a chosen role who
        have not set it up are asked to do so the next time they sign in or their session is renewed, and cannot use anything else until they have.
      </p>
      <QueryState query={rule} what="the centre's 2-step verification rule">
        {(r) => (
          <form
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              save.mutate(r.version);
            }}
          >
            <ErrorSummary error={save.error} fields={{ roles: "second-factor-roles" }} />
            {save.isSuccess && (
              <div className="govuk-inset-text" role="status">
                2-step verification rule saved.
              </div>
            )}
            <RolesField id="second-factor-roles" legend="Roles that must use 2-step verification" roles={roles} onChange={setRoles} error={save.error} />
            <Button busy={save.isPending}>Save</Button>
          </form>
        )}
      </QueryState>
    </>
  );
}
