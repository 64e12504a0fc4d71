import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { DateInput, ErrorSummary, JourneyPage, Radios, StaleNotice, TextArea, TextInput, useReturnTo } from "~/components/form-fields";
import { useCheckedForm } from "~/components/use-checked-form";
import { translatedTitle } from "~/components/page-title";
import { serverT } from "~/i18n/translate.server";
import type { TFunction } from "i18next";
import {
  datePartsInError,
  mergeAnswers,
  savedValues,
  stepById as checkedInBrowser,
  stepTextKeys,
  titleKeyOf,
  type Field,
  type Step,
  type StepErrors,
  type StepValues,
  validateStep,
} from "~/journey/complaint-steps";
import { canVisit, journey, nextPage, stepById } from "~/journey/journey-order.server";
import { serverCheck } from "~/journey/server-checks";
import { representativeProfile } from "~/representation/profiles.server";
import { createDraft, draftSetCookie, saveDraftAnswers } from "~/journey/drafts.server";
import { journeyContext, type JourneyContext, notYet, readForm, returnToFrom } from "~/journey/journey.server";
import { findServiceArea, listServiceAreas, type ServiceArea } from "~/models/service-areas.server";
import { type AdviceItem, screenComplaint, subjectsFor } from "~/rules/eligibility";
import { councilLinks } from "~/config/council-links";
import { textsFor } from "~/i18n/page-texts.server";
import { signedInAccount } from "~/accounts/sessions.server";
import { textMessagesConfigured } from "~/mail/transport.server";
import { clientKey, rateLimitsFor, TOO_MANY, tooManyRequests, withRetryAfter } from "~/http/rate-limits.server";

function stepFrom(params: LoaderFunctionArgs["params"]) {
  const step = stepById(params.step ?? "");
  if (!step) throw new Response("Not found", { status: 404 });
  return step;
}

type Option = { value: string; label: string; hint?: string; dividerBefore?: boolean };
/** A way to get where the advice sends the resident: a link, or a telephone number (the whole sentence is the link). */
type Destination = { text: string; href: string };
type Advice = { reason: string; goTo: string; sendAnyway: string; destinations: Destination[] }[];

/** The matters offered for the chosen service (§6), with "None of these" after an "or" (GOV.UK radios divider). */
async function subjectChoices(context: JourneyContext, serviceArea: string | undefined, t: TFunction): Promise<Option[]> {
  const area = serviceArea ? await findServiceArea(context.db, serviceArea, context.locale) : null;
  return subjectsFor(area?.pathway ?? "corporate", area ? area.screeningSubjects : null).map((subject) => ({
    value: subject,
    label: t(`rules:eligibility.subject.${subject}`),
    ...(subject === "none_of_these" ? { dividerBefore: true } : {}),
  }));
}

