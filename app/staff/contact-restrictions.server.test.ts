import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "../../db/client";
import { complaints, outbox, staffAudit } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { openCase } from "~/cases/case-service.server";
import { complaintPage } from "~/cases/complaint-page.server";
import { imposeRestriction, liftRestriction, restrictionInForce } from "./contact-restrictions.server";
import { addStaffMember } from "./staff-accounts.server";
import type { StaffSignedIn } from "./staff-sessions.server";

describe.each(DATABASE_KINDS)("§18 contact limits on %s", (kind) => {
  let database: OpenDatabase;
  let db: Database;
  let staff: StaffSignedIn;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedReferenceData(db);
    const member = await addStaffMember(db, { email: "limits.officer@coventry.gov.uk", role: "complaints_officer", name: "Limits Officer" });
    staff = { staffId: member.id, email: member.email, name: member.name, role: "complaints_officer", sessionId: crypto.randomUUID() };
  });
  afterAll(async () => {
    await database?.close();
  });

  it("sets limits once, writes to the person in their language, shows them on their page, and lifts them once", async () => {
    await db.transaction((tx) =>
      openCase(tx, {
        values: { reference: "CCC-LIMS-0001", serviceAreaSlug: "housing", pathway: "corporate", language: "pl", receivedOn: "2026-11-30", whatWentWrong: "Damp" },
        complainant: { name: "Ola", email: "ola.limits@example.com" },
        actor: "resident",
      }),
    );
    const [row] = await db.select().from(complaints).where(eq(complaints.reference, "CCC-LIMS-0001"));
    const limits = { restrictions: ["written_only"] as const, reasons: "Forty calls in a week.", contactName: "Jo Smith", contactWay: "jo.smith@coventry.gov.uk", reviewOn: "2027-03-01" as const };
    expect(await imposeRestriction(db, staff, row!, limits)).toBe(true);
    expect(await imposeRestriction(db, staff, row!, { ...limits, reasons: "Again" })).toBe(false);
    const letters = await db.select().from(outbox).where(and(eq(outbox.recipient, "ola.limits@example.com"), eq(outbox.template, "contactRestriction")));
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ locale: "pl", payload: { kind: "restricted", restrictions: ["written_only"], contactName: "Jo Smith", reviewOn: "2027-03-01" } });
    expect((await complaintPage(db, row!, "pl", "2026-12-02")).restriction).toEqual({ restrictions: ["written_only"], contactName: "Jo Smith", contactWay: "jo.smith@coventry.gov.uk", reviewOn: "1 marca 2027" });

    const current = await restrictionInForce(db, row!.id);
    expect(await liftRestriction(db, staff, row!, current!.id, "Reviewed: calls are back to normal.")).toBe(true);
    expect(await liftRestriction(db, staff, row!, current!.id, "Twice")).toBe(false);
    expect(await restrictionInForce(db, row!.id)).toBeNull();
    expect((await complaintPage(db, row!, "pl", "2026-12-02")).restriction).toBeNull();
    const after = await db.select().from(outbox).where(and(eq(outbox.recipient, "ola.limits@example.com"), eq(outbox.template, "contactRestriction")));
    expect(after.map((letter) => (letter.payload as { kind: string }).kind).sort()).toEqual(["lifted", "restricted"]);
    const audited = (await db.select().from(staffAudit).where(eq(staffAudit.complaintId, row!.id))).map((entry) => entry.action);
    expect(audited).toEqual(["contact_restricted", "contact_restriction_lifted"]);
    // Lifted, new limits may be set again.
    expect(await imposeRestriction(db, staff, row!, limits)).toBe(true);
  });
});
