// Issue 10: someone complaining for another person signs in before giving their details, so the complaint can be
// followed from their account; their answers so far stay in the draft, and sign-in brings them back to the form.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { signedInAccount } from "~/accounts/sessions.server";
import { JourneyPage } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { journeyContext, notYet } from "~/journey/journey.server";
import { canVisit, journey } from "~/journey/journey-order.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "complaint.yourDetails.signIn.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await journeyContext(request);
  const answers = context.draft?.answers ?? {};
  if (!context.draft || !canVisit("your-details", answers, context.today)) notYet(context);
  const fromCheckAnswers = new URL(request.url).searchParams.get("returnTo") === "check-answers";
  const yourDetails = `/complaint/your-details${fromCheckAnswers ? "?returnTo=check-answers" : ""}`;
  if (await signedInAccount(context.db, request)) throw redirect(yourDetails);
  const pages = journey(answers, context.today);
  const previous = pages[pages.findIndex((page) => page.id === "your-details") - 1];
  return {
    signIn: `/sign-in?${new URLSearchParams({ returnTo: yourDetails })}`,
    back: fromCheckAnswers ? "/complaint/check-answers" : `/complaint/${previous?.id ?? "who-for"}`,
    texts: textsFor(context.locale, ["complaint.yourDetails.signIn"]),
  };
}

export default function SignInFirst() {
  const { signIn, back } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <JourneyPage back={back}>
      <h1 className="govuk-heading-l">{t("complaint.yourDetails.signIn.title")}</h1>
      <p className="govuk-body">{t("complaint.yourDetails.signIn.body")}</p>
      <p className="govuk-body">{t("complaint.yourDetails.signIn.kept")}</p>
      <a className="govuk-button" href={signIn}>
        {t("complaint.yourDetails.signIn.button")}
      </a>
    </JourneyPage>
  );
}
