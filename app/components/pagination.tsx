// GOV.UK Design System pagination, for a list longer than a page (the representative's dashboard; staff's queue).
// Which numbers are shown is a pure rule (pageLinks), so it is tested without a browser; the links are plain
// addresses, so paging works without JavaScript.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** The page asked for in the address: a whole number from 1 to the last page, else the nearest of them. */
export function pageAsked(raw: string | null, pageCount: number): number {
  const asked = Number.parseInt(raw ?? "", 10);
  if (!Number.isFinite(asked) || asked < 1) return 1;
  return Math.min(asked, Math.max(pageCount, 1));
}

/**
 * The page numbers to link, as GOV.UK's pattern advises: the first, the last, the current one and those either side
 * of it, with a gap ("…") where numbers are left out.
 */
export function pageLinks(page: number, pageCount: number): (number | "gap")[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((number) => number >= 1 && number <= pageCount).sort((a, b) => a - b);
  const links: (number | "gap")[] = [];
  for (const number of shown) {
    const previous = links.at(-1);
    if (typeof previous === "number" && number - previous > 1) links.push("gap");
    links.push(number);
  }
  return links;
}

const ARROW_PATH = "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z";
const NEXT_PATH = "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z";

/** Numbered links to the pages of a list, with "Previous page" and "Next page"; nothing when it fits on one page. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page - 1)} rel="prev">
            <svg className="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d={ARROW_PATH} />
            </svg>
            <span className="govuk-pagination__link-title">{t("pagination.previous")}</span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageLinks(page, pageCount).map((link, index) =>
          link === "gap" ? (
            <li key={`gap-${index}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
              &ctdot;
            </li>
          ) : (
            <li key={link} className={`govuk-pagination__item${link === page ? " govuk-pagination__item--current" : ""}`}>
              <Link className="govuk-link govuk-pagination__link" to={hrefFor(link)} aria-label={t("pagination.page", { count: link })} aria-current={link === page ? "page" : undefined}>
                {t("pagination.number", { count: link })}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">{t("pagination.next")}</span>
            <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d={NEXT_PATH} />
            </svg>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