function destinationLink(destination: AdviceItem["destinations"][number], area: ServiceArea | null, t: TFunction): Destination {
  const links = councilLinks();
  const text = t(`rules:eligibility.destination.${destination.name}`, {
    ...("telephone" in destination ? { telephone: destination.telephone } : {}),
    service: area?.name ?? "",
  });
  if ("telephone" in destination) return { text, href: `tel:${destination.telephone.replace(/\s/g, "")}` };
  if ("councilLink" in destination) return { text, href: links[destination.councilLink] };
  if ("serviceReportingPage" in destination) return { text, href: area?.reportUrl ?? links.contact };
  return { text, href: destination.url };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const step = stepFrom(params);
  const context = await journeyContext(request);
  const answers = context.draft?.answers ?? {};
  if (context.draft?.submittedComplaintId) throw redirect("/complaint/confirmation");
  if (!canVisit(step.id, answers, context.today)) notYet(context);
  const t = serverT(context.locale);

  // Choices that come from the database or the rules, in the visitor's language.
  const choices: Record<string, Option[]> = {};
  for (const field of step.fields) {
    if (field.kind !== "radios") continue;
    if (field.options === "serviceAreas") {
      const areas = await listServiceAreas(context.db, context.locale);
      choices[field.name] = areas.map((area) => ({ value: area.slug, label: area.name, hint: area.description }));
    } else if (field.options === "subjects") {
      choices[field.name] = await subjectChoices(context, answers.serviceArea, t);
    }
  }

  let advice: Advice = [];
  let notes: string[] = [];
  if (step.advice && answers.serviceArea) {
    const area = await findServiceArea(context.db, answers.serviceArea, context.locale);
    const screening = screenComplaint({
      serviceAreaPathway: area?.pathway ?? "corporate",
      firstReport: answers.reportedBefore === "no",
      subject: answers.subject ?? "none_of_these",
      happenedOn: answers.happenedOn ?? context.today,
      today: context.today,
      courtOrTribunalProceedings: answers.proceedings === "yes",
      onBehalfOfSomeoneElse: false,
    });
    const relevant = {
      "service-request": ["service_request"],
      "subject-advice": [answers.subject ?? ""],
      "proceedings-advice": ["legal_proceedings", "concurrent_proceedings"],
    }[step.id as string] ?? [];
    advice = screening.advice
      .filter((item) => relevant.includes(item.code))
      .map((item) => ({
        reason: t(`rules:${item.reasonKey}`, item.params),
        goTo: t(`rules:${item.goToKey}`, item.params),
        sendAnyway: t(`rules:${item.sendAnywayKey}`, item.params),
        destinations: item.destinations.map((destination) => destinationLink(destination, area, t)),
      }));
    if (step.id === "pathway-note") {
      notes = screening.notes.filter((note) => note.code === "pathway_moved_to_corporate").map((note) => t(`rules:${note.key}`, note.params));
    }
  }

  const pages = journey(answers, context.today);
  const index = pages.findIndex((page) => page.id === step.id);
  const previous = index > 0 ? `/complaint/${pages[index - 1]!.id}` : "/";
  const values = savedValues(step, answers);
  // Issue 9: someone signed in finds their verified address already in the email box.
  if (step.id === "contact" && answers.email === undefined) {
    const account = await signedInAccount(context.db, request);
    if (account) values.email = account.email;
  }
  // Issue 10: complaining for someone else needs an account (offered here; the answers so far are kept), whose
  // details from last time are offered again.
  if (step.id === "your-details") {
    const account = await signedInAccount(context.db, request);
    if (!account) throw redirect(`/complaint/sign-in-first${returnToFrom(Object.fromEntries(new URL(request.url).searchParams)) ? "?returnTo=check-answers" : ""}`);
    if (answers.representativeName === undefined) Object.assign(values, await representativeProfile(context.db, account.accountId));
  }
  // Issue 10: the signed permission route — the printable form, and where to send it.
  if (step.id === "consent-form") {
    advice = [
      {
        reason: t("complaint.consentForm.body"),
        goTo: t("complaint.consentForm.after"),
        destinations: [{ text: t("complaint.consentForm.link"), href: "/permission-form" }],
        sendAnyway: t("rules:eligibility.note.representative_permission"),
      },
    ];
  }
  notes.push(...(REPRESENTATION_NOTES[step.id] ?? []).map((key) => t(`rules:eligibility.note.${key}`)));
  const titleKey = titleKeyOf(step, answers);
  const texts = textsFor(context.locale, stepTextKeys(step));
  return {
    stepId: step.id,
    titleKey,
    // The pages the browser does not check (issue 10's) are drawn from what the server sends.
    definition: checkedInBrowser(step.id) ? null : pageDefinition(step, { textMessages: textMessagesConfigured() }),
    version: context.draft?.version ?? 0,
    values,
    choices,
    advice,
    notes,
    previous,
    today: context.today,
    texts,
  };
}

/** RULES §4: what the policy says to someone complaining for another person, on the pages where it matters. */
const REPRESENTATION_NOTES: Partial<Record<string, string[]>> = {
  relationship: ["representative_permission", "same_standard_of_service", "advocacy_support"],
  "child-views": ["child_views"],
  "capacity-authority": ["adult_lacking_capacity"],
};

/** What the browser needs to draw a page it does not check itself. */
function pageDefinition(step: Step, settings: { textMessages: boolean }) {
  const { id, titleKey, advice, fields } = step;
  const hintKey = settings.textMessages && step.textsHintKey ? step.textsHintKey : step.hintKey;
  return { id, titleKey, ...(hintKey ? { hintKey } : {}), ...(advice ? { advice } : {}), fields, schema: null, applies: null, answered: null };
}

