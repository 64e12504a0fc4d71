// The Ombudsman case file of one complaint, for staff who may see it (issue 12, item 4): the same file the person
// complaining gets, in English, to read, print, or download as PDF and ZIP. Opening it is audited.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { complaintForStaff } from "~/cases/access.server";
import { caseFileOf } from "~/cases/case-file.server";
import { CaseFile } from "~/components/case-file";
import { translatedTitle } from "~/components/page-title";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { londonDateOf } from "~/rules/calendar-dates";
import { recordStaffAudit } from "~/staff/staff-audit.server";
import { requireStaff } from "~/staff/staff-page.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => translatedTitle(matches, "caseFile.title", { reference: page?.reference ?? "" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, staff } = await requireStaff(request);
  const row = await complaintForStaff(db, staff, params.reference ?? "");
  if (!row) throw new Response("Not found", { status: 404 });
  await recordStaffAudit(db, { staffId: staff.staffId, action: "case_file", complaintId: row.id, detail: { format: "html" } });
  const { document } = await caseFileOf(db, row, "en", londonDateOf(new Date()));
  return { reference: row.reference, document, texts: textsFor("en", ["caseFile"]) };
}

export default function StaffCaseFilePage() {
  const { reference, document } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <Link to={`/staff/complaints/${reference}`} className="govuk-back-link council-no-print">
        {t("staff:case.caption")}
      </Link>
      <CaseFile
        document={document}
        downloads={
          <ul className="govuk-list council-no-print">
            <li>
              <a className="govuk-link" href={`/staff/complaints/${reference}/case-file.pdf`} download>
                {t("caseFile.pdf")}
              </a>
            </li>
            <li>
              <a className="govuk-link" href={`/staff/complaints/${reference}/case-file.zip`} download>
                {t("caseFile.zip")}
              </a>
            </li>
          </ul>
        }
      />
    </>
  );
}
