// The council's decision on someone acting for the person (issue 10, item 3; policy §7.4, §7.7–7.9): a signed
// permission form to check, or a person who cannot give permission (a child, an adult lacking capacity, someone who
// has died). One decision, with reasons, emailed to the representative; audited.
import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod/mini";
import { CaseChangeError } from "~/cases/case-service.server";
import { formIdentity, refusal } from "~/cases/resident-actions.server";
import { ErrorSummary, Radios, TextArea } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { decideRepresentation, representativesOf } from "~/representation/representation.server";
import { londonDateOf } from "~/rules/calendar-dates";
import { recordStaffAudit } from "~/staff/staff-audit.server";
import { requireComplaintToActOn } from "~/staff/staff-page.server";
import type { Database } from "../../db/client";

const REASONS_LIMIT = 5000;

const decisionSchema = z.object({
  decision: z.enum(["accept", "not_accept"], { error: "staff:decide.error.decision" }),
  reasons: z.string().check(z.trim(), z.minLength(1, { error: "staff:decide.error.reasons" }), z.maxLength(REASONS_LIMIT, { error: "staff:decide.error.reasonsTooLong" })),
});

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:decide.title");

async function representationFor(request: Request, params: LoaderFunctionArgs["params"]) {
  // Complaints officers and managers decide; an investigating officer assigned to the complaint does not.
  const { db, staff, row } = await requireComplaintToActOn(request, params.reference);
  const person = (await representativesOf(db, row.id)).find((candidate) => candidate.id === params.id);
  if (!person) throw new Response("Not found", { status: 404 });
  return { db: db as Database, staff, row, person };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row, person } = await representationFor(request, params);
  const facts = (person.cannotConsent ?? {}) as Record<string, string>;
  return {
    reference: row.reference,
    name: person.name,
    relationship: person.relationship,
    route: person.consentRoute,
    under18: person.personUnder18,
    facts: { reason: facts.reason ?? "", authority: facts.authority ?? "", childAgrees: facts.childAgrees ?? "", childViews: facts.childViews ?? "" },
    available: person.state === "awaiting_decision",
    version: row.version,
    formId: randomUUID(),
    texts: textsFor("en", ["representation.relationship", "complaint.cannotConsent.options", "complaint.capacityAuthority.options", "complaint.deathAuthority.options", "complaint.childViews.options", ...CHARACTER_COUNT_TEXTS]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, row, person } = await representationFor(request, params);
  const posted = await readFormEntries(request);
  const { formId } = formIdentity(posted);
  const values = { decision: (posted.get("decision") ?? "").slice(0, 100), reasons: (posted.get("reasons") ?? "").slice(0, REASONS_LIMIT + 1000) };
  const parsed = decisionSchema.safeParse(values);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    return data({ errors, values, refused: null }, { status: 400 });
  }
  try {
    await decideRepresentation(
      db,
      { representationId: person.id, complaintId: row.id, accept: parsed.data.decision === "accept", reasons: parsed.data.reasons, today: londonDateOf(new Date()), formId },
      (tx) => recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "changed", complaintId: row.id, detail: { event: "representation_changed", decision: parsed.data.decision } }),
    );
  } catch (error) {
    if (!(error instanceof CaseChangeError)) throw error;
    const refused = refusal(error);
    return data({ errors: {}, values, refused: refused.refused }, { status: refused.status });
  }
  return redirect(`/staff/complaints/${row.reference}?done=decided`, 303);
}

export default function DecideRepresentation() {
  const { reference, name, relationship, route, under18, facts, available, version, formId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const refused = actionData?.refused ?? (available ? null : "not_available");
  const authorityKey = facts.reason === "died" ? "complaint.deathAuthority.options" : "complaint.capacityAuthority.options";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/complaints/${reference}`} className="govuk-back-link">
          {reference}
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{reference}</span>
        <h1 className="govuk-heading-l">{t("staff:decide.title")}</h1>
        <p className="govuk-body" dir="auto">
          {t("staff:decide.intro", { name, relationship: t(`representation.relationship.${relationship}`) })}
        </p>
        {route === "signed_form" || route === "cannot_consent" ? <p className="govuk-body">{t(`staff:decide.route.${route}`)}</p> : null}
        {under18 ? <p className="govuk-body">{t("staff:decide.under18")}</p> : null}
        {facts.reason ? (
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("staff:decide.reason")}</dt>
              <dd className="govuk-summary-list__value">{t(`complaint.cannotConsent.options.${facts.reason}`)}</dd>
            </div>
            {facts.authority ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("staff:decide.authority")}</dt>
                <dd className="govuk-summary-list__value">{t(`${authorityKey}.${facts.authority}`)}</dd>
              </div>
            ) : null}
            {facts.childAgrees ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("staff:decide.childAgrees")}</dt>
                <dd className="govuk-summary-list__value">{t(`complaint.childViews.options.${facts.childAgrees}`)}</dd>
              </div>
            ) : null}
            {facts.childViews ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("staff:decide.childViews")}</dt>
                <dd className="govuk-summary-list__value council-resident-text" dir="auto">
                  {facts.childViews}
                </dd>
              </div>
            ) : null}
          </dl>
        ) : null}
        {refused ? (
          <p className="govuk-body">
            {t(`staff:action.refused.${refused}`)}{" "}
            <Link className="govuk-link" to={`/staff/complaints/${reference}`}>
              {reference}
            </Link>
          </p>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="formId" value={formId} />
            <input type="hidden" name="version" value={version} />
            <Radios name="decision" legend={t("staff:decide.decision")} value={values.decision} error={errors.decision}
              options={[{ value: "accept", label: t("staff:decide.accept") }, { value: "not_accept", label: t("staff:decide.notAccept") }]} />
            <TextArea name="reasons" label={t("staff:decide.reasons")} hint={t("staff:decide.reasonsHint")} value={values.reasons} error={errors.reasons} maxLength={REASONS_LIMIT} rows={6} />
            <button type="submit" className="govuk-button">
              {t("staff:decide.button")}
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
