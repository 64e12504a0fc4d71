import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translatedTitle } from "~/components/page-title";
import { firstUnanswered } from "~/journey/complaint-steps";
import { journeyContext, notYet, readForm } from "~/journey/journey.server";
import { acknowledgementMail } from "~/models/complaint-mail.server";
import { submitComplaint } from "~/models/complaints.server";
import { findServiceArea } from "~/models/service-areas.server";
import { JourneyPage } from "~/components/form-fields";
import { textsFor } from "~/i18n/page-texts.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "complaint.send.title");

async function readyToSend(request: Request) {
  const context = await journeyContext(request);
  if (context.draft?.submittedComplaintId) throw redirect("/complaint/confirmation", 303);
  const answers = context.draft?.answers;
  if (!context.draft || !answers || firstUnanswered(answers, context.today, "complaint") || firstUnanswered(answers, context.today, "equality")) {
    notYet(context);
  }
  return { ...context, draft: context.draft };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { draft, locale } = await readyToSend(request);
  return { anonymous: draft.answers.giveDetails === "no", texts: textsFor(locale, ["complaint.send"]) };
}

// The server checks everything again before anything is created (the draft could have been edited elsewhere).
export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  const { db, draft, locale, today } = await readyToSend(request);
  const area = await findServiceArea(db, draft.answers.serviceArea ?? "", locale);
  if (!area) notYet({ db, draft, locale, today });
  await submitComplaint(db, {
    draftId: draft.id,
    answers: draft.answers,
    serviceAreaPathway: area.pathway,
    language: locale,
    receivedOn: today,
    enqueueMail: (tx, complaint) => acknowledgementMail(tx, { ...complaint, answers: draft.answers, locale, serviceAreaName: area.name }),
  });
  return redirect("/complaint/confirmation", 303);
}

export default function SendComplaint() {
  const { anonymous } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <JourneyPage back="/complaint/check-answers">
      <h1 className="govuk-heading-l">{t("complaint.send.title")}</h1>
      <p className="govuk-body">{t("complaint.send.declaration")}</p>
      {anonymous ? <div className="govuk-inset-text">{t("complaint.send.anonymous")}</div> : null}
      <Form method="post">
        <button type="submit" className="govuk-button" disabled={navigation.state === "submitting"}>
          {t("complaint.send.button")}
        </button>
      </Form>
    </JourneyPage>
  );
}
