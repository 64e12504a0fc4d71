// Policy §18 (issue 11, item 3): limits on how someone may contact the council about a complaint, set and lifted
// by a complaints officer or manager. Each is written to the person (and whoever acts for them, as they chose) in
// the complaint's language, in the same transaction, and audited. At most one is in force per complaint (the
// database's partial unique index): a second is refused, not stacked.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { contactRestrictions } from "../../db/schema";
import { letterRecipientsOf } from "~/cases/letters.server";
import { violatedUniqueConstraint } from "../../db/errors";
import { enqueueEmail } from "~/mail/outbox.server";
import type { IsoDate } from "~/rules/calendar-dates";
import type { NewRestriction, Restriction } from "./contact-restriction";
import { recordStaffAudit } from "./staff-audit.server";
import type { StaffSignedIn } from "./staff-sessions.server";

/** The restriction in force on a complaint, if any. */
export async function restrictionInForce(db: Database, complaintId: string) {
  const [row] = await db
    .select()
    .from(contactRestrictions)
    .where(and(eq(contactRestrictions.complaintId, complaintId), isNull(contactRestrictions.liftedAt)))
    .orderBy(desc(contactRestrictions.imposedAt))
    .limit(1);
  return row ? { ...row, restrictions: row.restrictions as Restriction[], reviewOn: row.reviewOn as IsoDate } : null;
}

/** Sets the limits and writes to the person: false when limits are already in force (lift them first). */
export async function imposeRestriction(db: Database, staff: StaffSignedIn, complaint: { id: string; reference: string }, input: NewRestriction): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(contactRestrictions)
        .values({ complaintId: complaint.id, restrictions: [...input.restrictions], reasons: input.reasons, contactName: input.contactName, contactWay: input.contactWay, reviewOn: input.reviewOn, imposedBy: staff.staffId })
        .returning({ id: contactRestrictions.id });
      await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "contact_restricted", complaintId: complaint.id, detail: { restriction: row!.id, restrictions: input.restrictions, reviewOn: input.reviewOn } });
      for (const [index, contact] of (await letterRecipientsOf(tx, complaint.id)).entries()) {
        await enqueueEmail(tx as unknown as Database, {
          dedupeKey: `restriction:${row!.id}:${index}`,
          template: "contactRestriction",
          locale: contact.language,
          recipient: contact.email,
          payload: { kind: "restricted", reference: complaint.reference, name: contact.name, restrictions: [...input.restrictions], reasons: input.reasons, contactName: input.contactName, contactWay: input.contactWay, reviewOn: input.reviewOn },
        });
      }
    });
    return true;
  } catch (error) {
    if (violatedUniqueConstraint(error) === "contact_restrictions_in_force") return false;
    throw error;
  }
}

/** Lifts the limits in force and writes to the person: false when none are (someone lifted them meanwhile). */
export async function liftRestriction(db: Database, staff: StaffSignedIn, complaint: { id: string; reference: string }, restrictionId: number, reasons: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const lifted = await tx
      .update(contactRestrictions)
      .set({ liftedAt: new Date(), liftedBy: staff.staffId, liftReasons: reasons })
      .where(and(eq(contactRestrictions.id, restrictionId), eq(contactRestrictions.complaintId, complaint.id), isNull(contactRestrictions.liftedAt)))
      .returning({ id: contactRestrictions.id });
    if (lifted.length === 0) return false;
    await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "contact_restriction_lifted", complaintId: complaint.id, detail: { restriction: restrictionId } });
    for (const [index, contact] of (await letterRecipientsOf(tx, complaint.id)).entries()) {
      await enqueueEmail(tx as unknown as Database, {
        dedupeKey: `restriction-lifted:${restrictionId}:${index}`,
        template: "contactRestriction",
        locale: contact.language,
        recipient: contact.email,
        payload: { kind: "lifted", reference: complaint.reference, name: contact.name, reasons },
      });
    }
    return true;
  });
}
