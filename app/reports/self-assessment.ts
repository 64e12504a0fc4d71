// The Complaint Handling Code self-assessment (issue 12, item 3): the Code's sections, from a data file the
// council maintains (app/config/complaint-handling-code.json; the Code's text is not in the council's documents),
// each with the portal's evidence for the year and the council's commentary. Pure: the file's shape, the evidence
// on offer, and the commentary's checks.
import { z } from "zod";
import code from "~/config/complaint-handling-code.json";

/** What the portal can show as evidence, each from its own records for the year. */
export const EVIDENCE = ["acknowledgements", "responses", "extensions", "escalations", "outcomes", "ombudsman", "channels", "representatives"] as const;
export type Evidence = (typeof EVIDENCE)[number];

export const codeSchema = z.object({
  about: z.string(),
  sections: z
    .array(z.object({ id: z.string().regex(/^[0-9A-Za-z.]{1,10}$/), title: z.string().min(1).max(200), evidence: z.array(z.enum(EVIDENCE)) }).strict())
    .min(1)
    .refine((sections) => new Set(sections.map((section) => section.id)).size === sections.length, "each section's id must be different"),
});
export type CodeSection = z.infer<typeof codeSchema>["sections"][number];

export function readCode(value: unknown): CodeSection[] {
  return codeSchema.parse(value).sections;
}

/** The sections the council assesses itself against, checked when the server starts. */
export const CODE_SECTIONS: readonly CodeSection[] = readCode(code);

export function codeSection(id: string | undefined): CodeSection | undefined {
  return CODE_SECTIONS.find((section) => section.id === id);
}

/** The longest commentary on one section. */
export const COMMENTARY_LIMIT = 5000;

/** The commentary posted for a section: any text up to the limit; empty clears it. */
export function readCommentary(posted: { get(name: string): string | null | undefined }): { ok: true; commentary: string } | { ok: false; errors: Record<string, string> } {
  const commentary = (posted.get("commentary") ?? "").replace(/\r\n/g, "\n").trim();
  if (commentary.length > COMMENTARY_LIMIT) return { ok: false, errors: { commentary: "staff:selfAssessment.error.tooLong" } };
  return { ok: true, commentary };
}
