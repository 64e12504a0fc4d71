// A complaint's case page for staff (issue 11, item 3): what the complainant sent, who acts for them, the dates
// and history as the complainant sees them, and what can be done now. Viewing it is audited. Never the equality
// answers: they are not linked to the complaint at all.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { and, eq } from "drizzle-orm";
import { complaintParties } from "../../db/schema";
import { complaintForStaff } from "~/cases/access.server";
import { complaintPage } from "~/cases/complaint-page.server";
import { CASE_RECORD_TEXTS, CaseDates, CaseHistory, PATHWAY_TEXTS } from "~/components/case-record";
import { translatedTitle } from "~/components/page-title";
import { NATIVE_LANGUAGE_NAMES } from "~/i18n/language-names";
import { isLanguageCode } from "~/i18n/languages";
import { mergeTexts } from "~/i18n/page-texts";
import { namespaceTexts, textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { londonDateOf, type IsoDate } from "~/rules/calendar-dates";
import { formatIsoDate } from "~/rules/explanations";
import type { ComplaintStatus } from "~/rules/stage-machine";
import { assignedTo } from "~/staff/assignments.server";
import { flagsOf } from "~/staff/flags.server";
import { classificationOf, conductOutcomesOf, ombudsmanEnquiriesOf } from "~/staff/case-records.server";
import { recordsConductOutcome } from "~/staff/classification";
import { actionsFor, actsOnComplaints, CASE_ACTIONS, draftsResponses } from "~/staff/casework";
import { responseDraftFor } from "~/staff/response-drafts.server";
import { complaintsJoinedTo } from "~/staff/casework.server";
import type { Stage } from "~/rules/timescales";
import { auditTrailOf, recordStaffAudit } from "~/staff/staff-audit.server";
import { requireStaff } from "~/staff/staff-page.server";
import { listComplaintAttachments } from "~/uploads/attachments.server";

const AUDIT_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

/** The screening answers and advice stored with an online complaint (app/models/complaints.server.ts). */
function screeningOf(stored: Record<string, unknown>, happenedOn: string | null) {
  const advice = Array.isArray(stored.advice) ? stored.advice.filter((code): code is string => typeof code === "string") : [];
  const decision = stored.decision === "accept" || stored.decision === "advise" ? stored.decision : null;
  if (!decision) return null;
  return {
    decision,
    advice,
    subject: typeof stored.subject === "string" ? stored.subject : null,
    reportedBefore: typeof stored.reportedBefore === "string" ? stored.reportedBefore : null,
    proceedings: typeof stored.proceedings === "string" ? stored.proceedings : null,
    happenedOn: happenedOn ?? "",
  };
}

/** What the pages beside the stage actions come back to the case page to say they did. */
const CASE_PAGE_NOTICES = ["decided", "logged", "assigned", "unassigned", "flagged", "classified", "conduct", "ombudsman", "ombudsman-decision", "restricted", "restriction-lifted", "drafted"] as const;

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:case.caption");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, staff } = await requireStaff(request);
  const row = await complaintForStaff(db, staff, params.reference ?? "");
  if (!row) {
    await recordStaffAudit(db, { staffId: staff.staffId, action: "refused", detail: { reference: String(params.reference ?? "").slice(0, 40) } });
    throw new Response("Not found", { status: 404 });
  }
  const acts = actsOnComplaints(staff.role);
  // Viewing is written first, so the trail shown includes this view.
  await recordStaffAudit(db, { staffId: staff.staffId, action: "viewed", complaintId: row.id });
  const [page, [complainant], files, assigned, flags, classification, conduct, enquiries, draft, joined, audit] = await Promise.all([
    complaintPage(db, row, "en", londonDateOf(new Date())),
    db.select().from(complaintParties).where(and(eq(complaintParties.complaintId, row.id), eq(complaintParties.role, "complainant"))),
    listComplaintAttachments(db, row.id),
    assignedTo(db, row.id),
    flagsOf(db, row.id),
    classificationOf(db, row.id),
    conductOutcomesOf(db, row.id),
    ombudsmanEnquiriesOf(db, row.id),
    responseDraftFor(db, row.id, row.stage),
    complaintsJoinedTo(db, row.reference),
    auditTrailOf(db, row.id),
  ]);
  const respondable = actionsFor({ status: page.status as ComplaintStatus, pathway: page.pathway, stage: page.stage as Stage }).includes("respond");
  const done = new URL(request.url).searchParams.get("done");
  return {
    page,
    sent: {
      whatWentWrong: row.whatWentWrong,
      howAffected: row.howAffected,
      outcomeWanted: row.outcomeWanted,
      interpreter: row.interpreterLanguage,
      happenedOn: row.happenedOn ? formatIsoDate(row.happenedOn as IsoDate, "en-GB") : "",
      referenceNumbers: row.referenceNumbers,
      supportNeeds: row.supportNeeds,
      exceptionalCircumstances: row.exceptionalCircumstances,
    },
    // RULES §5: what the resident answered at screening and the advice the portal gave them, for triage.
    screening: screeningOf(row.screening, row.happenedOn),
    // Issue 11, item 4: who did and saw what, newest first.
    audit: {
      total: audit.total,
      rows: audit.rows.map((entry) => ({
        id: entry.id,
        at: AUDIT_TIME.format(entry.at),
        who: entry.name || entry.email || "",
        action: entry.action,
        event: typeof entry.detail.event === "string" ? entry.detail.event : null,
      })),
    },
    language: isLanguageCode(row.language) ? NATIVE_LANGUAGE_NAMES[row.language] : row.language,
    contact: complainant ? { name: complainant.name, email: complainant.email, phone: complainant.phone, address: complainant.address } : null,
    // Investigating officers and panel members see the complaint; complaints officers and managers act on it.
    acts,
    actions: acts ? actionsFor({ status: page.status as ComplaintStatus, pathway: page.pathway, stage: page.stage as Stage, lateRequestWaiting: page.nextStage?.kind === "awaiting_decision" }) : [],
    assigned: assigned.map((person) => person.name || person.email),
    flags: flags.map((flag) => ({ id: flag.id, kind: flag.kind, details: flag.details, by: flag.by || flag.byEmail, on: formatIsoDate(londonDateOf(flag.flaggedAt), "en-GB") })),
    files: files.map((file) => ({ id: file.id, filename: file.filename, kilobytes: Math.max(1, Math.round(file.size / 1024)), sha256: file.sha256 })),
    classification,
    // §13.10: the person's further complaints joined to this one, which its response answers too.
    joined: joined.map((item) => ({ reference: item.reference, on: formatIsoDate(item.on as IsoDate, "en-GB") })),
    // Issue 11: the assigned investigating officer drafts the response; a complaints officer or manager sends it.
    drafts: draftsResponses(staff.role) && respondable,
    // Only while the stage's response is still to be sent.
    draft: draft && respondable ? { by: draft.by, on: formatIsoDate(londonDateOf(draft.draftedAt), "en-GB") } : null,
    conductConcern: classification ? recordsConductOutcome(classification.categories) : false,
    conduct: conduct.map((item) => ({ id: item.id, stage: item.stage, outcome: item.outcome, notes: item.notes, by: item.by || item.byEmail, on: formatIsoDate(londonDateOf(item.recordedAt), "en-GB") })),
    enquiries: enquiries.map((enquiry) => ({
      id: enquiry.id,
      ombudsmanReference: enquiry.ombudsmanReference,
      receivedOn: formatIsoDate(enquiry.receivedOn, "en-GB"),
      decision: enquiry.decision,
      decidedOn: enquiry.decidedOn ? formatIsoDate(enquiry.decidedOn, "en-GB") : null,
      remedy: enquiry.remedy,
      remedyPounds: enquiry.remedyPence === null ? null : new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" }).format(enquiry.remedyPence / 100),
    })),
    done: (CASE_PAGE_NOTICES as readonly string[]).includes(done ?? "") ? done : (CASE_ACTIONS.find((action) => action === done) ?? null),
    channel: String(page.history.find((item) => item.type === "received")?.params.channel ?? "online"),
    texts: mergeTexts(textsFor("en", [...CASE_RECORD_TEXTS, "account.people.state", "account.status"]), namespaceTexts("en", "rules", ["eligibility.decision", "eligibility.advice", "eligibility.subject"])),
  };
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value council-resident-text" dir="auto">
        {value}
      </dd>
    </div>
  );
}

