// A manager deactivates a leaver, or resets a lost authenticator (issue 11, item 1): a page that says what will
// happen, and a button. Either ends the person's sessions at once. A manager cannot do either to themselves (so the
// portal is never left without a way in); anyone but a manager, or an unknown person: 404.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { and, eq } from "drizzle-orm";
import { staffMembers } from "../../db/schema";
import { translatedTitle } from "~/components/page-title";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { deactivateStaffMember, resetAuthenticator } from "~/staff/staff-accounts.server";
import { requireStaffManager } from "~/staff/staff-page.server";
import { isUuid } from "~/forms/uuid";

const CHANGES = ["deactivate", "reset-authenticator"] as const;
type Change = (typeof CHANGES)[number];

export const meta: MetaFunction = ({ matches, params }) => translatedTitle(matches, `staff:people.${params.change === "reset-authenticator" ? "resetTitle" : "deactivateTitle"}`);


async function personFor(request: Request, params: LoaderFunctionArgs["params"]) {
  const { db, staff } = await requireStaffManager(request);
  const change = CHANGES.find((known) => known === params.change);
  const id = params.id ?? "";
  if (!change || !isUuid(id) || id === staff.staffId) throw new Response("Not found", { status: 404 });
  const [person] = await db.select().from(staffMembers).where(and(eq(staffMembers.id, id), eq(staffMembers.active, true)));
  if (!person || (change === "reset-authenticator" && !person.totpConfirmedAt)) throw new Response("Not found", { status: 404 });
  return { db, staff, person, change: change as Change };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { person, change } = await personFor(request, params);
  return { person: { name: person.name, email: person.email }, change };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, person, change } = await personFor(request, params);
  await readFormEntries(request);
  if (change === "deactivate") await deactivateStaffMember(db, person.id, staff.staffId);
  else await resetAuthenticator(db, person.id, staff.staffId);
  return redirect(`/staff/people?done=${change}`, 303);
}

export default function StaffPersonChange() {
  const { person, change } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const key = change === "deactivate" ? "deactivate" : "reset";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/people" className="govuk-back-link">
          {t("staff:people.title")}
        </Link>
        <h1 className="govuk-heading-l">{t(`staff:people.${key}Title`)}</h1>
        <p className="govuk-body">
          <strong>{person.name || person.email}</strong>
          {person.name ? <> ({person.email})</> : null}
        </p>
        <p className="govuk-body">{t(`staff:people.${key}Intro`)}</p>
        <Form method="post">
          <button type="submit" className={`govuk-button${change === "deactivate" ? " govuk-button--warning" : ""}`}>
            {t(`staff:people.${key}Button`)}
          </button>
        </Form>
      </div>
    </div>
  );
}