/** What was posted, to show again when the answer is not saved. */
function keptValues(values: Record<string, string>): StepValues {
  const kept: StepValues = {};
  for (const [name, value] of Object.entries(values)) if (name !== "returnTo" && name !== "draftVersion") kept[name] = value.slice(0, 10_000);
  return kept;
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const step = stepFrom(params);
  const values = await readForm(request);
  const returnTo = returnToFrom(values);
  const context = await journeyContext(request);
  if (context.draft?.submittedComplaintId) throw redirect("/complaint/confirmation", 303);
  const answers = context.draft?.answers ?? {};
  // Only the first question may start a draft; any other page posted without one was replayed or typed.
  if (!context.draft && step.id !== "service") notYet(context);
  if (!canVisit(step.id, answers, context.today)) notYet(context);

  const result = validateStep(step, values, context.today);
  let errors: StepErrors = result.ok ? {} : result.errors;
  // Server-only check: the service area must be one the council has.
  if (result.ok && step.id === "service" && !(await findServiceArea(context.db, values.serviceArea ?? "", context.locale))) {
    errors = { serviceArea: "complaint.service.error.required" };
  }
  // Server-only check: the matter must be one offered for the chosen service.
  if (result.ok && step.id === "subject") {
    const offered = await subjectChoices(context, answers.serviceArea, serverT(context.locale));
    if (!offered.some((option) => option.value === values.subject)) errors = { subject: "complaint.subject.error.required" };
  }
  // Issue 10: acting for someone else needs an account; the page offers the sign-in.
  if (step.id === "your-details" && !(await signedInAccount(context.db, request))) {
    throw redirect("/complaint/sign-in-first", 303);
  }
  if (result.ok && Object.keys(errors).length === 0) errors = serverCheck(step.id, mergeAnswers(answers, result.answers), { textMessages: textMessagesConfigured() });
  if (!result.ok || Object.keys(errors).length > 0) return data({ errors, values: keptValues(values) }, { status: 400 });

  // The form says which version of the draft it was based on; a save over a newer one (made in another tab) is
  // refused and the page shows what is saved now. A post that names no version (not from the portal's own
  // pages) is saved as it is.
  if (!context.draft) {
    const limited = await rateLimitsFor(context.db).consume([["drafts-per-client", clientKey(loadContext)]]);
    if (!limited.ok) return tooManyRequests(limited, { errors: { [step.fields[0]?.name ?? "form"]: TOO_MANY }, values: keptValues(values) });
  }
  const draft = context.draft ?? (await createDraft(context.db)).draft;
  const posted = values.draftVersion;
  const basedOn = !context.draft ? 0 : posted === undefined ? undefined : /^\d{1,9}$/.test(posted) ? Number(posted) : -1;
  const merged = mergeAnswers(draft.answers, result.ok ? result.answers : {});
  const saved = await saveDraftAnswers(context.db, draft, merged, { basedOn });
  if (!saved.saved) {
    const current = saved.current;
    return data({ errors: {}, stale: true, version: current.version, values: savedValues(step, current.answers) }, { status: 409 });
  }
  return redirect(nextPage(step.id, merged, context.today, returnTo === "check-answers"), {
    status: 303,
    headers: { "Set-Cookie": await draftSetCookie(draft.token) },
  });
}

export const headers = withRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => translatedTitle(matches, loaded?.titleKey ?? "errors.notFound.title");

