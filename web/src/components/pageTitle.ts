// Each page's title says where you are (WCAG 2.4.2; the GOV.UK pattern "Page – Service"):
// the section of a case first ("Debts – C-000001 – CMA"), then the page's heading, and
// "Error: " in front while an error summary shows, so a screen reader user hears it on
// the tab's title too. Read from the rendered page, so a page needs nothing of its own.
import { useEffect, type RefObject } from "react";

export const SERVICE = "CMA";

function text(el: Element | null): string {
  if (!el) return "";
  const copy = el.cloneNode(true) as Element;
  // A status tag or a visually hidden aside is no part of the heading's name.
  copy.querySelectorAll(".govuk-tag, .govuk-visually-hidden").forEach((e) => e.remove());
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

export function pageTitle(main: Element): string {
  const heading = text(main.querySelector("h1"));
  const section = text(main.querySelector(".moj-sub-navigation [aria-current=page]"));
  const parts = [section !== heading ? section : "", heading, SERVICE].filter(Boolean);
  const error = main.querySelector(".govuk-error-summary") ? "Error: " : "";
  return error + parts.join(" – ");
}

/** Keeps ``document.title`` in step with what ``main`` shows, as it loads and changes. */
export function usePageTitle(main: RefObject<Element | null>) {
  useEffect(() => {
    const el = main.current;
    if (!el) return;
    const update = () => {
      const title = pageTitle(el);
      if (document.title !== title) document.title = title;
    };
    update();
    const watch = new MutationObserver(update);
    watch.observe(el, { childList: true, subtree: true, characterData: true });
    return () => watch.disconnect();
  }, [main]);
}
