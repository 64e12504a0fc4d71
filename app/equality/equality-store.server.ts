// Records equality answers through the one door the web application has to them (equality.record_answers, see
// db/migrations/0002_equality_apart.sql). Nothing here reads them back: reports count them, elsewhere.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Database, rowsOf } from "../../db/client";
import type { Pathway } from "~/rules/timescales";

/** How many answers wait before they are released together (EQUALITY_BATCH_SIZE, at least 2). */
export function equalityBatchSize(env: Record<string, string | undefined> = process.env): number {
  const size = Number(env.EQUALITY_BATCH_SIZE ?? 10);
  return Number.isInteger(size) && size >= 2 ? size : 10;
}

export type EqualityRecord = {
  /** The token's nonce: recorded once, whatever is posted again. */
  nonce: string;
  pathway: Pathway;
  serviceArea: string;
  month: string;
  answers: Record<string, string>;
};

/** Records one resident's answers; false when this token's answers were already recorded. */
export async function recordEqualityAnswers(db: Database, record: EqualityRecord, batchSize = equalityBatchSize()): Promise<boolean> {
  const tokenHash = createHash("sha256").update(record.nonce).digest("hex");
  const result = await db.execute(
    sql`select equality.record_answers(${tokenHash}, ${record.pathway}::pathway, ${record.serviceArea}, ${record.month}, ${JSON.stringify(record.answers)}::jsonb, ${batchSize}) as recorded`,
  );
  return rowsOf<{ recorded: boolean }>(result)[0]?.recorded === true;
}