// Keyed by page, so every page's form starts from its own saved answers, not the last page's.
// A save refused as stale starts the form again from what is saved now.
export default function QuestionPage() {
  const { stepId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <QuestionForm key={`${stepId}${actionData && "version" in actionData ? `@${actionData.version}` : ""}`} />;
}

function QuestionForm() {
  const { stepId, titleKey, definition, version, values: saved, choices, advice, notes, previous, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const checked = checkedInBrowser(stepId);
  const step = (checked ?? definition) as Step;
  const { register, errors, onSubmit } = useCheckedForm({
    check: (posted) => {
      if (!checked) return {};
      const result = validateStep(checked, posted, today);
      return result.ok ? {} : result.errors;
    },
    defaultValues: actionData?.values ?? saved,
    serverErrors: actionData?.errors,
  });
  const values = actionData?.values ?? saved;
  const returnTo = useReturnTo();
  // The question is the page's heading: the first field's label or legend when it is a lone field or radios.
  const headingOnField = !step.advice && (step.fields.length === 1 || step.fields[0]?.kind === "radios");

  // Fields revealed under a radio choice (GOV.UK conditional reveal) are drawn inside it, not on their own.
  const revealed = new Set(step.fields.flatMap((field) => (field.kind === "radios" && typeof field.options !== "string" ? field.options.map((option) => option.reveals) : [])));
  const fieldNamed = (name: string | undefined) => step.fields.find((field) => field.name === name);

  function renderField(field: Field, index: number): ReactNode {
    const error = errors[field.name];
    const isPageHeading = headingOnField && index === 0;
    // The policy's notes for this question (issue 10) are read with its hint.
    const stepHint = isPageHeading && (step.hintKey || notes.length > 0) ? [step.hintKey ? t(step.hintKey) : "", ...notes].join(" ").trim() : undefined;
    const title = t(titleKey);
    switch (field.kind) {
      case "radios": {
        const options: Option[] =
          typeof field.options === "string" || field.options.length === 0
            ? (choices[field.name] ?? [])
            : field.options.map((option) => {
                const revealedField = fieldNamed(option.reveals);
                return {
                  value: option.value,
                  label: t(option.labelKey),
                  ...(option.hintKey ? { hint: t(option.hintKey) } : {}),
                  ...(revealedField ? { conditional: renderField(revealedField, step.fields.indexOf(revealedField)) } : {}),
                };
              });
        return (
          <Radios key={field.name} name={field.name} legend={isPageHeading ? title : t(step.titleKey)} hint={stepHint}
            options={options} value={values[field.name]} error={error} inline={field.inline}
            isPageHeading={isPageHeading} register={register} />
        );
      }
      case "textarea":
        return (
          <TextArea key={field.name} name={field.name}
            label={isPageHeading ? title : t(field.labelKey ?? step.titleKey)}
            hint={field.hintKey ? t(field.hintKey) : stepHint} value={values[field.name]} error={error}
            rows={field.rows} maxLength={field.maxLength} isPageHeading={isPageHeading} register={register} />
        );
      case "text":
        return (
          <TextInput key={field.name} name={field.name}
            label={isPageHeading ? title : t(field.labelKey)}
            hint={field.hintKey ? t(field.hintKey) : stepHint} value={values[field.name]} error={error}
            type={field.type} autoComplete={field.autoComplete} spellCheck={field.spellCheck}
            isPageHeading={isPageHeading} register={register} />
        );
      case "date":
        return (
          <DateInput key={field.name} name={field.name} legend={title}
            hint={`${stepHint ? `${stepHint} ` : ""}${t(field.hintKey)}`} values={values} error={error}
            errorParts={datePartsInError(error)} isPageHeading={isPageHeading} register={register} />
        );
    }
  }

  return (
    <JourneyPage back={returnTo ? "/complaint/check-answers" : previous}>
      <ErrorSummary errors={errors} />
      {actionData && "stale" in actionData ? <StaleNotice /> : null}
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="returnTo" value={returnTo} />
        <input type="hidden" name="draftVersion" value={actionData && "version" in actionData ? actionData.version : version} />
        {step.advice ? (
          <>
            <h1 className="govuk-heading-l">{t(titleKey)}</h1>
            {notes.map((note) => (
              <p className="govuk-body" key={note}>
                {note}
              </p>
            ))}
            {advice.map((item) => (
              <div key={item.reason}>
                <p className="govuk-body">{item.reason}</p>
                <p className="govuk-body">{item.goTo}</p>
                {item.destinations.length > 0 ? (
                  <ul className="govuk-list">
                    {item.destinations.map((destination) => (
                      <li key={destination.href}>
                        <a className="govuk-link" href={destination.href}>
                          {destination.text}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {/* Each item says whether and how the resident can still send: said once, not twice. */}
                <div className="govuk-inset-text">{item.sendAnyway}</div>
              </div>
            ))}
          </>
        ) : null}
        {!step.advice && !headingOnField ? (
          <>
            <h1 className="govuk-heading-l">{t(titleKey)}</h1>
            {step.hintKey ? <p className="govuk-body">{t(step.hintKey)}</p> : null}
          </>
        ) : null}

        {step.fields.map((field, index) => (revealed.has(field.name) ? null : renderField(field, index)))}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t("continue")}
        </button>
      </Form>
    </JourneyPage>
  );
}

