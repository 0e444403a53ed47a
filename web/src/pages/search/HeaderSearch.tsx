// The search box in the header: opens the search page with the words typed.
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";

export function HeaderSearch() {
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  return (
    <form
      role="search"
      aria-label="Site"
      className="cma-header-search"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
      }}
    >
      <label className="govuk-visually-hidden" htmlFor="header-search">
        Search cases, clients, notes and documents
      </label>
      <input id="header-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search" spellCheck={false} />
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
        Search
      </button>
    </form>
  );
}
