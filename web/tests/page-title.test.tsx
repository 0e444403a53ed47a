// Each page's title names it (WCAG 2.4.2): the case's section, the page's heading, the
// service; "Error: " first while an error summary shows.
import { render, waitFor } from "@testing-library/react";
import { act, useRef, useState } from "react";
import { pageTitle, usePageTitle } from "../src/components/pageTitle";

function html(markup: string): Element {
  const main = document.createElement("main");
  main.innerHTML = markup;
  return main;
}

test("a page is titled by its heading, then the service", () => {
  expect(pageTitle(html('<h1 class="govuk-heading-xl">Work queue</h1>'))).toBe("Work queue – CMA");
  expect(pageTitle(html("<p>Loading…</p>"))).toBe("CMA");
});

test("a case's section comes first, and the heading's status tag is no part of it", () => {
  const page = html(`
    <span class="govuk-caption-l">Case</span>
    <h1>C-000001 <strong class="govuk-tag">open</strong></h1>
    <nav class="moj-sub-navigation"><ul>
      <li><a href="/cases/1">Overview</a></li>
      <li><a href="/cases/1/debts" aria-current="page">Debts</a></li>
    </ul></nav>
    <h2>Debts</h2>`);
  expect(pageTitle(page)).toBe("Debts – C-000001 – CMA");
});

test("an error summary puts 'Error: ' first", () => {
  const page = html('<div class="govuk-error-summary"></div><h1>Sign in to CMA<span class="govuk-visually-hidden"> (step 1)</span></h1>');
  expect(pageTitle(page)).toBe("Error: Sign in to CMA – CMA");
});

function Page() {
  const main = useRef<HTMLElement>(null);
  const [heading, setHeading] = useState("Loading");
  usePageTitle(main);
  return (
    <main ref={main}>
      <h1>{heading}</h1>
      <button onClick={() => setHeading("Budget")}>load</button>
    </main>
  );
}

test("the title follows the page as it changes", async () => {
  const { getByRole } = render(<Page />);
  expect(document.title).toBe("Loading – CMA");
  act(() => getByRole("button").click());
  await waitFor(() => expect(document.title).toBe("Budget – CMA"));
});
