// The Ombudsman case file of one complaint, for the person complaining and whoever acts for them with permission
// (issue 12, item 4), in the reader's language: a page to read or print, with its PDF and ZIP. Anyone else, and
// someone still waiting for permission, gets 404, as for a reference that does not exist.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAccount } from "~/accounts/account.server";
import { complaintForAccount } from "~/cases/access.server";
import { caseFileOf } from "~/cases/case-file.server";
import { CaseFile } from "~/components/case-file";
import { translatedTitle } from "~/components/page-title";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => translatedTitle(matches, "caseFile.title", { reference: page?.reference ?? "" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, locale, account, today } = await requireAccount(request);
  const found = await complaintForAccount(db, account, params.reference ?? "");
  if (!found || found.access === "limited") throw data(null, { status: 404 });
  const { document } = await caseFileOf(db, found.complaint, locale, today);
  return { reference: found.complaint.reference, document, texts: textsFor(locale, ["caseFile", "account.case.caption"]) };
}

export default function CaseFilePage() {
  const { reference, document } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds-from-desktop">
        <Link to={`/complaints/${reference}`} className="govuk-back-link council-no-print">
          {t("account.case.caption")}
        </Link>
        <CaseFile
          document={document}
          downloads={
            <div className="council-no-print">
              <p className="govuk-body">{t("caseFile.ombudsman")}</p>
              <h2 className="govuk-heading-m">{t("caseFile.downloadsHeading")}</h2>
              <ul className="govuk-list">
                <li>
                  <a className="govuk-link" href={`/complaints/${reference}/case-file.pdf`} download>
                    {t("caseFile.pdf")}
                  </a>
                </li>
                <li>
                  <a className="govuk-link" href={`/complaints/${reference}/case-file.zip`} download>
                    {t("caseFile.zip")}
                  </a>
                </li>
              </ul>
              <p className="govuk-body">{t("caseFile.print")}</p>
            </div>
          }
        />
      </div>
    </div>
  );
}
