// Who looks into a complaint (issue 11, item 3): a complaints officer or manager assigns an investigating officer,
// or appoints an independent investigator or panel member, and can take them off it. Those assigned see the
// complaint; nobody else in those roles does. Anyone but a complaints officer or manager: 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Radios } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { assignedTo, assignToComplaint, unassignFromComplaint } from "~/staff/assignments.server";
import { assignableStaff } from "~/staff/queue.server";
import { requireComplaintToActOn } from "~/staff/staff-page.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:assign.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, row } = await requireComplaintToActOn(request, params.reference);
  const [assigned, candidates] = await Promise.all([assignedTo(db, row.id), assignableStaff(db)]);
  const taken = new Set(assigned.map((person) => person.id));
  return {
    reference: row.reference,
    assigned: assigned.map((person) => ({ id: person.id, name: person.name || person.email, role: person.role })),
    candidates: candidates.filter((person) => !taken.has(person.id)).map((person) => ({ id: person.id, name: person.name || person.email, email: person.email, role: person.role })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, row } = await requireComplaintToActOn(request, params.reference);
  const posted = await readFormEntries(request);
  const staffId = posted.get("staffId") ?? "";
  if (posted.get("intent") === "remove") {
    await unassignFromComplaint(db, staff, row.id, staffId);
    return redirect(`/staff/complaints/${row.reference}?done=unassigned`, 303);
  }
  if (!(await assignToComplaint(db, staff, row.id, staffId))) return data({ errors: { staffId: "staff:assign.error.staffId" } }, { status: 400 });
  return redirect(`/staff/complaints/${row.reference}?done=assigned`, 303);
}

export default function StaffAssign() {
  const { reference, assigned, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/complaints/${reference}`} className="govuk-back-link">
          {reference}
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{reference}</span>
        <h1 className="govuk-heading-l">{t("staff:assign.title")}</h1>
        {assigned.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t("staff:assign.current")}</h2>
            <ul className="govuk-list">
              {assigned.map((person) => (
                <li key={person.id}>
                  <Form method="post">
                    {person.name} ({t(`staff:role.${person.role}`)}){" "}
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="staffId" value={person.id} />
                    <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                      {t("staff:assign.remove")}<span className="govuk-visually-hidden"> {person.name}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {candidates.length === 0 ? (
          <p className="govuk-body">{t("staff:assign.noneToAssign")}</p>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="assign" />
            <Radios name="staffId" legend={t("staff:assign.who")} hint={t("staff:assign.whoHint")} error={errors.staffId}
              options={candidates.map((person) => ({ value: person.id, label: person.name, hint: `${t(`staff:people.roleName.${person.role}`)} – ${person.email}` }))} />
            <button type="submit" className="govuk-button">
              {t("staff:assign.button")}
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
