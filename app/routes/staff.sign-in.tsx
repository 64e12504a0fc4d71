// Staff sign-in, first step (issue 11, item 1): the council email address. A code is emailed only to an active
// member of staff, but the answer is the same for any address, so the page does not tell who is staff.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { signInEmailSchema } from "~/accounts/sign-in-forms";
import { ErrorSummary, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { getDb } from "~/db.server";
import { clientKey, rateLimitsFor, tooManyRequests, withRetryAfter } from "~/http/rate-limits.server";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/journey/journey.server";
import { signedInStaff } from "~/staff/staff-sessions.server";
import { sendStaffSignInCode } from "~/staff/staff-sign-in.server";
import { ssoSettings } from "~/staff/sso.server";

export const headers = withRetryAfter;

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:signIn.title");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await signedInStaff(await getDb(), request)) throw redirect("/staff", 303);
  const sso = new URL(request.url).searchParams.get("sso");
  return { sso: ssoSettings() !== null, ssoProblem: sso === "refused" || sso === "failed" ? sso : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const posted = await readForm(request);
  const values = { email: (posted.email ?? "").slice(0, 1000) };
  const parsed = signInEmailSchema.safeParse(values);
  if (!parsed.success) return data({ errors: { email: "staff:signIn.error.email" }, values }, { status: 400 });
  const db = await getDb();
  const limited = await rateLimitsFor(db).consume([
    ["sign-in-codes-per-client", clientKey(context)],
    ["sign-in-codes-per-address", parsed.data.email],
  ]);
  if (!limited.ok) return tooManyRequests(limited, { errors: { email: "staff:signIn.error.tooMany" }, values });
  const setCookie = await sendStaffSignInCode(db, parsed.data.email);
  return redirect("/staff/sign-in/code", { status: 303, headers: { "Set-Cookie": setCookie } });
}

export default function StaffSignIn() {
  const { sso, ssoProblem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("staff:signIn.title")}</h1>
        {ssoProblem ? (
          <div className="govuk-error-summary" role="alert" aria-labelledby="sso-problem" tabIndex={-1}>
            <h2 className="govuk-error-summary__title" id="sso-problem">
              {t(`staff:signIn.sso.${ssoProblem}`)}
            </h2>
          </div>
        ) : null}
        {sso ? (
          <>
            <p className="govuk-body">
              <a className="govuk-button" href="/staff/sign-in/sso">
                {t("staff:signIn.sso.button")}
              </a>
            </p>
            <p className="govuk-body">{t("staff:signIn.sso.orCode")}</p>
          </>
        ) : null}
        <p className="govuk-body">{t("staff:signIn.intro")}</p>
        <Form method="post" noValidate>
          <TextInput name="email" label={t("staff:signIn.email")} value={actionData?.values.email} error={errors.email} type="email" autoComplete="email" spellCheck={false} />
          <button type="submit" className="govuk-button">
            {t("staff:signIn.continue")}
          </button>
        </Form>
      </div>
    </div>
  );
}
