import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireAccount } from "~/accounts/account.server";
import { complaintsForAccount } from "~/cases/access.server";
import { serviceAreaNamesIn } from "~/cases/complaint-page.server";
import { Interpolated } from "~/components/interpolated";
import { translatedTitle } from "~/components/page-title";
import { languageFor } from "~/i18n/languages";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import type { IsoDate } from "~/rules/calendar-dates";
import { formatIsoDate } from "~/rules/explanations";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "account.list.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, locale, account } = await requireAccount(request);
  const rows = await complaintsForAccount(db, account);
  const names = await serviceAreaNamesIn(db, locale, rows.map((row) => row.serviceAreaSlug));
  const tag = languageFor(locale).tag;
  return {
    email: account.email,
    complaints: rows.map((row) => ({
      reference: row.reference,
      about: names.get(row.serviceAreaSlug) ?? row.serviceAreaSlug,
      stage: row.stage,
      status: row.status,
      nextDueOn: row.nextDueOn ? formatIsoDate(row.nextDueOn as IsoDate, tag) : null,
    })),
    texts: textsFor(locale, ["account.list", "account.status", "account.stageShort"]),
  };
}

export default function YourComplaints() {
  const { email, complaints } = useLoaderData<typeof loader>();
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
