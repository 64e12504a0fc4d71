import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Radios } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { useCheckedForm } from "~/components/use-checked-form";
import { getDb } from "~/db.server";
import {
  canVisitEquality,
  checkEqualityAnswer,
  equalityPage,
  givenAnswers,
  nextEqualityPage,
  previousEqualityPage,
  resumeEqualityAt,
  withAnswer,
} from "~/equality/equality-questions";
import { recordEqualityAnswers } from "~/equality/equality-store.server";
import { clearEqualityToken, type EqualityToken, readEqualityToken, saveEqualityToken } from "~/equality/equality-token.server";
import { localeFor } from "~/i18n/locale.server";
import { textsFor } from "~/i18n/page-texts.server";
import { serverT } from "~/i18n/translate.server";
import { useTranslation } from "~/i18n/use-translation";
import { journeyContext, readForm } from "~/journey/journey.server";
import { complaintForDraft } from "~/models/complaints.server";
import { clientKey, rateLimitsFor, TOO_MANY, tooManyRequests, withRetryAfter } from "~/http/rate-limits.server";

// The optional equality questions, after the complaint has been sent (GOV.UK equality information pattern). They
// know nothing of the complaint: only the token in their own cookie (app/equality/equality-token.server.ts).
// Without a token — none given, run out, or the answers already recorded — there is nothing to ask, and the
// resident goes on to their confirmation, which needs nothing from here.
const CONFIRMATION = "/complaint/confirmation";
const pathOf = (id: string) => `/complaint/equality/${id}`;

async function sentComplaintReference(request: Request): Promise<string | null> {
  const context = await journeyContext(request);
  const complaintId = context.draft?.submittedComplaintId;
  return complaintId ? ((await complaintForDraft(context.db, complaintId))?.reference ?? null) : null;
}

async function equalityContext(request: Request, question: string | undefined) {
  const page = equalityPage(question ?? "");
  if (!page) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const token = await readEqualityToken(db, request);
  if (!token) throw redirect(CONFIRMATION, 303);
  if (!canVisitEquality(page.id, token)) throw redirect(pathOf(resumeEqualityAt(token)), 303);
  return { db, page, token, locale: await localeFor(request) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page, token, locale } = await equalityContext(request, params.question);
  const t = serverT(locale);
  const saved = page.key === "optIn" ? token.optIn : token.answers[page.key];
  const previous = previousEqualityPage(page.id, token);
  const branch = page.titleKey.slice(0, page.titleKey.lastIndexOf("."));
  // The opt-in page gives the reference the resident has just been given, so closing the browser here loses
  // nothing. It comes from their draft cookie, as the confirmation's does; the answers never carry it.
  const reference = page.key === "optIn" ? await sentComplaintReference(request) : null;
  return {
    reference,
    id: page.id,
    optIn: page.key === "optIn",
    name: page.key,
    options: page.options(token).map((option) => ({ value: option.value, label: t(option.labelKey) })),
    value: saved ?? "",
    previous: previous ? pathOf(previous) : null,
    aboutSomeoneElse: token.aboutSomeoneElse === true,
    texts: textsFor(locale, [branch, "complaint.equality.aboutThem", "complaint.equality.sent", "complaint.equality.reference", "complaint.equality.introduction", "complaint.equality.skip"]),
  };
}

/** Records what was answered (once per token) and goes on to the confirmation. */
async function finish(db: Awaited<ReturnType<typeof getDb>>, token: EqualityToken, client: string, field: string) {
  const answers = givenAnswers(token);
  if (Object.keys(answers).length > 0) {
    const limited = await rateLimitsFor(db).consume([["equality-per-client", client]]);
    // The answers so far stay in the token, so trying again later records them.
    if (!limited.ok) {
      return tooManyRequests(limited, { errors: { [field]: TOO_MANY } }, { "Set-Cookie": await saveEqualityToken(db, token) });
    }
    await recordEqualityAnswers(db, { nonce: token.nonce, pathway: token.pathway, serviceArea: token.serviceArea, month: token.month, answers });
  }
  return redirect(CONFIRMATION, { status: 303, headers: { "Set-Cookie": await clearEqualityToken(db) } });
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const values = await readForm(request);
  const { db, page, token } = await equalityContext(request, params.question);
  const client = clientKey(loadContext);
  // "Skip the rest": what was answered so far is kept; nothing more is asked.
  if (values.intent === "skip") return finish(db, token, client, page.key);
  const checked = checkEqualityAnswer(page, values[page.key], page.options(token).map((option) => option.value));
  if (!checked.ok) return data({ errors: { [page.key]: checked.error } }, { status: 400 });
  const progress = { ...token, ...withAnswer(token, page, checked.value) };
  const next = nextEqualityPage(page.id, progress);
  if (!next) return finish(db, progress, client, page.key);
  return redirect(pathOf(next), { status: 303, headers: { "Set-Cookie": await saveEqualityToken(db, progress) } });
}

export const headers = withRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const page = equalityPage(loaderData?.id ?? "");
  const title = page?.key === "optIn" ? "complaint.equality.introduction.title" : page?.titleKey;
  return translatedTitle(matches, title ?? "errors.notFound.title");
};

export default function EqualityQuestionPage() {
  const { id } = useLoaderData<typeof loader>();
  return <EqualityQuestion key={id} />;
}

function EqualityQuestion() {
  const { id, optIn, name, options, value, previous, reference, aboutSomeoneElse } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const page = equalityPage(id)!;
  const { register, errors, onSubmit } = useCheckedForm({
    check: (posted) => {
      if (posted.intent === "skip") return {};
      const checked = checkEqualityAnswer(page, posted[name], options.map((option) => option.value));
      return checked.ok ? {} : { [name]: checked.error };
    },
    defaultValues: { [name]: value },
    serverErrors: actionData?.errors,
  });
  return (
    <>
      {previous ? (
        <Link to={previous} className="govuk-back-link">
          {t("back")}
        </Link>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          {optIn ? (
            <>
              <div className="govuk-inset-text">
                {t("complaint.equality.sent")}
                {reference ? (
                  <>
                    {" "}
                    <strong>{t("complaint.equality.reference", { reference })}</strong>
                  </>
                ) : null}
              </div>
              {/* Why the questions are asked and what happens to the answers, before asking (GOV.UK equality pattern). */}
              <h1 className="govuk-heading-l">{t("complaint.equality.introduction.title")}</h1>
              <p className="govuk-body">{t("complaint.equality.introduction.why")}</p>
              <p className="govuk-body">{t("complaint.equality.introduction.whatHappens")}</p>
              <p className="govuk-body">{t("complaint.equality.introduction.notAffect")}</p>
              <p className="govuk-body">{t("complaint.equality.introduction.optional")}</p>
            </>
          ) : null}
          {aboutSomeoneElse ? <div className="govuk-inset-text">{t("complaint.equality.aboutThem")}</div> : null}
          <Form method="post" noValidate onSubmit={onSubmit}>
            <Radios name={name} legend={t(page.titleKey)} options={options}
              value={value} error={errors[name]} isPageHeading={!optIn} register={register} />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" name="intent" value="answer">
                {t("continue")}
              </button>
              {optIn ? null : (
                <button type="submit" className="govuk-button govuk-button--secondary" name="intent" value="skip">
                  {t("complaint.equality.skip")}
                </button>
              )}
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}
