// The wording of the centre's letters: each kind's template, the shipped default until the
// centre saves its own. Saving sends `If-Match` with the version read (`"0"` for the first
// override of a default); the API renders the template on sample data first and refuses a
// name it does not know or a syntax error, naming the subject or the body.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Schemas } from "../../api/client";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { DetailsForm } from "../../components/DetailsForm";
import { label } from "../../components/format";
import { downloadTemplatePreview } from "../case/download";
import { Button, ErrorSummary, TextArea, TextInput } from "../../components/forms";
import { QueryState, SuccessBanner, Tag } from "../../components/ui";

type Template = Schemas["TemplateOut"];
type TemplatePage = Schemas["TemplatePage"];

const NAMES_HINT =
  "Jinja placeholders, e.g. {{ client.name }}, {{ case.reference }}, {{ debt.creditor }}, {{ debt.balance }}, {{ debt.offer }}, {{ adviser.name }}, {{ centre.name }}, {{ today }}.";

export function LetterTemplatesPage() {
  const { can } = useMe();
  const [saved, setSaved] = useState<Template | null>(null);
  const banner = saved
    ? saved.is_default
      ? `The “${label(saved.kind)}” letter uses the shipped default again. Letters made from now on use it.`
      : `Saved the centre's own wording of “${label(saved.kind)}” (version ${saved.version}). Letters made from now on use it.`
    : null;
  const templates = useQuery({
    queryKey: ["letter-templates"],
    queryFn: async () => unwrap(await api.GET("/api/v1/letter-templates")),
  });
  return (
    <>
      <h1 className="govuk-heading-xl">Letter templates</h1>
      {banner && <SuccessBanner text={banner} />}
      <p className="govuk-body">
        Each letter the centre sends starts from one of these. Until the centre saves its own wording, a letter uses the shipped default. Letters
        already made keep the wording they were made with.
      </p>
      <QueryState query={templates} what="the letter templates">
        {(page) => (
          <>
            {page.items.map((t) => (
              <section key={t.kind} className="cma-card govuk-!-margin-bottom-4" aria-labelledby={`template-${t.kind}`}>
                <h2 className="govuk-heading-m" id={`template-${t.kind}`}>
                  {label(t.kind)}
                </h2>
                <p className="govuk-body">
                  {t.is_default ? <Tag value="closed" text="Shipped default" /> : <Tag value="done" text={`Centre's own, version ${t.version}`} />}
                </p>
                <p className="govuk-body">
                  <span className="govuk-!-font-weight-bold">Subject:</span> {t.subject}
                </p>
                {can("finance:write") ? (
                  <TemplateEditor template={t} onSaved={setSaved} />
                ) : (
                  <details className="govuk-details">
                    <summary className="govuk-details__summary">
                      <span className="govuk-details__summary-text">
                        Show the wording<span className="govuk-visually-hidden"> of the {label(t.kind).toLowerCase()} letter</span>
                      </span>
                    </summary>
                    <pre className="govuk-details__text cma-pre">{t.body}</pre>
                  </details>
                )}
              </section>
            ))}
          </>
        )}
      </QueryState>
    </>
  );
}

function TemplateEditor({ template, onSaved }: { template: Template; onSaved: (t: Template) => void }) {
  const qc = useQueryClient();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const id = `template-${template.kind}`;
  const [dropping, setDropping] = useState(false);
  const done = (out: Template) => {
    qc.setQueryData<TemplatePage>(["letter-templates"], (old) =>
      old ? { ...old, items: old.items.map((t) => (t.kind === out.kind ? out : t)) } : old,
    );
    setSubject(out.subject);
    setBody(out.body);
    onSaved(out);
  };
  const reset = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.DELETE("/api/v1/letter-templates/{kind}", {
          params: { path: { kind: template.kind }, header: ifMatch(template.version) },
        }),
      ),
    onSuccess: done,
    onSettled: () => setDropping(false),
  });
  const preview = useMutation({
    mutationFn: () => downloadTemplatePreview(subject, body, `${template.kind}-preview.pdf`),
  });
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT("/api/v1/letter-templates/{kind}", {
          params: { path: { kind: template.kind }, header: ifMatch(template.version) },
          body: { subject, body },
        }),
      ),
    onSuccess: done,
  });
  // One of the three at a time: the others' outcome (an error shown) is cleared first.
  const only = (m: typeof save | typeof reset | typeof preview) => {
    for (const other of [save, reset, preview]) if (other !== m) other.reset();
    m.mutate();
  };
  const error = save.error ?? reset.error ?? preview.error;
  return (
    <DetailsForm summary="Change the wording" hidden={`of the ${label(template.kind).toLowerCase()} letter`} onSubmit={() => only(save)}>
      <ErrorSummary error={error} fields={{ subject: `${id}-subject`, body: `${id}-body` }} labels={{ subject: "Subject", body: "Wording" }} />
      <TextInput id={`${id}-subject`} name="subject" label="Subject" value={subject} onChange={setSubject} error={error} />
      <TextArea id={`${id}-body`} name="body" label="Wording (HTML)" hint={NAMES_HINT} rows={14} value={body} onChange={setBody} error={error} />
      <div className="govuk-button-group">
        <Button busy={save.isPending}>Save the centre's wording</Button>
        <Button
          secondary
          type="button"
          busy={preview.isPending}
          onClick={() => only(preview)}
        >
          Preview as PDF
        </Button>
        {!template.is_default && !dropping && (
          <Button warning type="button" onClick={() => setDropping(true)}>
            Go back to the shipped default
          </Button>
        )}
      </div>
      {dropping && (
        <div className="govuk-warning-text" role="group" aria-labelledby={`${id}-drop`}>
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            <p className="govuk-body govuk-!-font-weight-bold" id={`${id}-drop`}>
              The centre's own wording (version {template.version}) is dropped for good; letters made from now on use the shipped default.
            </p>
            <div className="govuk-button-group">
              <Button
                warning
                type="button"
                busy={reset.isPending}
                onClick={() => only(reset)}
              >
                Yes, go back to the default
              </Button>
              <Button secondary type="button" onClick={() => setDropping(false)}>
                Keep the centre's wording
              </Button>
            </div>
          </div>
        </div>
      )}
    </DetailsForm>
  );
}
