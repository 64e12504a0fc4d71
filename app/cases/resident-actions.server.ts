// What a resident may do about their own complaint (issue 9, items 4–6): ask for the next stage, add information,
// withdraw. Each goes through the case service, with its email queued in the same transaction, and answers 404 for
// a complaint that is not theirs. Pages stay thin: they read the form and show what these return.
import { data } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { complaintEvents } from "../../db/schema";
import { requireAccount, type AccountContext } from "~/accounts/account.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { filesToKeep, keepComplaintFiles, type ReceivedFile } from "~/uploads/attachments.server";
import type { Database } from "../../db/client";
import type { EscalationGround, LateEscalationReason } from "~/rules/escalation";
import { complaintForAccount, type ComplaintRole } from "./access.server";
import type { StoredEventInput } from "./case-events";
import { CaseChangeError, changeCase, loadCase, type ChangedCase, type Transaction } from "./case-service.server";
import { tellComplainant } from "./letters.server";
import { isUuid } from "~/forms/uuid";

/** The complaints team's address, told when a resident adds information (COMPLAINTS_TEAM_EMAIL). */
export function complaintsTeamEmail(env: Record<string, string | undefined> = process.env): string {
  return env.COMPLAINTS_TEAM_EMAIL?.trim() || "customer.services@coventry.gov.uk";
}

export type OwnComplaint = AccountContext & { complaintId: string; reference: string; role: ComplaintRole };

/**
 * A complaint the signed-in person may act on, by reference: their own, or one they act on for someone with that
 * person's permission (issue 10). Anyone else's, or none, is a 404 (issue 9, item 8) — a representative still
 * waiting for permission too: until then they see only the reference and stage.
 */
export async function requireOwnComplaint(request: Request, reference: string | undefined): Promise<OwnComplaint> {
  const context = await requireAccount(request);
  const found = await complaintForAccount(context.db, context.account, reference ?? "");
  if (!found || found.access !== "full") throw data(null, { status: 404 });
  return { ...context, complaintId: found.id, reference: reference!, role: found.role };
}

/** Where the complaint stands now, for a form's page. */
export async function currentProgress(own: OwnComplaint) {
  const loaded = await loadCase(own.db, own.complaintId, own.today);
  if (!loaded) throw data(null, { status: 404 });
  return loaded;
}

/** Runs a change, turning the case service's refusals into the 4xx a page shows. */
async function change(own: OwnComplaint, input: { event: StoredEventInput; formId: string; version: number; notify: (tx: Transaction, changed: ChangedCase) => Promise<void> }) {
  try {
    return await changeCase(own.db, {
      complaintId: own.complaintId,
      event: input.event,
      actor: own.role === "representative" ? "representative" : "resident",
      accountId: own.account.accountId,
      expectedVersion: input.version,
      dedupeKey: `resident:${input.formId}`,
      today: own.today,
      notify: input.notify,
    });
  } catch (error) {
    if (error instanceof CaseChangeError) return error;
    throw error;
  }
}

export type EscalationForm = { grounds: EscalationGround[]; unresolved: string; outcomeWanted: string };

/** §14: in time, the next stage at once; late (corporate, within six months), waiting for the council's decision. */
export async function askForNextStage(
  own: OwnComplaint,
  form: EscalationForm & { late?: { lateReason: LateEscalationReason; lateExplanation: string } },
  formId: string,
  version: number,
  nextStage: 2 | 3,
): Promise<ChangedCase | CaseChangeError> {
  const request = { grounds: form.grounds, unresolved: form.unresolved, outcomeWanted: form.outcomeWanted };
  const event: StoredEventInput = form.late
    ? { type: "late_escalation_requested", stage: 2, date: own.today, ...request, ...form.late }
    : { type: "escalation_requested", stage: nextStage, date: own.today, ...request };
  return change(own, { event, formId, version, notify: (tx, changed) => tellComplainant(tx, changed, form.late ? "late_escalation" : "escalated") });
}

/** A message and the files sent with it (already received and checked: receiveComplaintFile), kept with the event. */
export async function addInformation(
  own: OwnComplaint,
  message: string,
  files: ReadonlyArray<ReceivedFile>,
  formId: string,
  version: number,
): Promise<ChangedCase | CaseChangeError> {
  const sent = filesToKeep(files);
  return change(own, {
    event: { type: "information_added", date: own.today, message, files: sent },
    formId,
    version,
    // The council is told; the message itself stays in the portal, where only those who may see it can.
    notify: async (tx, changed) => {
      await keepComplaintFiles(tx as unknown as Database, own.complaintId, sent.map((file) => file.id));
      await enqueueEmail(tx, {
        dedupeKey: `case:${changed.eventId}`,
        template: "informationAdded",
        locale: "en",
        recipient: complaintsTeamEmail(),
        payload: { reference: changed.complaint.reference, date: changed.event.date, files: sent.length },
      });
    },
  });
}

export async function withdraw(own: OwnComplaint, reason: string, formId: string, version: number): Promise<ChangedCase | CaseChangeError> {
  return change(own, {
    event: { type: "withdrawn", date: own.today, ...(reason ? { reason } : {}) },
    formId,
    version,
    notify: (tx, changed) => tellComplainant(tx, changed, "withdrawn"),
  });
}

/** The event a form already recorded on this complaint (a second post of it), if any. */
export async function recordedByForm(own: OwnComplaint, formId: string): Promise<StoredEventInput["type"] | null> {
  const [row] = await own.db
    .select({ type: complaintEvents.type })
    .from(complaintEvents)
    .where(and(eq(complaintEvents.dedupeKey, `resident:${formId}`), eq(complaintEvents.complaintId, own.complaintId)));
  return (row?.type as StoredEventInput["type"] | undefined) ?? null;
}

/** The hidden fields every resident form carries: a random id for the form (one event per form) and the version seen. */
export function formIdentity(values: URLSearchParams): { formId: string; version: number } {
  const formId = values.get("formId") ?? "";
  const version = Number(values.get("version"));
  if (!isUuid(formId) || !Number.isSafeInteger(version) || version < 0) {
    throw data(null, { status: 400 });
  }
  return { formId, version };
}

/** What a refused change shows: the page again, saying the complaint changed (stale) or that it cannot be done now. */
export function refusal(error: CaseChangeError) {
  if (error.status === 404) throw data(null, { status: 404 });
  return { refused: error.code === "stale" ? ("stale" as const) : ("not_available" as const), status: error.status };
}
