import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { api } from "../api/client";
import { problemText, unwrap } from "../api/problem";
import { originalFile, viewable } from "./case/download";

/** A case's document shown on its own, in the tab the documents list opened for it
 * (``viewDocument``): titled with the file's name, as advisers keeping several letters
 * open side by side tell them apart, and the file as uploaded, fetched behind the bearer
 * token: a PDF in a frame filling the tab (the browser's own viewer), an image as an image
 * the tab's width at most (in a frame, the browser's image page sets inline styles the
 * console's policy refuses). It is a page of the console's own address, so reloading the
 * tab, or opening it again from the browser's history, shows the document again (the
 * session resumes from the refresh cookie, as any page of the console does); the file is
 * held as a ``blob:`` address only while the page shows it, and nothing is saved to disk. */
export default function DocumentView() {
  const { documentId = "" } = useParams();
  const about = useQuery({
    queryKey: ["document-view", documentId],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/documents/{document_id}", { params: { path: { document_id: documentId } } })),
    retry: false,
  });
  const name = about.data?.filename;
  const shown = about.data !== undefined && viewable(about.data.content_type);
  const file = useQuery({
    queryKey: ["document-view-file", documentId],
    queryFn: () => originalFile(documentId),
    enabled: shown,
    retry: false,
    gcTime: 0,
  });
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    if (!file.data) return;
    const address = URL.createObjectURL(file.data);
    setHref(address);
    return () => URL.revokeObjectURL(address);
  }, [file.data]);
  useEffect(() => {
    document.documentElement.lang = "en";
    if (name) document.title = name;
    else if (about.isError || file.isError) document.title = "Document not shown – CMA";
  }, [name, about.isError, file.isError]);

  const error = about.error ?? file.error;
  if (error) {
    return (
      <main className="govuk-main-wrapper govuk-width-container" id="main-content">
        <h1 className="govuk-heading-l">{name ? `${name} is not shown` : "The document is not shown"}</h1>
        <p className="govuk-body" role="alert">
          {problemText(error)}
        </p>
        <p className="govuk-body">Close this tab and open the document again from its case.</p>
      </main>
    );
  }
  if (about.data && !shown) {
    return (
      <main className="govuk-main-wrapper govuk-width-container" id="main-content">
        <h1 className="govuk-heading-l">{name}</h1>
        <p className="govuk-body">
          A browser does not show this kind of file ({about.data.content_type}). Download it from the case&apos;s
          documents instead.
        </p>
      </main>
    );
  }
  return (
    <main className="cma-document-view" id="main-content">
      <h1 className="govuk-visually-hidden">{name ?? "Document"}</h1>
      {!href || !name ? (
        <p className="govuk-body govuk-!-margin-4" role="status">
          Loading{name ? ` ${name}` : ""}…
        </p>
      ) : file.data?.type.startsWith("image/") ? (
        <img className="cma-document-view__image" src={href} alt={name} />
      ) : (
        <iframe className="cma-document-view__frame" src={href} title={name} />
      )}
    </main>
  );
}
