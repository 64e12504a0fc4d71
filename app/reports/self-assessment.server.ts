// The Complaint Handling Code self-assessment as staff read it (issue 12, item 3): for a financial year, each of
// the Code's sections with the portal's evidence beside the year before, and the council's commentary. The
// evidence is the complaints report's own tables where it has them (responses, escalations, outcomes, the
// Ombudsman, channels, representatives), and two of its own: acknowledgements against their dates, and
// extensions with their reasons.
import { and, asc, eq, sql } from "drizzle-orm";
import { type Database, rowsOf } from "../../db/client";
import { selfAssessmentComments, staffMembers } from "../../db/schema";
import { PATHWAY_TEXTS } from "~/components/case-record";
import { serverT } from "~/i18n/translate.server";
import { recordStaffAudit } from "~/staff/staff-audit.server";
import type { StaffSignedIn } from "~/staff/staff-sessions.server";
import type { Pathway } from "~/rules/timescales";
import { labelledReport, type LabelledTable } from "./complaint-report.server";
import { financialYear, type Period } from "./period";
import { CODE_SECTIONS, type Evidence } from "./self-assessment";

/** An evidence table: rows with the year's figure and the year before's. */
export interface EvidenceTable {
  readonly id: string;
  readonly rows: readonly { readonly key: string; readonly label: string; readonly now: number; readonly before: number }[];
}

/** Which of the complaints report's tables are which evidence. */
const REPORT_EVIDENCE: Partial<Record<Evidence, readonly LabelledTable["id"][]>> = {
  responses: ["timeliness", "averageDays"],
  escalations: ["received"],
  outcomes: ["outcomes"],
  ombudsman: ["ombudsman"],
  channels: ["channels"],
  representatives: ["representatives"],
};

/** How many of the commonest extension reasons are listed. */
export const EXTENSION_REASONS_LISTED = 10;

type Row = { key: string | null; n: number | string };

async function acknowledgementsAndExtensions(db: Database, { from, to }: Period) {
  const stageKey = sql`c.pathway || '-' || e.stage`;
  const [acknowledged, extended, reasons] = await Promise.all([
    // Each acknowledgement given in the year, against the date it was due by (written as it was recorded).
    db.execute(sql`
      select ${stageKey} || ':' || case when (e.details->>'dueOn')::date >= e.occurred_on then 'within' else 'over' end as key, count(*) as n
      from complaint_events e join complaints c on c.id = e.complaint_id
      where e.type = 'acknowledged' and e.occurred_on between ${from}::date and ${to}::date and e.details ? 'dueOn'
      group by 1`),
    db.execute(sql`
      select ${stageKey} as key, count(*) as n
      from complaint_events e join complaints c on c.id = e.complaint_id
      where e.type = 'extended' and e.occurred_on between ${from}::date and ${to}::date
      group by 1`),
    // The reasons as officers wrote them: the commonest, word for word.
    db.execute(sql`
      select e.details->>'reason' as key, count(*) as n
      from complaint_events e
      where e.type = 'extended' and e.occurred_on between ${from}::date and ${to}::date and coalesce(e.details->>'reason', '') <> ''
      group by 1 order by 2 desc, 1 limit ${EXTENSION_REASONS_LISTED}`),
  ]);
  const counts = (result: unknown) => new Map(rowsOf<Row>(result).filter((row) => row.key !== null).map((row) => [row.key!, Number(row.n)]));
  return { acknowledged: counts(acknowledged), extended: counts(extended), reasons: counts(reasons) };
}

const STAGES = ["corporate-1", "corporate-2", "childrens-1", "childrens-2", "childrens-3", "adults-1"];

