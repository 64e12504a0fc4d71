import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { demoSignIn } from "~/accounts/account.server";
import { signedInAccount } from "~/accounts/sessions.server";
import { sendSignInCode } from "~/accounts/sign-in-flow.server";
import { signInEmailSchema } from "~/accounts/sign-in-forms";
import { ErrorSummary, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { getDb } from "~/db.server";
import { clientKey, rateLimitsFor, tooManyRequests, withRetryAfter } from "~/http/rate-limits.server";
import { safeReturnPath } from "~/http/return-path";
import { textsFor } from "~/i18n/page-texts.server";
import { localeFor } from "~/i18n/locale.server";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/journey/journey.server";
import { DEMO_RESIDENT_EMAIL } from "~/accounts/demo";

export const headers = withRetryAfter;

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "account.signIn.title");

function errorsOf(values: Record<string, string>): Record<string, string> {
  const parsed = signInEmailSchema.safeParse(values);
  if (parsed.success) return {};
  return { email: String(parsed.error.issues[0]?.message) };
}

function returnToOf(request: Request): string {
  const returnTo = new URL(request.url).searchParams.get("returnTo");
  return returnTo ? safeReturnPath(returnTo) : "/complaints";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  // Already signed in: straight on.
  if (await signedInAccount(db, request)) throw redirect(returnToOf(request), 303);
  const locale = await localeFor(request);
  return { demoEmail: demoSignIn() ? DEMO_RESIDENT_EMAIL : null, texts: textsFor(locale, ["account.signIn"]) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const posted = await readForm(request);
  const values = { email: (posted.email ?? "").slice(0, 1000) };
  const errors = errorsOf(values);
  if (Object.keys(errors).length > 0) return data({ errors, values }, { status: 400 });
  const db = await getDb();
  const email = signInEmailSchema.parse(values).email;
  // Per address and per client; the same answer whether or not the address has complaints.
  const limited = await rateLimitsFor(db).consume([
    ["sign-in-codes-per-client", clientKey(context)],
    ["sign-in-codes-per-address", email],
  ]);
  if (!limited.ok) return tooManyRequests(limited, { errors: { email: "account.signIn.tooMany" }, values });
  const setCookie = await sendSignInCode(db, { email, locale: await localeFor(request), returnTo: returnToOf(request), showCode: demoSignIn() });
  return redirect("/sign-in/code", { status: 303, headers: { "Set-Cookie": setCookie } });
}

export default function SignInPage() {
  const { demoEmail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const values: Record<string, string> = actionData?.values ?? {};
  // Checked on the server only: one field, and the page's JavaScript stays as small as the journey's.
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("account.signIn.title")}</h1>
        <p className="govuk-body">{t("account.signIn.intro")}</p>
        {demoEmail ? (
          <div className="govuk-inset-text">{t("account.signIn.demo", { email: demoEmail })}</div>
        ) : null}
        <Form method="post" noValidate>
          <TextInput name="email" label={t("account.signIn.email.label")} hint={t("account.signIn.how")} value={values.email} error={errors.email}
            type="email" autoComplete="email" spellCheck={false} />
          <button type="submit" className="govuk-button">
            {t("account.signIn.continue")}
          </button>
        </Form>
        <p className="govuk-body">{t("account.signIn.anonymous")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/contact">
            {t("account.signIn.contactLink")}
          </Link>
        </p>
      </div>
    </div>
  );
}
