import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { signIn } from "~/accounts/sessions.server";
import { checkSignInCode, pendingCodeEmail } from "~/accounts/sign-in-codes.server";
import { clearPendingSignIn, readPendingSignIn } from "~/accounts/sign-in-flow.server";
import { signInCodeSchema } from "~/accounts/sign-in-forms";
import { ErrorSummary, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { getDb } from "~/db.server";
import { textsFor } from "~/i18n/page-texts.server";
import { localeFor } from "~/i18n/locale.server";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/journey/journey.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "account.code.title");

function errorsOf(values: Record<string, string>): Record<string, string> {
  const parsed = signInCodeSchema.safeParse(values);
  return parsed.success ? {} : { code: String(parsed.error.issues[0]?.message) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const pending = await readPendingSignIn(db, request);
  if (!pending) throw redirect("/sign-in", 303);
  return {
    email: await pendingCodeEmail(db, pending.id),
    demoCode: pending.demoCode ?? null,
    texts: textsFor(await localeFor(request), ["account.code"]),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const posted = await readForm(request);
  const values = { code: (posted.code ?? "").slice(0, 100) };
  const db = await getDb();
  const pending = await readPendingSignIn(db, request);
  if (!pending) throw redirect("/sign-in", 303);
  const errors = errorsOf(values);
  if (Object.keys(errors).length > 0) return data({ errors, values, triesLeft: null }, { status: 400 });
  const checked = await checkSignInCode(db, pending.id, signInCodeSchema.parse(values).code);
  if (!checked.ok) {
    const key = checked.reason === "wrong" ? "account.code.error.wrong" : "account.code.error.expired";
    return data({ errors: { code: key }, values, triesLeft: checked.reason === "wrong" ? checked.triesLeft : null }, { status: 400 });
  }
  const session = await signIn(db, checked.email);
  const headers = new Headers({ Location: pending.returnTo });
  headers.append("Set-Cookie", session.setCookie);
  headers.append("Set-Cookie", await clearPendingSignIn(db));
  return new Response(null, { status: 303, headers });
}

export default function SignInCodePage() {
  const { email, demoCode } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const values: Record<string, string> = actionData?.values ?? {};
  // Checked on the server only, which reads a code typed in any script's digits.
  const errors: Record<string, string> = actionData?.errors ?? {};
  const triesLeft = actionData?.triesLeft;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("account.code.title")}</h1>
        {email ? (
          <p className="govuk-body">
            {t("account.code.sent")} <bdi dir="ltr">{email}</bdi>
          </p>
        ) : null}
        <p className="govuk-body">{t("account.code.expires")}</p>
        {demoCode ? <div className="govuk-inset-text">{t("account.code.demo", { code: demoCode })}</div> : null}
        {typeof triesLeft === "number" ? <p className="govuk-body">{t("account.code.triesLeft", { count: triesLeft })}</p> : null}
        <Form method="post" noValidate>
          {/* WCAG 2.2 SC 3.3.8: the code can be pasted or filled in by the device; nothing to solve. */}
          <TextInput name="code" label={t("account.code.label")} hint={t("account.code.hint")} value={values.code} error={errors.code}
            autoComplete="one-time-code" inputMode="numeric" spellCheck={false} width={10} />
          <button type="submit" className="govuk-button">
            {t("account.code.continue")}
          </button>
        </Form>
        <h2 className="govuk-heading-m">{t("account.code.notReceived")}</h2>
        <p className="govuk-body">{t("account.code.notReceivedText")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            {t("account.code.newCode")}
          </Link>
        </p>
      </div>
    </div>
  );
}
