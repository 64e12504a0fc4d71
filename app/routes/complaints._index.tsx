import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ScrollingTable } from "~/components/scrolling-table";
import { requireAccount } from "~/accounts/account.server";
import { complaintsActedOn, complaintsForAccount } from "~/cases/access.server";
import { actedOnView, ACTED_ON_SORTS, type ActedOnView } from "~/representation/dashboard";
import { serviceAreaNamesIn } from "~/cases/complaint-page.server";
import { Interpolated } from "~/components/interpolated";
import { Pagination } from "~/components/pagination";
import { translatedTitle } from "~/components/page-title";
import { languageFor } from "~/i18n/languages";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import type { IsoDate } from "~/rules/calendar-dates";
import { formatIsoDate } from "~/rules/explanations";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "account.list.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, locale, account } = await requireAccount(request);
  const [rows, actedOn] = await Promise.all([complaintsForAccount(db, account), complaintsActedOn(db, account)]);
  const names = await serviceAreaNamesIn(db, locale, rows.map((row) => row.serviceAreaSlug));
  const tag = languageFor(locale).tag;
  const query = new URL(request.url).searchParams;
  return {
    // Issue 10: the complaints this account makes for other people, filtered and sorted as the address asks.
    actedOn: actedOn.length > 0 ? actedOnView(actedOn, { state: query.get("state"), sort: query.get("sort"), page: query.get("page") }, locale) : null,
    email: account.email,
    complaints: rows.map((row) => ({
      reference: row.reference,
      about: names.get(row.serviceAreaSlug) ?? row.serviceAreaSlug,
      stage: row.stage,
      status: row.status,
      nextDueOn: row.nextDueOn ? formatIsoDate(row.nextDueOn as IsoDate, tag) : null,
    })),
    texts: textsFor(locale, ["account.list", "account.status", "account.stageShort", ...(actedOn.length > 0 ? ["account.dashboard", "account.people.state", "pagination"] : [])]),
  };
}

/** Issue 10, item 5: every complaint the account makes for someone else, with a count per state, filtered and sorted. */
function ActedOn({ view }: { view: ActedOnView }) {
  const { t } = useTranslation();
  return (
    <div>
      <h2 className="govuk-heading-m" id="acted-on-heading">
        {t("account.dashboard.heading")}
      </h2>
      <ul className="govuk-list council-counts">
        {view.counts.map((count) => (
          <li key={count.state}>
            <Link className="govuk-link" to={`?${new URLSearchParams({ state: count.state, sort: view.sort })}`} aria-current={view.state === count.state ? "true" : undefined}>
              {t(count.state === "all" ? "account.dashboard.all" : `account.people.state.${count.state}`)}: {count.count}
            </Link>
          </li>
        ))}
      </ul>
      <Form method="get" className="council-filter">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="acted-on-sort">
            {t("account.dashboard.sortLabel")}
          </label>
          <select className="govuk-select" id="acted-on-sort" name="sort" defaultValue={view.sort}>
            {ACTED_ON_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`account.dashboard.sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="state" value={view.state} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("account.dashboard.apply")}
        </button>
      </Form>
      {view.range ? <p className="govuk-body">{t("account.dashboard.showing", view.range)}</p> : null}
      {view.rows.length === 0 ? (
        <p className="govuk-body">{t("account.dashboard.none")}</p>
      ) : (
        <ScrollingTable labelledBy="acted-on-heading">
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("account.dashboard.person")}</th>
                <th scope="col" className="govuk-table__header">{t("account.list.reference")}</th>
                <th scope="col" className="govuk-table__header">{t("account.list.stage")}</th>
                <th scope="col" className="govuk-table__header">{t("account.list.nextDate")}</th>
                <th scope="col" className="govuk-table__header">{t("account.dashboard.permission")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {view.rows.map((row) => (
                <tr key={row.reference} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header" dir="auto">
                    {row.person}
                  </th>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/complaints/${row.reference}`} dir="ltr">
                      {row.reference}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{t("account.stageShort", { stage: row.stage })}</td>
                  <td className="govuk-table__cell">{row.nextDueOn ?? t("account.list.noDate")}</td>
                  <td className="govuk-table__cell">{t(`account.people.state.${row.consent}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
      <Pagination page={view.page} pageCount={view.pageCount} hrefFor={(page) => `?${new URLSearchParams({ state: view.state, sort: view.sort, page: String(page) })}#acted-on-heading`} />
    </div>
  );
}

export default function YourComplaints() {
  const { email, complaints, actedOn } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">{t("account.list.title")}</h1>
        <p className="govuk-body">
          <Interpolated sentence={(mark) => t("account.list.signedInAs", { email: mark })} value={<bdi dir="ltr">{email}</bdi>} />
        </p>
        {complaints.length === 0 ? (
          <p className="govuk-body">{t("account.list.none")}</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">{t("account.list.intro")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("account.list.reference")}</th>
                <th scope="col" className="govuk-table__header">{t("account.list.about")}</th>
                <th scope="col" className="govuk-table__header">{t("account.list.stage")}</th>
                <th scope="col" className="govuk-table__header">{t("account.list.status")}</th>
                <th scope="col" className="govuk-table__header">{t("account.list.nextDate")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {complaints.map((complaint) => (
                <tr key={complaint.reference} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/complaints/${complaint.reference}`} dir="ltr">
                      {complaint.reference}
                    </Link>
                  </th>
                  <td className="govuk-table__cell">{complaint.about}</td>
                  <td className="govuk-table__cell">{t("account.stageShort", { stage: complaint.stage })}</td>
                  <td className="govuk-table__cell">{t(`account.status.${complaint.status}`)}</td>
                  <td className="govuk-table__cell">{complaint.nextDueOn ?? t("account.list.noDate")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {actedOn ? <ActedOn view={actedOn} /> : null}
        <p className="govuk-body">{t("account.list.anotherAddress")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            {t("account.list.newComplaint")}
          </Link>
        </p>
        <Form method="post" action="/sign-out">
          <input type="hidden" name="everywhere" value="yes" />
          <p className="govuk-body" id="everywhere-hint">{t("account.list.signOutEverywhereHint")}</p>
          <button type="submit" className="govuk-button govuk-button--secondary" aria-describedby="everywhere-hint">
            {t("account.list.signOutEverywhere")}
          </button>
        </Form>
      </div>
    </div>
  );
}
