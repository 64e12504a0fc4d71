// Signing out is a POST (a form's button in the header and on "Your complaints"); the same address then says it is
// done. Someone still signed in who opens the address is taken to their complaints, not told they signed out.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { signedInAccount, signOut } from "~/accounts/sessions.server";
import { translatedTitle } from "~/components/page-title";
import { getDb } from "~/db.server";
import { localeFor } from "~/i18n/locale.server";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/journey/journey.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "account.signedOut.title");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await signedInAccount(await getDb(), request)) throw redirect("/complaints", 303);
  return { texts: textsFor(await localeFor(request), ["account.signedOut"]) };
}

export async function action({ request }: ActionFunctionArgs) {
  const posted = await readForm(request);
  const setCookie = await signOut(await getDb(), request, posted.everywhere === "yes");
  return redirect("/sign-out", { status: 303, headers: { "Set-Cookie": setCookie } });
}

export default function SignedOutPage() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("account.signedOut.title")}</h1>
        <p className="govuk-body">{t("account.signedOut.body")}</p>
        <p className="govuk-body">{t("account.signedOut.idle")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            {t("account.signedOut.signInAgain")}
          </Link>
        </p>
      </div>
    </div>
  );
}
