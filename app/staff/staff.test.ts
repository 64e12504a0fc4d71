import { eq, sql } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "../../db/client";
import { caseFlags, complaints, outbox, staffAudit, staffMembers } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { complaintForStaff } from "~/cases/access.server";
import { openCase } from "~/cases/case-service.server";
import { RateLimits, rateLimitsFromEnv } from "~/http/rate-limits.server";
import { activeStaffByEmail, addStaffMember, deactivateStaffMember, listStaff, resetAuthenticator } from "./staff-accounts.server";
import { recordStaffAudit } from "./staff-audit.server";
import { NO_FILTERS, type QueueFilters } from "./queue";
import { queuePage } from "./queue.server";
import { assignedTo, assignToComplaint, unassignFromComplaint } from "./assignments.server";
import { flagSeriousAllegation, flagsOf } from "./flags.server";
import { endStaffSession, readPendingStaffSignIn, signedInStaff, startStaffSession } from "./staff-sessions.server";
import { sendStaffSignInCode } from "./staff-sign-in.server";
import { checkAuthenticatorCode, secretForSetUp, setUpDetails } from "./two-factor.server";

const withCookie = (setCookie: string) => new Request("http://localhost/staff", { headers: { Cookie: setCookie.split(";")[0]! } });
const epochOf = (date: Date) => Math.floor(date.getTime() / 1000);

