// A manager adds a member of staff (issue 11, item 1): their council email address, name and role. They sign in
// with the emailed code and set up an authenticator the first time. Adding an address already known gives it this
// role and makes it active again. Anyone but a manager: 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { signInEmailSchema } from "~/accounts/sign-in-forms";
import { ErrorSummary, Radios, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { addStaffMember } from "~/staff/staff-accounts.server";
import { requireStaffManager } from "~/staff/staff-page.server";
import { isStaffRole, STAFF_ROLES } from "~/staff/staff-roles";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:people.addTitle");

const NAME_LIMIT = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffManager(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, staff } = await requireStaffManager(request);
  const posted = await readFormEntries(request);
  const values = { email: (posted.get("email") ?? "").slice(0, 1000), name: (posted.get("name") ?? "").slice(0, 1000), role: posted.get("role") ?? "" };
  const errors: Record<string, string> = {};
  const email = signInEmailSchema.safeParse({ email: values.email });
  const name = values.name.replace(/\s+/g, " ").trim();
  if (!email.success) errors.email = "staff:people.error.email";
  if (name === "") errors.name = "staff:people.error.name";
  else if (name.length > NAME_LIMIT) errors.name = "staff:people.error.nameTooLong";
  if (!isStaffRole(values.role)) errors.role = "staff:people.error.role";
  if (!email.success || Object.keys(errors).length > 0 || !isStaffRole(values.role)) return data({ errors, values }, { status: 400 });
  await addStaffMember(db, { email: email.data.email, role: values.role, name, addedBy: staff.staffId });
  return redirect("/staff/people?done=added", 303);
}

export default function StaffAddPerson() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/people" className="govuk-back-link">
          {t("staff:people.title")}
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("staff:people.addTitle")}</h1>
        <p className="govuk-body">{t("staff:people.addIntro")}</p>
        <Form method="post" noValidate>
          <TextInput name="email" label={t("staff:people.email")} value={values?.email} error={errors.email} type="email" autoComplete="off" spellCheck={false} />
          <TextInput name="name" label={t("staff:people.name")} hint={t("staff:people.nameHint")} value={values?.name} error={errors.name} autoComplete="off" />
          <Radios name="role" legend={t("staff:people.role")} value={values?.role} error={errors.role}
            options={STAFF_ROLES.map((role) => ({ value: role, label: t(`staff:people.roleName.${role}`), hint: t(`staff:people.roleHint.${role}`) }))} />
          <button type="submit" className="govuk-button">
            {t("staff:people.addButton")}
          </button>
        </Form>
      </div>
    </div>
  );
}
