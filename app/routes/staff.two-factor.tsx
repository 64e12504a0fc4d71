// Staff sign-in, last step (issue 11, item 1): the code from an authenticator app, set up here the first time
// (a QR code, and the key as text for those who cannot scan it). Right, it starts the staff session.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { generate } from "otplib";
import { demoSignIn } from "~/accounts/account.server";
import { normaliseCode } from "~/accounts/sign-in-forms";
import { ErrorSummary, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { getDb } from "~/db.server";
import { rateLimitsFor, tooManyRequests, withRetryAfter } from "~/http/rate-limits.server";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/journey/journey.server";
import { activeStaffById } from "~/staff/staff-accounts.server";
import { recordStaffAudit } from "~/staff/staff-audit.server";
import { pendingStaffSignInCookie, readPendingStaffSignIn, startStaffSession } from "~/staff/staff-sessions.server";
import { checkAuthenticatorCode, secretForSetUp, setUpDetails } from "~/staff/two-factor.server";

export const headers = withRetryAfter;

export const meta: MetaFunction = ({ matches, data: loaded }) =>
  translatedTitle(matches, (loaded as { setUp?: unknown } | undefined)?.setUp ? "staff:twoFactor.setUpTitle" : "staff:twoFactor.title");

async function pendingMember(request: Request) {
  const db = await getDb();
  const pending = await readPendingStaffSignIn(db, request);
  const member = pending?.staffId ? await activeStaffById(db, pending.staffId) : null;
  if (!member) throw redirect("/staff/sign-in", 303);
  return { db, member };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, member } = await pendingMember(request);
  const secret = member.totpConfirmedAt ? member.totpSecret : await secretForSetUp(db, member);
  const setUp = member.totpConfirmedAt ? null : { key: secret!, qrSvg: (await setUpDetails(member.email, secret!)).qrSvg };
  // The demonstration has no phone to hand: the page shows what the app would.
  const demoCode = demoSignIn() && secret ? await generate({ secret }) : null;
  return { setUp, demoCode };
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, member } = await pendingMember(request);
  const posted = await readForm(request);
  const code = normaliseCode((posted.code ?? "").slice(0, 100));
  if (!/^\d{6}$/.test(code)) return data({ errors: { code: "staff:twoFactor.error.format" } }, { status: 400 });
  const limited = await rateLimitsFor(db).consume([["authenticator-codes-per-member", member.id]]);
  if (!limited.ok) return tooManyRequests(limited, { errors: { code: "staff:twoFactor.error.tooMany" } });
  if (!(await checkAuthenticatorCode(db, member, code))) {
    await recordStaffAudit(db, { staffId: member.id, action: "sign_in_refused", detail: { reason: "authenticator_code" } });
    return data({ errors: { code: "staff:twoFactor.error.wrong" } }, { status: 400 });
  }
  await recordStaffAudit(db, { staffId: member.id, action: "signed_in", detail: { setUp: member.totpConfirmedAt === null } });
  const headers = new Headers({ Location: "/staff" });
  headers.append("Set-Cookie", await startStaffSession(db, member.id));
  headers.append("Set-Cookie", await pendingStaffSignInCookie(db, null));
  return new Response(null, { status: 303, headers });
}

export default function StaffTwoFactor() {
  const { setUp, demoCode } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t(setUp ? "staff:twoFactor.setUpTitle" : "staff:twoFactor.title")}</h1>
        {setUp ? (
          <>
            <p className="govuk-body">{t("staff:twoFactor.setUpIntro")}</p>
            {/* The SVG comes from the qrcode library: paths only, no script or style. */}
            <div className="council-qr" role="img" aria-label={t("staff:twoFactor.qrLabel")} dangerouslySetInnerHTML={{ __html: setUp.qrSvg }} />
            <p className="govuk-body">
              {t("staff:twoFactor.keyLabel")}: <code className="council-key">{setUp.key}</code>
            </p>
          </>
        ) : null}
        {demoCode ? <div className="govuk-inset-text">{t("staff:twoFactor.demo", { code: demoCode })}</div> : null}
        <Form method="post" noValidate>
          <TextInput name="code" label={t("staff:twoFactor.label")} error={errors.code} autoComplete="one-time-code" inputMode="numeric" spellCheck={false} width={10} />
          <button type="submit" className="govuk-button">
            {t("staff:twoFactor.continue")}
          </button>
        </Form>
      </div>
    </div>
  );
}
