// Staff's changes to a complaint (issue 11, item 3): each through the case service — checked against the stage
// machine, written as a staff event, audited, and told to the resident in their language, in one transaction.
import type { Database } from "../../db/client";
import type { ComplaintRow } from "~/cases/access.server";
import type { StoredEventInput } from "~/cases/case-events";
import { CaseChangeError, changeCase, type ChangedCase, type Transaction } from "~/cases/case-service.server";
import { tellComplainant } from "~/cases/letters.server";
import type { IsoDate } from "~/rules/calendar-dates";
import { extensionNotice } from "~/rules/extensions";
import type { Stage } from "~/rules/timescales";
import type { ExtensionInput, ResponseInput } from "./response-form";
import { recordStaffAudit } from "./staff-audit.server";
import type { StaffSignedIn } from "./staff-sessions.server";

type Form = { formId: string; version: number; today: IsoDate };

async function staffChange(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, event: StoredEventInput, tell?: (tx: Transaction, changed: ChangedCase) => Promise<void>) {
  try {
    return await changeCase(db, {
      complaintId: row.id,
      event,
      actor: "staff",
      expectedVersion: form.version,
      dedupeKey: `staff:${form.formId}`,
      today: form.today,
      notify: async (tx, changed) => {
        await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "changed", complaintId: row.id, detail: { event: changed.event.type } });
        await tell?.(tx, changed);
      },
    });
  } catch (error) {
    if (error instanceof CaseChangeError) return error;
    throw error;
  }
}

/** RULES §7: accepted as a complaint on the pathway the portal suggested. */
export function acceptComplaint(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form) {
  return staffChange(db, staff, row, form, { type: "triaged", outcome: "accepted", pathway: row.pathway, date: form.today });
}

/** §13.8: acknowledged, with our understanding and the outcome sought, the investigating officer and the response date. */
export function acknowledgeComplaint(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, input: { understanding: string; officer: string }) {
  return staffChange(db, staff, row, form, { type: "acknowledged", stage: row.stage as Stage, date: form.today, ...input }, (tx, changed) =>
    tellComplainant(tx, changed, "acknowledged", { understanding: input.understanding, officer: input.officer, ...(changed.progress.nextCouncilDue ? { responseBy: changed.progress.nextCouncilDue.date } : {}) }),
  );
}

/** §13.13–13.17: the response, with its outcome, reasons and remedy; the letter says what the person can do next. */
export function respondToComplaint(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, input: ResponseInput) {
  const { outcome, reasons, apology, remedies, paymentPence, actions } = input;
  const remedy = { ...(apology ? { apology } : {}), ...(remedies.length > 0 ? { remedies: [...remedies] } : {}), ...(paymentPence ? { paymentPence } : {}), ...(actions.length > 0 ? { actions: [...actions] } : {}) };
  return staffChange(db, staff, row, form, { type: "responded", stage: row.stage as Stage, date: form.today, outcome, summary: reasons, ...remedy }, (tx, changed) => {
    const next = changed.progress.nextStage;
    const window = next.kind === "in_time" ? { nextStage: next.window.nextStage, requestBy: next.window.requestBy } : {};
    return tellComplainant(tx, changed, "responded", { outcome, reasons, ...remedy, ...window });
  });
}

/**
 * RULES §3: more time, with the reason, and the new response date computed from the extended stage (corporate:
 * with the right to take the decision to extend to the Ombudsman, §13.11, §14.9).
 */
export function extendResponse(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, input: ExtensionInput) {
  return staffChange(db, staff, row, form, { type: "extended", stage: row.stage as Stage, date: form.today, ...input }, (tx, changed) => {
    const responseBy = changed.progress.nextCouncilDue?.date;
    const notice = extensionNotice(row.pathway, row.stage as Stage, responseBy ?? form.today, input.reason);
    return tellComplainant(tx, changed, "extended", { reasons: input.reason, extensionOmbudsman: notice.ombudsman !== undefined, ...(responseBy ? { responseBy } : {}) });
  });
}

/** Appendix A §22: the children's Stage 3 review panel has met, or has reported; the council responds next. */
export function recordPanel(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, step: "panel_held" | "panel_reported") {
  return staffChange(db, staff, row, form, { type: step, stage: 3, date: form.today });
}