/** The evidence for each of the Code's sections, for the financial year starting 1 April `year`. */
export async function selfAssessmentEvidence(db: Database, year: number): Promise<Map<Evidence, EvidenceTable[]>> {
  const period = financialYear(year);
  const [report, now, before] = await Promise.all([labelledReport(db, period), acknowledgementsAndExtensions(db, period), acknowledgementsAndExtensions(db, financialYear(year - 1))]);
  const t = serverT("en");
  const stageName = (key: string) => {
    const [pathway, stage] = key.split("-") as [Pathway, string];
    return t("staff:reports.stageRow", { pathway: t(PATHWAY_TEXTS[pathway][0]), stage });
  };
  const evidence = new Map<Evidence, EvidenceTable[]>();
  for (const [id, tables] of Object.entries(REPORT_EVIDENCE) as [Evidence, readonly string[]][]) {
    evidence.set(
      id,
      report.tables.filter((table) => tables.includes(table.id)),
    );
  }
  evidence.set("acknowledgements", [
    {
      id: "acknowledgements",
      rows: STAGES.flatMap((stage) =>
        (["within", "over"] as const).map((kept) => ({
          key: `${stage}:${kept}`,
          label: t(`staff:selfAssessment.acknowledgedRow.${kept}`, { stage: stageName(stage) }),
          now: now.acknowledged.get(`${stage}:${kept}`) ?? 0,
          before: before.acknowledged.get(`${stage}:${kept}`) ?? 0,
        })),
      ),
    },
  ]);
  const reasons = [...new Set([...now.reasons.keys(), ...before.reasons.keys()])].sort((a, b) => (now.reasons.get(b) ?? 0) - (now.reasons.get(a) ?? 0) || a.localeCompare(b));
  evidence.set("extensions", [
    { id: "extensions", rows: STAGES.map((stage) => ({ key: stage, label: stageName(stage), now: now.extended.get(stage) ?? 0, before: before.extended.get(stage) ?? 0 })) },
    { id: "extensionReasons", rows: reasons.map((reason) => ({ key: reason, label: reason, now: now.reasons.get(reason) ?? 0, before: before.reasons.get(reason) ?? 0 })) },
  ]);
  return evidence;
}

export interface Commentary {
  readonly commentary: string;
  readonly updatedAt: Date;
  readonly by: string;
}

/** The council's commentary for a year, by section. */
export async function commentaryFor(db: Database, year: number): Promise<Map<string, Commentary>> {
  const rows = await db
    .select({ sectionId: selfAssessmentComments.sectionId, commentary: selfAssessmentComments.commentary, updatedAt: selfAssessmentComments.updatedAt, name: staffMembers.name, email: staffMembers.email })
    .from(selfAssessmentComments)
    .innerJoin(staffMembers, eq(staffMembers.id, selfAssessmentComments.updatedBy))
    .where(eq(selfAssessmentComments.financialYear, year))
    .orderBy(asc(selfAssessmentComments.sectionId));
  return new Map(rows.map((row) => [row.sectionId, { commentary: row.commentary, updatedAt: row.updatedAt, by: row.name || row.email }]));
}

/** Writes (or, when empty, clears) a section's commentary for a year, in the staff audit trail too. */
export async function saveCommentary(db: Database, staff: StaffSignedIn, year: number, sectionId: string, commentary: string): Promise<void> {
  if (!CODE_SECTIONS.some((section) => section.id === sectionId)) throw new Error(`no section ${sectionId}`);
  await db.transaction(async (tx) => {
    const where = and(eq(selfAssessmentComments.financialYear, year), eq(selfAssessmentComments.sectionId, sectionId));
    if (commentary === "") {
      await tx.delete(selfAssessmentComments).where(where);
    } else {
      const values = { commentary, updatedBy: staff.staffId, updatedAt: new Date() };
      await tx.insert(selfAssessmentComments).values({ financialYear: year, sectionId, ...values }).onConflictDoUpdate({ target: [selfAssessmentComments.financialYear, selfAssessmentComments.sectionId], set: values });
    }
    await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "self_assessment_commentary", detail: { year, section: sectionId, cleared: commentary === "" } });
  });
}
