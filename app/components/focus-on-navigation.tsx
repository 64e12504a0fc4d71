// With JavaScript on, Remix changes pages without a reload, and a screen reader hears nothing: focus stays where
// it was (often on <body>). After each move to another page this puts focus on the page's main heading, so its
// text is read out, the way a full page load announces the new page. A page with errors is left alone: its error
// summary takes focus itself (ErrorSummary), as does the notice of a stale save (StaleNotice). The first page
// load is left alone too, so the skip link stays the first thing a keyboard reaches.
import { useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

export function FocusOnNavigation() {
  const { pathname, search } = useLocation();
  const page = `${pathname}${search}`;
  const shown = useRef(page);
  useEffect(() => {
    if (shown.current === page) return;
    shown.current = page;
    if (document.querySelector('.govuk-error-summary, [aria-labelledby="stale-title"]')) return;
    const heading = document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("main");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus();
  }, [page]);
  return null;
}
