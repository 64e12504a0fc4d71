// The staff pages' frame (issue 11): English only, never cached, and a line saying who is signed in with a way to
// sign out. The root shell leaves out the language switcher and the residents' links on these pages (handle.staff).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { staffTexts } from "~/staff/staff-page.server";
import { actsOnComplaints } from "~/staff/casework";
import { managesStaff, readsEqualityReports } from "~/staff/staff-roles";
import { signedInStaff } from "~/staff/staff-sessions.server";

export const handle = { staff: true };

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await signedInStaff(await getDb(), request);
  return { staff: staff ? { name: staff.name || staff.email, role: staff.role, managesStaff: managesStaff(staff.role), readsReports: actsOnComplaints(staff.role), readsEquality: readsEqualityReports(staff.role) } : null, texts: staffTexts() };
}

export default function StaffFrame() {
  const { staff } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      {staff ? (
        <div className="council-staff-bar">
          <p className="govuk-body-s">
            {t("staff:layout.signedInAs", { name: staff.name, role: t(`staff:role.${staff.role}`) })}{" "}
            <Link className="govuk-link" to="/staff">
              {t("staff:layout.queue")}
            </Link>
            {staff.readsReports ? (
              <>
                {" "}
                <Link className="govuk-link" to="/staff/reports">
                  {t("staff:layout.reports")}
                </Link>
              </>
            ) : null}
            {staff.readsEquality ? (
              <>
                {" "}
                <Link className="govuk-link" to="/staff/reports/equality">
                  {t("staff:layout.equality")}
                </Link>
              </>
            ) : null}
            {staff.managesStaff ? (
              <>
                {" "}
                <Link className="govuk-link" to="/staff/people">
                  {t("staff:layout.people")}
                </Link>{" "}
                <Link className="govuk-link" to="/staff/closure-days">
                  {t("staff:layout.closures")}
                </Link>
              </>
            ) : null}
          </p>
          <Form method="post" action="/staff/sign-out">
            <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
              {t("staff:layout.signOut")}
            </button>
          </Form>
        </div>
      ) : null}
      <Outlet />
    </>
  );
}
