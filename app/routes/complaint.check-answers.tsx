import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, fieldId, JourneyPage } from "~/components/form-fields";
import { clientKey, type RateLimitName, rateLimitsFor, TOO_MANY, tooManyRequests, withRetryAfter } from "~/http/rate-limits.server";
import { useTranslation } from "~/i18n/use-translation";
import { translatedTitle } from "~/components/page-title";
import { serverT } from "~/i18n/translate.server";
import { type ComplaintAnswers, forSomeoneElse, isOutOfTime, type StepId } from "~/journey/complaint-steps";
import { representationRows } from "~/journey/representation-answers";
import { NATIVE_LANGUAGE_NAMES } from "~/i18n/language-names";
import { isLanguageCode } from "~/i18n/languages";
import { firstUnanswered, journey } from "~/journey/journey-order.server";
import { journeyContext, notYet, readForm } from "~/journey/journey.server";
import { issueEqualityToken } from "~/equality/equality-token.server";
import { draftSetCookie, newDraftToken } from "~/journey/drafts.server";
import { acknowledgementMail } from "~/models/complaint-mail.server";
import { submitComplaint } from "~/models/complaints.server";
import { signedInAccount } from "~/accounts/sessions.server";
import { findServiceArea } from "~/models/service-areas.server";
import { formatIsoDate } from "~/rules/explanations";
import { languageFor } from "~/i18n/languages";
import { listDraftAttachments } from "~/uploads/attachments.server";
import { textsFor } from "~/i18n/page-texts.server";

export const headers = withRetryAfter;

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "complaint.checkAnswers.title");

type Row = { key: string; value: string; step: StepId; label: string };

function rows(
  answers: ComplaintAnswers,
  t: (key: string) => string,
  serviceName: string,
  date: string,
  today: string,
  filenames: string[],
): Row[] {
  const someoneElse = forSomeoneElse(answers);
  const languageName = (code: string | undefined) => (code && isLanguageCode(code) ? NATIVE_LANGUAGE_NAMES[code] : t("complaint.checkAnswers.notGiven"));
  const yesNo = (value: string | undefined) => (value === "yes" ? t("yes") : t("no"));
  const given = (value: string | undefined) => (value && value.length > 0 ? value : t("complaint.checkAnswers.notGiven"));
  const list: (Row | false)[] = [
    { key: "service", label: t("complaint.checkAnswers.service"), value: serviceName, step: "service" },
    { key: "reportedBefore", label: t("complaint.checkAnswers.reportedBefore"), value: yesNo(answers.reportedBefore), step: "reported-before" },
    { key: "subject", label: t("complaint.checkAnswers.subject"), value: t(`rules:eligibility.subject.${answers.subject ?? "none_of_these"}`), step: "subject" },
    { key: "when", label: t("complaint.checkAnswers.when"), value: date, step: "when" },
    isOutOfTime(answers.happenedOn, today) && {
      key: "exceptional", label: t("complaint.checkAnswers.exceptional"), value: given(answers.exceptionalCircumstances), step: "out-of-time",
    },
    { key: "proceedings", label: t("complaint.checkAnswers.proceedings"), value: yesNo(answers.proceedings), step: "proceedings" },
    ...representationRows(answers, t, languageName),
    { key: "whatWentWrong", label: t("complaint.checkAnswers.whatWentWrong"), value: given(answers.whatWentWrong), step: "what-went-wrong" },
    { key: "howAffected", label: t("complaint.checkAnswers.howAffected"), value: given(answers.howAffected), step: "how-affected" },
    { key: "outcome", label: t("complaint.checkAnswers.outcome"), value: given(answers.outcomeWanted), step: "outcome" },
    { key: "references", label: t("complaint.checkAnswers.references"), value: given(answers.referenceNumbers), step: "references" },
    {
      key: "files", label: t("complaint.checkAnswers.files"),
      value: filenames.length > 0 ? filenames.join("\n") : t("complaint.files.none"), step: "files",
    },
    !someoneElse && {
      key: "giveDetails", label: t("complaint.checkAnswers.giveDetails"),
      value: answers.giveDetails === "yes" ? t("complaint.giveDetails.options.yes") : t("complaint.giveDetails.options.no"), step: "give-details",
    },
    !someoneElse && answers.giveDetails === "yes" && { key: "name", label: t("complaint.checkAnswers.name"), value: given(answers.name), step: "name" },
    !someoneElse && answers.giveDetails === "yes" && {
      key: "contact", label: t("complaint.checkAnswers.contact"),
      value: [answers.email, answers.phone, answers.address].filter(Boolean).join("\n"), step: "contact",
    },
    !someoneElse && answers.giveDetails === "yes" && {
      key: "preferredContact", label: t("complaint.checkAnswers.preferredContact"),
      value: t(`complaint.preferredContact.options.${answers.preferredContact ?? "email"}`), step: "preferred-contact",
    },
    { key: "supportNeeds", label: t("complaint.checkAnswers.supportNeeds"), value: given(answers.supportNeeds), step: "support-needs" },
    {
      key: "interpreter", label: t("complaint.checkAnswers.interpreter"),
      value: answers.interpreter === "yes" ? `${t("yes")}: ${answers.interpreterLanguage ?? ""}` : t("no"), step: "interpreter",
    },
  ];
  return list.filter((row): row is Row => row !== false);
}

