// The managers' list of staff accounts (issue 11, item 1): who has which role, who has set up an authenticator,
// and the way to add someone, deactivate a leaver or reset a lost authenticator. Anyone but a manager: 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { translatedTitle } from "~/components/page-title";
import { useTranslation } from "~/i18n/use-translation";
import { listStaff } from "~/staff/staff-accounts.server";
import { requireStaffManager } from "~/staff/staff-page.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:people.title");

const DONE = ["added", "deactivate", "reset-authenticator"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, staff } = await requireStaffManager(request);
  const done = new URL(request.url).searchParams.get("done");
  return { people: await listStaff(db), me: staff.staffId, done: DONE.find((known) => known === done) ?? null };
}

export default function StaffPeople() {
  const { people, me, done } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      {done ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading" id="done-title">
              {t(`staff:people.done.${done}`)}
            </p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">{t("staff:people.title")}</h1>
      <p className="govuk-body">
        <Link className="govuk-button" to="/staff/people/add">
          {t("staff:people.add")}
        </Link>
      </p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">{t("staff:people.title")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("staff:people.person")}</th>
            <th scope="col" className="govuk-table__header">{t("staff:people.role")}</th>
            <th scope="col" className="govuk-table__header">{t("staff:people.state")}</th>
            <th scope="col" className="govuk-table__header">{t("staff:people.changes")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {people.map((person) => (
            <tr key={person.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                {person.name ? <>{person.name}<br /></> : null}
                <span className="govuk-body-s">{person.email}</span>
              </td>
              <td className="govuk-table__cell">{t(`staff:people.roleName.${person.role}`)}</td>
              <td className="govuk-table__cell">
                {t(person.active ? "staff:people.active" : "staff:people.deactivated")}
                {person.active ? <><br /><span className="govuk-body-s">{t(person.authenticator ? "staff:people.authenticatorSet" : "staff:people.authenticatorNotSet")}</span></> : null}
              </td>
              <td className="govuk-table__cell">
                {person.active && person.id !== me ? (
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    <li>
                      <Link className="govuk-link" to={`/staff/people/${person.id}/deactivate`}>
                        {t("staff:people.deactivate")}<span className="govuk-visually-hidden"> {person.name || person.email}</span>
                      </Link>
                    </li>
                    {person.authenticator ? (
                      <li>
                        <Link className="govuk-link" to={`/staff/people/${person.id}/reset-authenticator`}>
                          {t("staff:people.resetAuthenticator")}<span className="govuk-visually-hidden"> {person.name || person.email}</span>
                        </Link>
                      </li>
                    ) : null}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
