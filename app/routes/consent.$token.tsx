// The page a person reaches from the email asking whether someone may act for them (issue 10, item 3): who is
// acting, for which complaint, and their answer. The link works once, for 28 days; a used, expired or forged one
// gets a page saying what to do, and changes nothing.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { londonDateOf } from "~/rules/calendar-dates";
import { ErrorSummary, Radios } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { getDb } from "~/db.server";
import { isLanguageCode, languageFor } from "~/i18n/languages";
import { localeFor } from "~/i18n/locale.server";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { formatIsoDate } from "~/rules/explanations";
import { consentErrors } from "~/representation/consent-form";
import { LETTERS_TO, type LettersTo } from "~/representation/representation-rules";
import { answerConsent, readConsentLink } from "~/representation/representation.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  translatedTitle(matches, loaded && "link" in loaded && loaded.link ? "consent.title" : "consent.unusable.title");

const TEXTS = ["consent", "representation.relationship"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = await localeFor(request);
  // The email's link names the language the person was written to in: the page opens in it.
  const asked = url.searchParams.get("lng");
  if (asked && isLanguageCode(asked) && asked !== locale) {
    throw redirect(`/language?${new URLSearchParams({ lng: asked, returnTo: url.pathname })}`);
  }
  const db = await getDb();
  const link = await readConsentLink(db, params.token ?? "");
  const texts = textsFor(locale, TEXTS);
  if (link.status !== "usable") return data({ link: null, unusable: link.status, texts }, { status: link.status === "unknown" ? 404 : 410 });
  return {
    link: {
      reference: link.reference,
      representative: link.representative,
      detail: link.representativeDetail,
      relationship: link.relationship,
      person: link.person,
      summary: link.summary.slice(0, 600),
      expiresOn: formatIsoDate(londonDateOf(link.expiresAt), languageFor(locale).tag),
    },
    unusable: null,
    texts,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const posted = await readFormEntries(request);
  const values = { answer: posted.get("answer") ?? "", lettersTo: posted.get("lettersTo") ?? "" };
  const errors = consentErrors(values);
  if (errors) return data({ errors, values }, { status: 400 });
  const db = await getDb();
  const answer = values.answer === "agree" ? { agree: true as const, lettersTo: values.lettersTo as LettersTo } : { agree: false as const };
  const result = await answerConsent(db, params.token ?? "", answer, londonDateOf(new Date()));
  if (!result.ok) {
    const refused: Record<string, string> = { answer: `consent.unusable.${result.status}` };
    return data({ errors: refused, values }, { status: result.status === "unknown" ? 404 : 410 });
  }
  return redirect(`/consent/answered?${new URLSearchParams({ answer: values.answer })}`, 303);
}

export default function ConsentPage() {
  const { link, unusable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  if (!link) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("consent.unusable.title")}</h1>
          <p className="govuk-body">{t(`consent.unusable.${unusable}`)}</p>
          <p className="govuk-body">{t("consent.unusable.whatToDo")}</p>
        </div>
      </div>
    );
  }
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l" dir="ltr">
          {link.reference}
        </span>
        <h1 className="govuk-heading-l">{t("consent.title")}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("consent.who")}</dt>
            <dd className="govuk-summary-list__value">
              <bdi>{link.representative}</bdi>
              <br />
              {t(`representation.relationship.${link.relationship}`)}
              {link.detail ? <bdi>{`: ${link.detail}`}</bdi> : null}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("consent.forWhom")}</dt>
            <dd className="govuk-summary-list__value" dir="auto">
              {link.person}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("consent.about")}</dt>
            <dd className="govuk-summary-list__value council-preserve-lines" dir="auto">
              {link.summary}
            </dd>
          </div>
        </dl>
        <p className="govuk-body">{t("consent.intro", { date: link.expiresOn })}</p>
        <Form method="post" noValidate>
          <Radios
            name="answer"
            legend={t("consent.answer.legend")}
            value={values?.answer}
            error={errors.answer ? t(errors.answer) : undefined}
            options={[
              {
                value: "agree",
                label: t("consent.answer.agree"),
                conditional: (
                  <Radios
                    name="lettersTo"
                    legend={t("consent.lettersTo.legend")}
                    value={values?.lettersTo}
                    error={errors.lettersTo ? t(errors.lettersTo) : undefined}
                    options={LETTERS_TO.map((to) => ({ value: to, label: t(`consent.lettersTo.${to}`) }))}
                  />
                ),
              },
              { value: "decline", label: t("consent.answer.decline"), hint: t("consent.answer.declineHint") },
            ]}
          />
          <button type="submit" className="govuk-button">
            {t("consent.send")}
          </button>
        </Form>
      </div>
    </div>
  );
}