describe.each(DATABASE_KINDS)("staff accounts and sign-in on %s", (kind) => {
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

  it("adds staff by their lower-case address, changes a role on adding again, and audits both", async () => {
    const added = await addStaffMember(db, { email: " Sam.Jones@Coventry.gov.uk ", role: "complaints_officer", name: "Sam Jones" });
    expect(added).toMatchObject({ email: "sam.jones@coventry.gov.uk", role: "complaints_officer", active: true });
    const again = await addStaffMember(db, { email: "sam.jones@coventry.gov.uk", role: "manager" });
    expect(again).toMatchObject({ id: added.id, role: "manager", name: "Sam Jones" });
    const audited = await db.select().from(staffAudit).where(eq(staffAudit.action, "staff_added"));
    expect(audited.filter((row) => (row.detail as { email: string }).email === "sam.jones@coventry.gov.uk")).toHaveLength(2);
  });

  it("keeps the audit trail append-only, whoever asks", async () => {
    await recordStaffAudit(db, { staffId: null, action: "test_entry" });
    await expect(db.update(staffAudit).set({ action: "changed" }).where(eq(staffAudit.action, "test_entry"))).rejects.toThrow();
    await expect(db.delete(staffAudit).where(eq(staffAudit.action, "test_entry"))).rejects.toThrow();
    await expect(db.execute(sql`truncate staff_audit`)).rejects.toThrow();
    expect(await db.select().from(staffAudit).where(eq(staffAudit.action, "test_entry"))).toHaveLength(1);
  });

  it("emails a code only to an active member of staff, and the pages cannot tell the difference", async () => {
    await addStaffMember(db, { email: "officer@coventry.gov.uk", role: "complaints_officer" });
    const staffCookie = await sendStaffSignInCode(db, "officer@coventry.gov.uk");
    const strangerCookie = await sendStaffSignInCode(db, "someone@example.com");
    expect((await readPendingStaffSignIn(db, withCookie(staffCookie)))?.codeId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await readPendingStaffSignIn(db, withCookie(strangerCookie)))?.codeId).toMatch(/^[0-9a-f-]{36}$/);
    const mail = await db.select().from(outbox).where(eq(outbox.template, "signInCode"));
    expect(mail.map((row) => row.recipient)).toContain("officer@coventry.gov.uk");
    expect(mail.map((row) => row.recipient)).not.toContain("someone@example.com");
  });

  it("sets up an authenticator app with the first right code, and never takes the same code twice", async () => {
    const member = (await addStaffMember(db, { email: "totp@coventry.gov.uk", role: "manager" }))!;
    const secret = await secretForSetUp(db, member);
    expect(await secretForSetUp(db, (await activeStaffByEmail(db, member.email))!)).toBe(secret);
    const { uri, qrSvg } = await setUpDetails(member.email, secret);
    expect(uri).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(qrSvg).not.toMatch(/<script|style=/i);

    const now = new Date("2026-12-02T09:00:10Z");
    const fresh = () => activeStaffByEmail(db, member.email).then((row) => row!);
    const wrong = String((Number(await generate({ secret, epoch: epochOf(now) })) + 1) % 1_000_000).padStart(6, "0");
    expect(await checkAuthenticatorCode(db, await fresh(), wrong, now)).toBe(false);
    const code = await generate({ secret, epoch: epochOf(now) });
    expect(await checkAuthenticatorCode(db, await fresh(), code, now)).toBe(true);
    expect((await fresh()).totpConfirmedAt).not.toBeNull();
    // Replayed within its 30 seconds: refused.
    expect(await checkAuthenticatorCode(db, await fresh(), code, new Date(now.getTime() + 5_000))).toBe(false);
    // The next step's code works; a confirmed secret is not replaced.
    const later = new Date(now.getTime() + 30_000);
    expect(await checkAuthenticatorCode(db, await fresh(), await generate({ secret, epoch: epochOf(later) }), later)).toBe(true);
    await expect(secretForSetUp(db, await fresh())).rejects.toThrow();
    expect((await fresh()).totpSecret).toBe(secret);
  });

  it("lets an authenticator code be tried 10 times in 15 minutes for one member, so six digits cannot be guessed", async () => {
    const limits = new RateLimits(db, rateLimitsFromEnv({}));
    const member = crypto.randomUUID();
    for (let i = 0; i < 10; i++) expect((await limits.consume([["authenticator-codes-per-member", member]])).ok).toBe(true);
    const refused = await limits.consume([["authenticator-codes-per-member", member]]);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // Another member is not held up.
    expect((await limits.consume([["authenticator-codes-per-member", crypto.randomUUID()]])).ok).toBe(true);
  });

  it("starts a session after both codes, and ends it on sign-out or at once on deactivation", async () => {
    const member = (await addStaffMember(db, { email: "leaver@coventry.gov.uk", role: "complaints_officer", name: "Lee Ver" }))!;
    const cookie = await startStaffSession(db, member.id);
    expect(await signedInStaff(db, withCookie(cookie))).toMatchObject({ staffId: member.id, role: "complaints_officer", name: "Lee Ver" });
    // A resident's session cookie is not a staff session.
    expect(await signedInStaff(db, new Request("http://localhost/staff", { headers: { Cookie: "session=abc" } }))).toBeNull();
    await deactivateStaffMember(db, member.id, null);
    expect(await signedInStaff(db, withCookie(cookie))).toBeNull();
    expect(await activeStaffByEmail(db, member.email)).toBeNull();

    const other = (await addStaffMember(db, { email: "stayer@coventry.gov.uk", role: "manager" }))!;
    const second = await startStaffSession(db, other.id);
    await endStaffSession(db, withCookie(second));
    expect(await signedInStaff(db, withCookie(second))).toBeNull();
  });

  it("resets a lost authenticator: set up again at the next sign-in, sessions ended, audited, and listed as not set up", async () => {
    const member = (await addStaffMember(db, { email: "lost.phone@coventry.gov.uk", role: "complaints_officer", name: "Lost Phone" }))!;
    const secret = await secretForSetUp(db, member);
    expect(await checkAuthenticatorCode(db, (await activeStaffByEmail(db, member.email))!, await generate({ secret }))).toBe(true);
    const cookie = await startStaffSession(db, member.id);
    expect((await listStaff(db)).find((row) => row.id === member.id)?.authenticator).toBeInstanceOf(Date);
    await resetAuthenticator(db, member.id, null);
    expect(await signedInStaff(db, withCookie(cookie))).toBeNull();
    const [after] = await db.select().from(staffMembers).where(eq(staffMembers.id, member.id));
    expect([after?.totpSecret, after?.totpConfirmedAt, after?.active]).toEqual([null, null, true]);
    // A new key can be set up now; the old one is gone.
    expect(await secretForSetUp(db, after!)).not.toBe(secret);
    expect((await listStaff(db)).find((row) => row.id === member.id)?.authenticator).toBeNull();
    const audited = await db.select().from(staffAudit).where(eq(staffAudit.action, "authenticator_reset"));
    expect(audited.map((row) => (row.detail as { staffId: string }).staffId)).toContain(member.id);
  });

  it("lists open complaints soonest due first, and none for a role without complaints", async () => {
    const open = async (reference: string, nextDueOn: string | null, status = "investigating") => {
      const opened = await db.transaction((tx) =>
        openCase(tx, { values: { reference, serviceAreaSlug: "housing", pathway: "corporate", language: "en", receivedOn: "2026-11-20", whatWentWrong: "Damp" }, complainant: { name: reference.endsWith("3") ? "Morgan Quinn" : "A", email: "" }, actor: "resident" }),
      );
      await db.update(complaints).set({ nextDueOn, status }).where(eq(complaints.id, opened.id));
    };
    await open("CCC-QUEU-0003", "2026-12-20");
    await open("CCC-QUEU-0001", "2026-11-30");
    await open("CCC-QUEU-0002", "2026-12-03");
    await open("CCC-QUEU-0004", null, "closed");
    const { rows, total } = await queuePage(db, { role: "complaints_officer", staffId: crypto.randomUUID() }, 1, "2026-12-02");
    const mine = rows.filter((row) => row.reference.startsWith("CCC-QUEU"));
    expect(mine.map((row) => [row.reference, row.urgency])).toEqual([
      ["CCC-QUEU-0001", "overdue"],
      ["CCC-QUEU-0002", "due_soon"],
      ["CCC-QUEU-0003", "on_track"],
    ]);
    expect(mine[0]?.service).not.toBe("housing");
    expect(total).toBeGreaterThanOrEqual(3);
    expect(await queuePage(db, { role: "equality_analyst", staffId: crypto.randomUUID() }, 1, "2026-12-02")).toEqual({ rows: [], total: 0 });
    // Searched by reference or by the complainant's name (LIKE's own characters matched as themselves), narrowed
    // by status and process.
    const refs = async (filters: Partial<QueueFilters>) =>
      (await queuePage(db, { role: "complaints_officer", staffId: crypto.randomUUID() }, 1, "2026-12-02", { ...NO_FILTERS, ...filters })).rows.map((row) => row.reference).filter((reference) => reference.startsWith("CCC-QUEU"));
    expect(await refs({ search: "queu-0002" })).toEqual(["CCC-QUEU-0002"]);
    expect(await refs({ search: "Quinn" })).toEqual(["CCC-QUEU-0003"]);
    expect(await refs({ search: "%" })).toEqual([]);
    expect(await refs({ status: "triage" })).toEqual([]);
    expect(await refs({ status: "investigating", pathway: "corporate" })).toHaveLength(3);
    expect(await refs({ pathway: "adults" })).toEqual([]);
    expect(await refs({ stage: "1", service: "housing" })).toHaveLength(3);
    expect(await refs({ stage: "2" })).toEqual([]);
    expect(await refs({ service: "parking" })).toEqual([]);
    // Decisions waiting: a representation for the council to decide, a late request for Stage 2.
    expect(await refs({ awaiting: "representation" })).toEqual([]);
    expect(await refs({ awaiting: "late_request" })).toEqual([]);
    // A complaint's own page: every role that reaches all complaints sees it; investigating officers, panel members
    // (nothing assigned yet) and the equality analyst do not, nor does a malformed reference.
    expect((await complaintForStaff(db, { role: "complaints_officer", staffId: crypto.randomUUID() }, "CCC-QUEU-0001"))?.reference).toBe("CCC-QUEU-0001");
    expect((await complaintForStaff(db, { role: "manager", staffId: crypto.randomUUID() }, "CCC-QUEU-0001"))?.reference).toBe("CCC-QUEU-0001");
    for (const role of ["investigating_officer", "independent_investigator", "equality_analyst"] as const) {
      expect(await complaintForStaff(db, { role, staffId: crypto.randomUUID() }, "CCC-QUEU-0001"), role).toBeNull();
    }
    expect(await complaintForStaff(db, { role: "manager", staffId: crypto.randomUUID() }, "ccc-queu-0001' or 1=1")).toBeNull();
    // The members table's check keeps roles to the five.
    await expect(db.insert(staffMembers).values({ email: "odd@coventry.gov.uk", role: "admin" })).rejects.toThrow();
  });

  it("shows an investigating officer or panel member only the complaints assigned or appointed to them", async () => {
    const manager = await addStaffMember(db, { email: "assigning.manager@coventry.gov.uk", role: "manager" });
    const by = { staffId: manager.id, email: manager.email, name: "", role: "manager" as const, sessionId: crypto.randomUUID() };
    const investigator = await addStaffMember(db, { email: "investigator@coventry.gov.uk", role: "investigating_officer", name: "Ivy" });
    const panel = await addStaffMember(db, { email: "panel@coventry.gov.uk", role: "independent_investigator", name: "Pat" });
    const officer = await addStaffMember(db, { email: "not.assignable@coventry.gov.uk", role: "complaints_officer" });
    const opened = await db.transaction((tx) =>
      openCase(tx, { values: { reference: "CCC-ASSI-0001", serviceAreaSlug: "housing", pathway: "corporate", language: "en", receivedOn: "2026-11-30", whatWentWrong: "Damp" }, actor: "resident" }),
    );
    const asInvestigator = { role: "investigating_officer" as const, staffId: investigator.id };
    const asPanel = { role: "independent_investigator" as const, staffId: panel.id };
    const queued = async (who: typeof asInvestigator | typeof asPanel) => (await queuePage(db, who, 1, "2026-12-02")).rows.map((row) => row.reference);
    expect(await complaintForStaff(db, asInvestigator, "CCC-ASSI-0001")).toBeNull();
    expect(await queued(asInvestigator)).toEqual([]);

    expect(await assignToComplaint(db, by, opened.id, investigator.id)).toBe(true);
    expect(await assignToComplaint(db, by, opened.id, investigator.id)).toBe(true);
    // Only investigating officers and independent investigators are assigned; a form with no one chosen (or a
    // malformed id) is refused, not an error from the database.
    expect(await assignToComplaint(db, by, opened.id, officer.id)).toBe(false);
    expect(await assignToComplaint(db, by, opened.id, "")).toBe(false);
    await unassignFromComplaint(db, by, opened.id, "not-an-id");
    expect((await complaintForStaff(db, asInvestigator, "CCC-ASSI-0001"))?.id).toBe(opened.id);
    expect(await queued(asInvestigator)).toEqual(["CCC-ASSI-0001"]);
    expect(await complaintForStaff(db, asPanel, "CCC-ASSI-0001")).toBeNull();
    expect((await assignedTo(db, opened.id)).map((person) => person.name)).toEqual(["Ivy"]);
    // The queue narrowed to an officer's complaints, for those who see them all.
    const byOfficer = await queuePage(db, { role: "manager", staffId: manager.id }, 1, "2026-12-02", { ...NO_FILTERS, officer: investigator.id });
    expect(byOfficer.rows.map((row) => row.reference)).toEqual(["CCC-ASSI-0001"]);

    await unassignFromComplaint(db, by, opened.id, investigator.id);
    expect(await complaintForStaff(db, asInvestigator, "CCC-ASSI-0001")).toBeNull();

    // A serious allegation (§8): every active manager is emailed at once, without the details.
    await flagSeriousAllegation(db, by, { id: opened.id, reference: "CCC-ASSI-0001" }, { kind: "safeguarding", details: "A child may be at risk." });
    expect((await flagsOf(db, opened.id)).map((flag) => [flag.kind, flag.details])).toEqual([["safeguarding", "A child may be at risk."]]);
    const notices = await db.select().from(outbox).where(eq(outbox.template, "seriousAllegation"));
    expect(notices.map((row) => row.recipient)).toContain(manager.email);
    expect(notices.map((row) => row.recipient)).not.toContain(investigator.email);
    expect(JSON.stringify(notices.map((row) => row.payload))).not.toContain("A child may be at risk.");
    await expect(db.insert(caseFlags).values({ complaintId: opened.id, kind: "gossip", details: "x", flaggedBy: manager.id })).rejects.toThrow();

    const audited = await db.select().from(staffAudit).where(eq(staffAudit.complaintId, opened.id));
    expect(audited.map((row) => row.action)).toEqual(["assigned", "unassigned", "flagged"]);
  });
});
