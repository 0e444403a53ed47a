import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ChangeEvent, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { ApiError, ifMatch, unwrap } from "../../api/problem";
import { Button, ErrorSummary, Select, TextArea, TextInput } from "../../components/forms";
import { QueryState } from "../../components/ui";

type Profile = Schemas["ProfileOut"];
type Jurisdiction = Schemas["Jurisdiction"];

const FIELDS = {
  name: "profile-name",
  address: "profile-address",
  phone: "profile-phone",
  email: "profile-email",
  charity_number: "profile-charity",
  fca_number: "profile-fca",
  jurisdiction: "profile-jurisdiction",
};

type Values = Record<"name" | "address" | "phone" | "email" | "charity_number" | "fca_number" | "jurisdiction", string>;

export function profileBody(v: Values): Schemas["ProfileIn"] {
  const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    name: v.name.trim(),
    address: orNull(v.address),
    phone: orNull(v.phone),
    email: orNull(v.email),
    charity_number: orNull(v.charity_number),
    fca_number: orNull(v.fca_number),
    jurisdiction: v.jurisdiction as Jurisdiction,
  };
}

/** The logo as a data: URL (the CSP allows images from 'self' and data:, not blob:). */
function useLogo(profile: Profile | undefined) {
  return useQuery({
    queryKey: ["centre-logo", profile?.version],
    enabled: Boolean(profile?.has_logo),
    queryFn: async () => {
      const r = await api.GET("/api/v1/centre/profile/logo", { parseAs: "blob" });
      if (!r.response.ok || !r.data) throw new ApiError(r.response.status, r.error);
      const blob = r.data as Blob;
      return await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(blob);
      });
    },
  });
}

function Logo({ profile }: { profile: Profile }) {
  const qc = useQueryClient();
  const logo = useLogo(profile);
  const done = (p: Profile) => qc.setQueryData(["centre-profile"], p);
  const upload = useMutation({
    mutationFn: async (file: File) =>
      unwrap(
        await api.PUT("/api/v1/centre/profile/logo", {
          params: { header: ifMatch(profile.version) },
          body: file as never,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { "Content-Type": file.type || "application/octet-stream" },
        }),
      ) as Profile,
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: async () => unwrap(await api.DELETE("/api/v1/centre/profile/logo", { params: { header: ifMatch(profile.version) } })) as Profile,
    onSuccess: done,
  });
  return (
    <section aria-labelledby="logo-heading">
      <h2 className="govuk-heading-m" id="logo-heading">
        Logo
      </h2>
      <ErrorSummary error={upload.error ?? remove.error} />
      {profile.has_logo ? (
        logo.data ? <img src={logo.data} alt="The centre's logo as printed on letters" className="cma-logo" /> : <p className="govuk-body">The centre has a logo.</p>
      ) : (
        <p className="govuk-body">No logo: letters are headed with the centre's name.</p>
      )}
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="profile-logo">
          Upload a logo
        </label>
        <div className="govuk-hint" id="profile-logo-hint">
          PNG or JPEG, at most 256 KB. Printed at the head of every letter.
        </div>
        <input
          className="govuk-file-upload"
          id="profile-logo"
          type="file"
          accept="image/png,image/jpeg"
          aria-describedby="profile-logo-hint"
          onChange={(e: ChangeEvent<HTMLInputElement>) => {
            const f = e.target.files?.[0];
            if (f) upload.mutate(f);
            e.target.value = "";
          }}
        />
      </div>
      {profile.has_logo && (
        <Button type="button" warning secondary={false} busy={remove.isPending} onClick={() => remove.mutate()}>
          Remove the logo
        </Button>
      )}
    </section>
  );
}

export function ProfilePage() {
  const qc = useQueryClient();
  const profile = useQuery({
    queryKey: ["centre-profile"],
    queryFn: async () => unwrap(await api.GET("/api/v1/centre/profile")),
  });
  const [v, setV] = useState<Values>({ name: "", address: "", phone: "", email: "", charity_number: "", fca_number: "", jurisdiction: "EW" });
  useEffect(() => {
    const p = profile.data;
    if (p)
      setV({
        name: p.name,
        address: p.address ?? "",
        phone: p.phone ?? "",
        email: p.email ?? "",
        charity_number: p.charity_number ?? "",
        fca_number: p.fca_number ?? "",
        jurisdiction: p.jurisdiction,
      });
  }, [profile.data]);
  const field = (k: keyof Values) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const save = useMutation({
    mutationFn: async (version: number) => unwrap(await api.PUT("/api/v1/centre/profile", { params: { header: ifMatch(version) }, body: profileBody(v) })),
    onSuccess: (p) => qc.setQueryData(["centre-profile"], p),
  });
  return (
    <>
      <h1 className="govuk-heading-xl">Centre profile</h1>
      <p className="govuk-body">What every letter carries: the centre's name and contact details, its registration numbers and logo.</p>
      <QueryState query={profile} what="the centre's profile">
        {(p) => (
          <>
            <form
              noValidate
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                save.mutate(p.version);
              }}
            >
              <ErrorSummary error={save.error} fields={FIELDS} />
              {save.isSuccess && (
                <div className="govuk-inset-text" role="status">
                  Profile saved.
                </div>
              )}
              <TextInput id={FIELDS.name} name="name" label="Name" value={v.name} onChange={field("name")} error={save.error} />
              <TextArea id={FIELDS.address} name="address" label="Address" value={v.address} onChange={field("address")} error={save.error} rows={4} />
              <TextInput id={FIELDS.phone} name="phone" label="Phone" value={v.phone} onChange={field("phone")} error={save.error} width="20" />
              <TextInput id={FIELDS.email} name="email" label="Email" type="email" value={v.email} onChange={field("email")} error={save.error} width="30" />
              <TextInput id={FIELDS.charity_number} name="charity_number" label="Charity number (optional)" value={v.charity_number} onChange={field("charity_number")} error={save.error} width="10" />
              <TextInput
                id={FIELDS.fca_number}
                name="fca_number"
                label="FCA firm reference number (optional)"
                hint="6 or 7 digits"
                value={v.fca_number}
                onChange={field("fca_number")}
                error={save.error}
                width="10"
                inputMode="numeric"
              />
              <Select
                id={FIELDS.jurisdiction}
                name="jurisdiction"
                label="Jurisdiction"
                hint="Decides which debt solutions and rules apply"
                value={v.jurisdiction}
                onChange={field("jurisdiction")}
                error={save.error}
                options={[["EW", "England and Wales"], ["SCO", "Scotland"], ["NI", "Northern Ireland"]]}
              />
              <Button busy={save.isPending}>Save profile</Button>
            </form>
            <Logo profile={p} />
          </>
        )}
      </QueryState>
    </>
  );
}