export default function StaffCasePage() {
  const { screening, audit, page, sent, language, contact, acts, actions, assigned, flags, done, files, channel, classification, conductConcern, conduct, enquiries, drafts, draft, joined } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const notGiven = t("staff:case.notGiven");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds-from-desktop">
        <Link to="/staff" className="govuk-back-link">
          {t("staff:case.back")}
        </Link>
        {done ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title">
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading" id="done-title">
                {done === "decided" ? t("staff:decide.done") : t(`staff:case.done.${done}`)}
              </p>
            </div>
          </div>
        ) : null}
        {flags.length > 0 ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
            <div className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">{t("staff:flag.heading")}: </span>
              <ul className="govuk-list">
                {flags.map((flag) => (
                  <li key={flag.id}>
                    {t("staff:flag.item", { kind: t(`staff:flag.kindLabel.${flag.kind}`), by: flag.by, date: flag.on })}
                    <br />
                    <span className="council-resident-text" dir="auto">{flag.details}</span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
        <span className="govuk-caption-l">{t("staff:case.caption")}</span>
        <h1 className="govuk-heading-l">{page.reference}</h1>
        <dl className="govuk-summary-list">
          <Row label={t("staff:case.service")} value={page.serviceAreaName} />
          <Row label={t("staff:case.pathway")} value={t(PATHWAY_TEXTS[page.pathway][0])} />
          <Row label={t("staff:case.stage")} value={t("account.stageShort", { stage: page.stage })} />
          <Row label={t("staff:case.status")} value={t(`account.status.${page.status}`)} />
          <Row label={t("staff:case.received")} value={page.receivedOn} />
          <Row label={t("staff:case.channel")} value={t(`staff:case.channelName.${channel}`)} />
          <Row label={t("staff:case.nextDue")} value={page.next ? page.next.date : t("staff:queue.noDate")} />
          <Row label={t("staff:case.language")} value={language} />
          <Row label={t("staff:case.assigned")} value={assigned.length > 0 ? assigned.join(", ") : t("staff:case.nobodyAssigned")} />
          <Row label={t("staff:case.team")} value={classification?.team ?? t("staff:case.notClassified")} />
          <Row label={t("staff:case.categories")} value={classification ? classification.categories.map((category) => t(`staff:classify.category.${category}`)).join(", ") : t("staff:case.notClassified")} />
        </dl>
        {joined.length > 0 ? (
          <div className="govuk-inset-text">
            {t("staff:action.join.joinedHere")}{" "}
            {joined.map((item, index) => (
              <span key={item.reference}>
                {index > 0 ? ", " : null}
                <Link className="govuk-link" to={`/staff/complaints/${item.reference}`}>
                  {item.reference}
                </Link>{" "}
                ({item.on})
              </span>
            ))}
          </div>
        ) : null}
        {contact && contact.email === "" ? <div className="govuk-inset-text">{t("staff:case.postLetters")}</div> : null}
        {sent.interpreter ? <div className="govuk-inset-text">{t("staff:action.interpreter", { language: sent.interpreter })}</div> : null}

        {acts ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/staff/complaints/${page.reference}/assign`}>
              {t("staff:assign.link")}
            </Link>
            <br />
            <Link className="govuk-link" to={`/staff/complaints/${page.reference}/flag`}>
              {t("staff:flag.link")}
            </Link>
            <br />
            <Link className="govuk-link" to={`/staff/complaints/${page.reference}/classify`}>
              {t("staff:classify.link")}
            </Link>
            <br />
            <Link className="govuk-link" to={`/staff/complaints/${page.reference}/ombudsman`}>
              {t("staff:ombudsman.link")}
            </Link>
            <br />
            <Link className="govuk-link" to={`/staff/complaints/${page.reference}/restrict`}>
              {t(page.restriction ? "staff:restriction.reviewLink" : "staff:restriction.link")}
            </Link>
          </p>
        ) : null}
        {page.restriction ? (
          <div className="govuk-inset-text">
            <h2 className="govuk-heading-s">{t("staff:restriction.heading")}</h2>
            <p className="govuk-body">{t("staff:restriction.contactIs", { name: page.restriction.contactName, way: page.restriction.contactWay })}</p>
            <p className="govuk-body">{t("staff:restriction.inForce", { date: page.restriction.reviewOn })}</p>
            <ul className="govuk-list govuk-list--bullet">
              {page.restriction.restrictions.map((restriction) => (
                <li key={restriction}>{t(`staff:restriction.kind.${restriction}`)}</li>
              ))}
            </ul>
          </div>
        ) : null}

        {conductConcern ? (
          <>
            <h2 className="govuk-heading-m">{t("staff:conduct.heading")}</h2>
            <p className="govuk-body">{t("staff:conduct.staffOnly")}</p>
            {conduct.length === 0 ? <p className="govuk-body">{t("staff:conduct.none")}</p> : (
              <ul className="govuk-list">
                {conduct.map((item) => (
                  <li key={item.id}>
                    {t("staff:conduct.item", { stage: item.stage, outcome: t(`staff:action.respond.outcomeName.${item.outcome}`), by: item.by, date: item.on })}
                    <br />
                    <span className="council-resident-text" dir="auto">{item.notes}</span>
                  </li>
                ))}
              </ul>
            )}
            {acts ? (
              <p className="govuk-body">
                <Link className="govuk-link" to={`/staff/complaints/${page.reference}/conduct`}>
                  {t("staff:conduct.link")}
                </Link>
              </p>
            ) : null}
          </>
        ) : null}

        {enquiries.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t("staff:ombudsman.heading")}</h2>
            <ul className="govuk-list">
              {enquiries.map((enquiry) => (
                <li key={enquiry.id}>
                  {t("staff:ombudsman.item", { reference: enquiry.ombudsmanReference, date: enquiry.receivedOn })}{" "}
                  {enquiry.decision ? (
                    <>
                      {t("staff:ombudsman.itemDecided", { decision: t(`staff:ombudsman.decision.${enquiry.decision}`), date: enquiry.decidedOn })}
                      {enquiry.remedyPounds ? <> {t("staff:ombudsman.itemPayment", { amount: enquiry.remedyPounds })}</> : null}
                      {enquiry.remedy ? (
                        <>
                          <br />
                          <span className="council-resident-text" dir="auto">{enquiry.remedy}</span>
                        </>
                      ) : null}
                    </>
                  ) : acts ? (
                    <Link className="govuk-link" to={`/staff/complaints/${page.reference}/ombudsman/${enquiry.id}`}>
                      {t("staff:ombudsman.recordDecision", { reference: enquiry.ombudsmanReference })}
                    </Link>
                  ) : (
                    t("staff:ombudsman.awaiting")
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2 className="govuk-heading-m">{t("staff:case.actionsHeading")}</h2>
        {draft && (acts || drafts) ? <div className="govuk-inset-text">{t(acts ? "staff:draft.waiting" : "staff:draft.saved", { by: draft.by, date: draft.on })}</div> : null}
        {drafts ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/staff/complaints/${page.reference}/draft`}>
              {t("staff:draft.title", { stage: page.stage })}
            </Link>
          </p>
        ) : actions.length === 0 ? (
          <p className="govuk-body">{t("staff:case.noActions")}</p>
        ) : (
          <ul className="govuk-list">
            {actions.map((action) => (
              <li key={action}>
                <Link className="govuk-link" to={`/staff/complaints/${page.reference}/${action}`}>
                  {t(`staff:action.${action}.title`, { stage: page.stage })}
                </Link>
              </li>
            ))}
          </ul>
        )}

        <h2 className="govuk-heading-m">{t("staff:case.sentHeading")}</h2>
        <dl className="govuk-summary-list">
          <Row label={t("staff:case.whatWentWrong")} value={sent.whatWentWrong} />
          <Row label={t("staff:case.howAffected")} value={sent.howAffected || notGiven} />
          <Row label={t("staff:case.outcomeWanted")} value={sent.outcomeWanted || notGiven} />
          {sent.happenedOn ? <Row label={t("staff:case.happenedOn")} value={sent.happenedOn} /> : null}
          {sent.referenceNumbers ? <Row label={t("staff:case.referenceNumbers")} value={sent.referenceNumbers} /> : null}
          {sent.supportNeeds ? <Row label={t("staff:case.supportNeeds")} value={sent.supportNeeds} /> : null}
          {sent.exceptionalCircumstances ? <Row label={t("staff:case.exceptionalCircumstances")} value={sent.exceptionalCircumstances} /> : null}
        </dl>

        {screening ? (
          <>
            <h2 className="govuk-heading-m">{t("staff:case.screeningHeading")}</h2>
            <p className="govuk-body">{t(`rules:eligibility.decision.${screening.decision}`)}</p>
            {screening.subject && screening.subject !== "none_of_these" ? (
              <p className="govuk-body">{t("staff:case.screeningSubject", { subject: t(`rules:eligibility.subject.${screening.subject}`) })}</p>
            ) : null}
            {screening.advice.length > 0 ? (
              <ul className="govuk-list govuk-list--bullet">
                {screening.advice.map((code) => (
                  <li key={code}>{t(`rules:eligibility.advice.${code}.reason`, { months: 12, happenedOn: screening.happenedOn })}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}

        <h2 className="govuk-heading-m">{t("staff:case.filesHeading")}</h2>
        {files.length === 0 ? (
          <p className="govuk-body">{t("staff:case.noFiles")}</p>
        ) : (
          <ul className="govuk-list">
            {files.map((file) => (
              <li key={file.id}>
                <a className="govuk-link" href={`/staff/complaints/${page.reference}/files/${file.id}`} download>
                  <bdi>{file.filename}</bdi>
                </a>{" "}
                {t("staff:case.fileSize", { count: file.kilobytes })}
                <br />
                <span className="govuk-body-s council-key">{t("staff:case.checksum", { sha256: file.sha256 })}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/staff/complaints/${page.reference}/case-file`}>
            {t("staff:case.caseFile")}
          </Link>
        </p>

        <h2 className="govuk-heading-m">{t("staff:case.contactHeading")}</h2>
        <dl className="govuk-summary-list">
          <Row label={t("staff:case.name")} value={contact?.name || notGiven} />
          <Row label={t("staff:case.email")} value={contact?.email || notGiven} />
          <Row label={t("staff:case.phone")} value={contact?.phone || notGiven} />
          <Row label={t("staff:case.address")} value={contact?.address || notGiven} />
        </dl>

        <h2 className="govuk-heading-m">{t("staff:case.peopleHeading")}</h2>
        {page.people.length === 0 ? (
          <p className="govuk-body">{t("staff:case.noPeople")}</p>
        ) : (
          <ul className="govuk-list">
            {page.people.map((person) => (
              <li key={person.id}>
                <bdi>{person.name}</bdi> ({t(`representation.relationship.${person.relationship}`)}
                {person.detail ? <>, <bdi>{person.detail}</bdi></> : null}): {t(`account.people.state.${person.state}`)}
                {person.state === "awaiting_decision" && acts ? (
                  <>
                    {" "}
                    <Link className="govuk-link" to={`/staff/complaints/${page.reference}/people/${person.id}`}>
                      {t("staff:case.decide", { name: person.name })}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}

        <h2 className="govuk-heading-m">{t("staff:case.auditHeading")}</h2>
        <p className="govuk-body">{t("staff:case.auditIntro", { count: audit.total, shown: audit.rows.length })}</p>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("staff:case.auditHeading")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("staff:case.auditWhen")}</th>
              <th scope="col" className="govuk-table__header">{t("staff:case.auditWho")}</th>
              <th scope="col" className="govuk-table__header">{t("staff:case.auditWhat")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {audit.rows.map((entry) => (
              <tr key={entry.id} className="govuk-table__row">
                <td className="govuk-table__cell">{entry.at}</td>
                <td className="govuk-table__cell">{entry.who || t("staff:case.auditSystem")}</td>
                <td className="govuk-table__cell">
                  {t(`staff:audit.${entry.action}`)}
                  {entry.event ? <> ({entry.event.replace(/_/g, " ")})</> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <p className="govuk-body">{t("staff:case.historyNote")}</p>
        <CaseDates dates={page.dates} />
        <CaseHistory history={page.history} complaintFiles={page.complaintFiles} />
      </div>
    </div>
  );
}
