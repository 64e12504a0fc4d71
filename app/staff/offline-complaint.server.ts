// Logging a complaint received offline (issue 11, item 3): opened through the case service like an online one, on
// the day it reached the council (so its deadlines run from then), with how it came recorded on its received
// event. The form's identity is the complaint's draftId, so a form posted twice makes one complaint.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { violatedUniqueConstraint } from "../../db/errors";
import { complaints, serviceAreas } from "../../db/schema";
import { openCase } from "~/cases/case-service.server";
import { serviceAreaNamesIn } from "~/cases/complaint-page.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { newComplaintReference } from "~/models/complaint-reference";
import { acknowledgementKey, firstDueDates } from "~/models/complaints.server";
import type { Pathway } from "~/rules/timescales";
import type { OfflineComplaint } from "./offline-complaint";
import { recordStaffAudit } from "./staff-audit.server";
import type { StaffSignedIn } from "./staff-sessions.server";

export async function logOfflineComplaint(db: Database, staff: StaffSignedIn, formId: string, input: OfflineComplaint): Promise<{ reference: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ reference: complaints.reference }).from(complaints).where(eq(complaints.draftId, formId));
    if (existing) return { reference: existing.reference, created: false };
    const [area] = await tx.select({ pathway: serviceAreas.pathway }).from(serviceAreas).where(eq(serviceAreas.slug, input.serviceArea));
    // RULES §2: the process suggested by the service, which the officer confirms or changes at triage.
    const pathway = area!.pathway as Pathway;
    let opened: { id: string; reference: string } | undefined;
    let postedTwice = false;
    for (let attempt = 0; !opened && !postedTwice && attempt < 5; attempt++) {
      const reference = newComplaintReference();
      opened = await tx
        .transaction((savepoint) =>
          openCase(savepoint, {
            values: {
              reference, serviceAreaSlug: input.serviceArea, pathway, language: input.language, receivedOn: input.receivedOn,
              whatWentWrong: input.whatWentWrong, howAffected: input.howAffected, outcomeWanted: input.outcomeWanted, draftId: formId,
            },
            complainant: { name: input.name, email: input.email, phone: input.phone, address: input.address, preferredContact: input.email ? "email" : input.address ? "post" : "phone" },
            actor: "staff",
            channel: input.channel,
          }),
        )
        .catch((error: unknown) => {
          const violated = violatedUniqueConstraint(error);
          if (violated === "complaints_reference_unique") return undefined;
          // The same form posted at the same moment: the other post made the complaint.
          if (violated === "complaints_draft_id_unique") {
            postedTwice = true;
            return undefined;
          }
          throw error;
        });
    }
    if (postedTwice) {
      const [made] = await tx.select({ reference: complaints.reference }).from(complaints).where(eq(complaints.draftId, formId));
      return { reference: made!.reference, created: false };
    }
    if (!opened) throw new Error("Could not find an unused complaint reference");
    await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "logged_offline", complaintId: opened.id, detail: { channel: input.channel } });
    // The acknowledgement of receipt goes by email when they gave an address; otherwise letters are posted (the case
    // page says so).
    if (input.email) {
      const { acknowledgeBy, responseBy } = firstDueDates(pathway, input.receivedOn);
      const names = await serviceAreaNamesIn(tx as unknown as Database, input.language, [input.serviceArea]);
      await enqueueEmail(tx as unknown as Database, {
        dedupeKey: acknowledgementKey(opened.reference),
        template: "acknowledgement",
        locale: input.language,
        recipient: input.email,
        payload: { reference: opened.reference, name: input.name, serviceAreaName: names.get(input.serviceArea) ?? input.serviceArea, pathway, receivedOn: input.receivedOn, acknowledgeBy, respondBy: responseBy },
      });
    }
    return { reference: opened.reference, created: true };
  });
}