async function readyToSend(request: Request) {
  const context = await journeyContext(request);
  if (context.draft?.submittedComplaintId) throw redirect("/complaint/confirmation", 303);
  const answers = context.draft?.answers;
  if (!context.draft || !answers || firstUnanswered(answers, context.today)) notYet(context);
  return { ...context, draft: context.draft };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await readyToSend(request);
  const answers = context.draft.answers;
  const t = serverT(context.locale) as unknown as (key: string) => string;
  const area = await findServiceArea(context.db, answers.serviceArea ?? "", context.locale);
  const date = answers.happenedOn ? formatIsoDate(answers.happenedOn, languageFor(context.locale).tag) : "";
  const files = await listDraftAttachments(context.db, context.draft.id);
  return {
    rows: rows(answers, t, area?.name ?? "", date, context.today, files.map((file) => file.filename)),
    anonymous: answers.giveDetails === "no",
    // The back link goes to the last question the resident answered.
    previous: `/complaint/${journey(answers, context.today).at(-1)?.id ?? "service"}`,
    texts: textsFor(context.locale, ["complaint.checkAnswers", "complaint.send", "complaint.files.none", "complaint.giveDetails.options"]),
  };
}

// Sending, from check answers. The server checks everything again before anything is created (the draft could
// have been changed in another tab). A repeated post finds the complaint already sent. Then the optional equality
// questions, carried by a token of their own (app/equality), and the confirmation.
export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  await readForm(request);
  const context = await journeyContext(request);
  // A second click whose draft the first one sent (and gave a new token): on to what follows sending.
  if (!context.draft) return redirect(EQUALITY_QUESTIONS, 303);
  const { db, draft, locale, today } = await readyToSend(request);
  const area = await findServiceArea(db, draft.answers.serviceArea ?? "", locale);
  if (!area) notYet({ db, draft, locale, today });
  // Issue 10: complaining for someone else needs the account the complaint is followed from (the page offers it).
  const account = await signedInAccount(db, request);
  const someoneElse = forSomeoneElse(draft.answers);
  if (someoneElse && !account) return redirect("/complaint/your-details", 303);
  // The acknowledgement goes to the address given: limited per client and per address, so the portal cannot be
  // made to mail anyone over and over.
  const recipient = someoneElse ? account!.email : draft.answers.giveDetails === "yes" ? (draft.answers.email ?? "") : "";
  const uses: Array<[RateLimitName, string]> = [["sends-per-client", clientKey(loadContext)]];
  if (recipient) uses.push(["sends-per-recipient", recipient]);
  const limited = await rateLimitsFor(db).consume(uses);
  if (!limited.ok) return tooManyRequests(limited, { errors: { send: TOO_MANY } });
  const { token, tokenHash } = newDraftToken();
  const sent = await submitComplaint(db, {
    draftId: draft.id,
    answers: draft.answers,
    newTokenHash: tokenHash,
    serviceAreaPathway: area.pathway,
    language: locale,
    receivedOn: today,
    // Issue 9: made while signed in, the complaint is the person's at once.
    accountId: account?.accountId ?? null,
    representative: someoneElse ? { accountId: account!.accountId, email: account!.email } : null,
    enqueueMail: (tx, complaint) =>
      acknowledgementMail(tx, { ...complaint, answers: draft.answers, locale, serviceAreaName: area.name, ...(someoneElse ? { representativeEmail: account!.email } : {}) }),
  });
  const headers = new Headers();
  if (sent.created) {
    headers.append("Set-Cookie", await draftSetCookie(token));
    headers.append("Set-Cookie", await issueEqualityToken(db, { pathway: sent.pathway, serviceArea: sent.serviceAreaSlug, receivedOn: sent.receivedOn, aboutSomeoneElse: someoneElse }));
  }
  return redirect(EQUALITY_QUESTIONS, { status: 303, headers });
}

const EQUALITY_QUESTIONS = "/complaint/equality/questions";

export default function CheckAnswers() {
  const { rows, anonymous, previous } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <JourneyPage back={previous}>
        <ErrorSummary errors={actionData && "errors" in actionData ? actionData.errors : {}} />
        <h1 className="govuk-heading-l">{t("complaint.checkAnswers.title")}</h1>
        <dl className="govuk-summary-list">
          {rows.map((row) => (
            <div className="govuk-summary-list__row" key={row.key}>
              <dt className="govuk-summary-list__key">{row.label}</dt>
              {/* What the resident typed may be in another script than the page: its own direction. */}
              <dd className="govuk-summary-list__value council-preserve-lines" dir="auto">
                {row.value}
              </dd>
              <dd className="govuk-summary-list__actions">
                <Link className="govuk-link" to={`/complaint/${row.step}?returnTo=check-answers`}>
                  {t("change")}
                  <span className="govuk-visually-hidden"> {row.label}</span>
                </Link>
              </dd>
            </div>
          ))}
        </dl>
        <h2 className="govuk-heading-m">{t("complaint.send.title")}</h2>
        <p className="govuk-body">{t("complaint.send.declaration")}</p>
        {anonymous ? <div className="govuk-inset-text">{t("complaint.send.anonymous")}</div> : null}
        <Form method="post">
          <button type="submit" id={fieldId("send")} className="govuk-button" disabled={navigation.state === "submitting"}>
            {t("complaint.send.button")}
          </button>
        </Form>
    </JourneyPage>
  );
}
