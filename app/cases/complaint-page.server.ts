// What a complaint's own page shows (issue 9, item 3), prepared on the server in the reader's language: the rules'
// explanations translated, dates written as the language writes them. Everything comes from the stored events
// through the case service's progress, so the page shows the dates the council is held to.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { attachments, complaintParties, serviceAreaNames } from "../../db/schema";
import { languageFor, type LanguageCode } from "~/i18n/languages";
import { serverT } from "~/i18n/translate.server";
import type { IsoDate } from "~/rules/calendar-dates";
import type { Explanation } from "~/rules/explanations";
import { formatIsoDate } from "~/rules/explanations";
import { finalStage } from "~/rules/timescales";
import type { RecordedEvent } from "./case-events";
import type { ComplaintRow } from "./access.server";
import { progressOf, recordedEvents } from "./case-service.server";
import { councilRulesConfig } from "./council-calendar.server";
import { representativesOf } from "~/representation/representation.server";
import { restrictionInForce } from "~/staff/contact-restrictions.server";
import { isLive, type RepresentationState } from "~/representation/representation-rules";

export type HistoryItem = {
  id: number;
  type: string;
  date: string;
  params: Record<string, string | number>;
  /** Text the person or the council wrote, shown as written. */
  text?: string;
  files: string[];
  /** §13.17, §15: an upheld response's apology, remedies and payment (written in the reader's language) and actions with dates. */
  remedy?: { apology?: string; remedies: string[]; payment?: string; actions: { what: string; by: string }[] };
};

function historyItem(recorded: RecordedEvent, dateOf: (date: IsoDate) => string, filenames: Map<string, string>, moneyOf: (pence: number) => string, remedyName: (remedy: string) => string): HistoryItem {
  const { event } = recorded;
  const params: Record<string, string | number> = {};
  if ("stage" in event && typeof event.stage === "number") params.stage = event.stage;
  let type: string = event.type;
  let text: string | undefined;
  let files: string[] = [];
  let remedy: HistoryItem["remedy"];
  switch (event.type) {
    case "received":
      params.channel = event.channel;
      break;
    case "acknowledged":
      text = event.understanding;
      break;
    case "extended":
      params.reason = event.reason;
      break;
    case "responded":
      params.outcome = event.outcome;
      text = event.summary;
      if (event.apology || event.remedies?.length || event.actions?.length) {
        remedy = {
          ...(event.apology ? { apology: event.apology } : {}),
          remedies: (event.remedies ?? []).map(remedyName),
          ...(event.paymentPence ? { payment: moneyOf(event.paymentPence) } : {}),
          actions: (event.actions ?? []).map((action) => ({ what: action.what, by: dateOf(action.by) })),
        };
      }
      break;
    case "withdrawn":
      if (event.reason) type = "withdrawnReason";
      if (event.reason) params.reason = event.reason;
      break;
    case "information_added":
      text = event.message;
      files = event.files.map((file) => filenames.get(file.id) ?? file.filename);
      break;
    case "representative_added":
      params.relationship = event.relationship;
      break;
    case "representation_changed":
      type = `representation_${event.change}`;
      break;
    case "triaged":
      type = `triaged_${event.outcome}`;
      if (event.pathway) params.pathway = event.pathway;
      if (event.joinedTo) params.reference = event.joinedTo;
      text = event.reason;
      break;
    case "closed":
      text = event.reason;
      break;
    case "pathway_changed":
      params.pathway = event.pathway;
      params.reason = event.reason;
      break;
    case "escalation_requested":
    case "late_escalation_requested":
      text = event.unresolved;
      break;
    default:
      break;
  }
  return { id: recorded.id, type, date: dateOf(event.date), params, ...(text ? { text } : {}), files, ...(remedy ? { remedy } : {}) };
}

