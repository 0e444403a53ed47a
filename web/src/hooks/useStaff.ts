// The centre's staff directory as a lookup: ids in lists (advisers, reviewers, actors)
// shown as names. One request for up to 200 people, cached for the session.
import { useQuery } from "@tanstack/react-query";
import { api, type Schemas } from "../api/client";
import { unwrap } from "../api/problem";

export type Staff = Schemas["StaffOut"];

export interface StaffLookup {
  people: Staff[];
  /** The display name, "Unknown (…)" for an id not in the directory, "—" for none. */
  name: (id: string | null | undefined) => string;
}

export function staffLookup(people: Staff[]): StaffLookup {
  const byId = new Map(people.map((p) => [p.id, p.display_name]));
  return {
    people,
    name: (id) => (id ? (byId.get(id) ?? `Unknown (${id.slice(0, 8)})`) : "—"),
  };
}

export function useStaff(enabled = true): StaffLookup {
  const q = useQuery({
    queryKey: ["staff", "all"],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async () => unwrap(await api.GET("/api/v1/users", { params: { query: { limit: 200 } } })),
  });
  return staffLookup(q.data?.items ?? []);
}
