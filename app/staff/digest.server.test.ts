import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "../../db/client";
import { complaints, outbox } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { openCase } from "~/cases/case-service.server";
import { renderEmail } from "~/mail/templates.server";
import { assignToComplaint } from "./assignments.server";
import { sendStaffDigests } from "./digest.server";
import { addStaffMember } from "./staff-accounts.server";

describe.each(DATABASE_KINDS)("the staff's 9:00 digest on %s", (kind) => {
  let database: OpenDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedReferenceData(db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("emails each member of staff their complaints overdue or due within 2 working days, once a working day", async () => {
    const manager = await addStaffMember(db, { email: "digest.manager@coventry.gov.uk", role: "manager" });
    const investigator = await addStaffMember(db, { email: "digest.investigator@coventry.gov.uk", role: "investigating_officer" });
    await addStaffMember(db, { email: "digest.analyst@coventry.gov.uk", role: "equality_analyst" });
    const open = async (reference: string, nextDueOn: string, status = "investigating") => {
      const opened = await db.transaction((tx) =>
        openCase(tx, { values: { reference, serviceAreaSlug: "housing", pathway: "corporate", language: "en", receivedOn: "2026-11-02", whatWentWrong: "Damp" }, actor: "resident" }),
      );
      await db.update(complaints).set({ nextDueOn, status }).where(eq(complaints.id, opened.id));
      return opened.id;
    };
    const overdue = await open("CCC-DIGE-0001", "2026-12-01");
    await open("CCC-DIGE-0002", "2026-12-04");
    await open("CCC-DIGE-0003", "2026-12-10");
    await open("CCC-DIGE-0004", "2026-11-20", "closed");
    await assignToComplaint(db, { staffId: manager.id, email: manager.email, name: "", role: "manager", sessionId: crypto.randomUUID() }, overdue, investigator.id);

    // Wednesday 2 December 2026: due within 2 working days means by Friday the 4th.
    expect(await sendStaffDigests(db, "2026-12-02")).toBe(2);
    const digests = await db.select().from(outbox).where(eq(outbox.template, "staffDigest"));
    const to = (email: string) => digests.find((row) => row.recipient === email)?.payload as { items: Array<{ reference: string; overdue: boolean }>; total: number; overdue: number } | undefined;
    expect(to(manager.email)?.items.map((item) => [item.reference, item.overdue])).toEqual([["CCC-DIGE-0001", true], ["CCC-DIGE-0002", false]]);
    expect(to(investigator.email)?.items.map((item) => item.reference)).toEqual(["CCC-DIGE-0001"]);
    expect(to("digest.analyst@coventry.gov.uk")).toBeUndefined();

    // Run again (a retry, or a second server): nothing more. Not at weekends or on bank holidays.
    expect(await sendStaffDigests(db, "2026-12-02")).toBe(0);
    expect(await sendStaffDigests(db, "2026-12-05")).toBe(0);
    expect(await sendStaffDigests(db, "2026-12-25")).toBe(0);

    const email = renderEmail("staffDigest", "en", to(manager.email));
    expect(email.subject).toBe("Complaints due: 2 complaints, 1 overdue");
    expect(email.text).toContain("CCC-DIGE-0001: Housing");
    expect(email.text).toContain("overdue, was due 1 December 2026");
    expect(email.text).toContain("due 4 December 2026");
  });
});