/** The page's view of a complaint whose row the access check has read (complaintForAccount). */
export async function complaintPage(db: Database, row: ComplaintRow, locale: LanguageCode, today: IsoDate) {
  // Asked together: on PostgreSQL they go out at once rather than one after another.
  const [recorded, files, areaNames, people, config, restriction] = await Promise.all([
    recordedEvents(db, row.id),
    db
      .select({ id: attachments.id, filename: attachments.filename })
      .from(attachments)
      .where(and(eq(attachments.complaintId, row.id), eq(attachments.kept, true))),
    serviceAreaNamesIn(db, locale, [row.serviceAreaSlug]),
    representativesOf(db, row.id),
    councilRulesConfig(db),
    restrictionInForce(db, row.id),
  ]);
  const { complaint, events, progress } = progressOf(row, recorded, today, config);
  const t = serverT(locale);
  const tag = languageFor(locale).tag;
  const dateOf = (date: IsoDate) => formatIsoDate(date, tag);
  const money = new Intl.NumberFormat(tag, { style: "currency", currency: "GBP" });
  const moneyOf = (pence: number) => money.format(pence / 100);
  const explain = (explanation: Explanation) => t(`rules:${explanation.key}`, explanation.params as Record<string, unknown>);
  const filenames = new Map(files.map((file) => [file.id, file.filename]));
  const sentWithEvents = new Set(events.flatMap((recorded) => (recorded.event.type === "information_added" ? recorded.event.files.map((file) => file.id) : [])));
  const areaName = areaNames.get(complaint.serviceAreaSlug);
  const next = progress.nextCouncilDue;
  const nextStage = progress.nextStage;
  return {
    reference: complaint.reference,
    version: complaint.version,
    serviceAreaName: areaName ?? complaint.serviceAreaSlug,
    pathway: progress.state.pathway,
    stage: progress.state.stage,
    status: progress.state.status,
    receivedOn: dateOf(complaint.receivedOn as IsoDate),
    open: progress.open,
    // Whether the pathway has a stage after the current one (corporate 2, children's 3, adults' 1).
    furtherStage: progress.state.stage < finalStage(progress.state.pathway),
    // Policy §18: the limits on how the person may contact the council about it, while in force.
    restriction: restriction ? { restrictions: restriction.restrictions, contactName: restriction.contactName, contactWay: restriction.contactWay, reviewOn: dateOf(restriction.reviewOn) } : null,
    next: next ? { id: next.id, date: dateOf(next.date), overdue: next.status === "missed", explanation: explain(next.explanation) } : null,
    dates: progress.timeline.dueDates
      .filter((due) => due.status !== "untracked")
      .map((due) => ({
        id: due.id,
        stage: due.stage,
        party: due.party,
        date: dateOf(due.date),
        status: due.status,
        doneOn: due.doneOn ? dateOf(due.doneOn) : null,
        explanation: explain(due.explanation),
      })),
    history: events.map((recorded) => historyItem(recorded, dateOf, filenames, moneyOf, (remedy) => t(`rules:remedies.${remedy}`))),
    // Issue 10: the people acting for the person, while they may (awaiting permission, or with it).
    people: people
      .filter((person) => isLive(person.state as RepresentationState))
      .map((person) => ({ id: person.id, name: person.name, relationship: person.relationship, detail: person.relationshipDetail, state: person.state as RepresentationState })),
    // Files sent with the complaint itself (those added later are listed with their event).
    complaintFiles: files.filter((file) => !sentWithEvents.has(file.id)).map((file) => file.filename),
    nextStage:
      nextStage.kind === "in_time" || nextStage.kind === "late"
        ? {
            kind: nextStage.kind,
            stage: nextStage.window.nextStage,
            requestBy: dateOf(nextStage.window.requestBy),
            requestByExplanation: explain(nextStage.window.requestByExplanation),
            lateRequestBy: nextStage.window.lateRequestBy ? dateOf(nextStage.window.lateRequestBy) : null,
          }
        : nextStage.kind === "awaiting_decision"
          ? { kind: nextStage.kind, requestedOn: dateOf(nextStage.requestedOn) }
          : nextStage.kind === "ombudsman"
            ? { kind: nextStage.kind, reason: nextStage.reason, respondedOn: dateOf(nextStage.respondedOn) }
            : { kind: nextStage.kind },
  };
}

export type ComplaintPageData = NonNullable<Awaited<ReturnType<typeof complaintPage>>>;

/**
 * What someone acting for the person sees while permission is awaited (issue 10, item 3): the reference, the stage
 * and the person's name as they typed it — never the history, the council's letters or the person's details.
 */
export async function waitingPage(db: Database, row: ComplaintRow) {
  const [person] = await db
    .select({ name: complaintParties.name })
    .from(complaintParties)
    .where(and(eq(complaintParties.complaintId, row.id), eq(complaintParties.role, "complainant")));
  return { reference: row.reference, stage: row.stage, status: row.status, person: person?.name ?? "" };
}

/** Service area names in the reader's language, for the list of complaints. */
export async function serviceAreaNamesIn(db: Database, locale: LanguageCode, slugs: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (slugs.length === 0) return names;
  const rows = await db
    .select({ slug: serviceAreaNames.serviceAreaSlug, name: serviceAreaNames.name })
    .from(serviceAreaNames)
    .where(and(eq(serviceAreaNames.locale, locale), inArray(serviceAreaNames.serviceAreaSlug, [...new Set(slugs)])));
  for (const row of rows) names.set(row.slug, row.name);
  return names;
}
