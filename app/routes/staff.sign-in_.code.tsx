// Staff sign-in, second step: the code from the email. Right, it leads to the authenticator code.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { checkSignInCode } from "~/accounts/sign-in-codes.server";
import { normaliseCode } from "~/accounts/sign-in-forms";
import { ErrorSummary, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/journey/journey.server";
import { activeStaffByEmail } from "~/staff/staff-accounts.server";
import { awaitingAuthenticator, pendingStaffSignInCookie, readPendingStaffSignIn } from "~/staff/staff-sessions.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:code.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await readPendingStaffSignIn(await getDb(), request);
  if (!pending?.codeId) throw redirect("/staff/sign-in", 303);
  return { demoCode: pending.demoCode ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const posted = await readForm(request);
  const code = normaliseCode((posted.code ?? "").slice(0, 100));
  const db = await getDb();
  const pending = await readPendingStaffSignIn(db, request);
  if (!pending?.codeId) throw redirect("/staff/sign-in", 303);
  if (!/^\d{6}$/.test(code)) return data({ errors: { code: "staff:code.error.format" } }, { status: 400 });
  const checked = await checkSignInCode(db, pending.codeId, code);
  const member = checked.ok ? await activeStaffByEmail(db, checked.email) : null;
  if (!member) {
    const key = !checked.ok && checked.reason === "wrong" ? "staff:code.error.wrong" : "staff:code.error.expired";
    return data({ errors: { code: key } }, { status: 400 });
  }
  return redirect("/staff/two-factor", { status: 303, headers: { "Set-Cookie": await pendingStaffSignInCookie(db, awaitingAuthenticator(member.id)) } });
}

export default function StaffSignInCode() {
  const { demoCode } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("staff:code.title")}</h1>
        <p className="govuk-body">{t("staff:code.sent")}</p>
        {demoCode ? <div className="govuk-inset-text">{t("staff:code.demo", { code: demoCode })}</div> : null}
        <Form method="post" noValidate>
          <TextInput name="code" label={t("staff:code.label")} error={errors.code} autoComplete="one-time-code" inputMode="numeric" spellCheck={false} width={10} />
          <button type="submit" className="govuk-button">
            {t("staff:code.continue")}
          </button>
        </Form>
      </div>
    </div>
  );
}
