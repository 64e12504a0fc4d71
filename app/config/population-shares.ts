// Coventry's population shares, for the equality report to set its figures beside (issue 12, item 2): a data file
// the council fills in from the ONS 2021 census (population-shares.json). The census figures are not in the
// council's documents, so the committed file leaves every share empty and the report says "not given" — never an
// invented figure. Checked when the server starts, so a mistyped file fails loudly rather than misleads.
import { z } from "zod";
import { categoriesOf, type Characteristic, EQUALITY_CHARACTERISTICS } from "~/reports/equality-report";
import { PREFER_NOT_TO_SAY } from "~/equality/equality-questions";
import file from "./population-shares.json";

const share = z.number().min(0).max(100).nullable();

/** The file's shape: a share (per cent, or null) for every answer of every characteristic, and nothing else. */
export const populationSharesSchema = z.object({
  about: z.string(),
  source: z.string().nullable(),
  shares: z
    .object(
      Object.fromEntries(
        EQUALITY_CHARACTERISTICS.map((characteristic) => [
          characteristic,
          z.object(Object.fromEntries(categoriesOf(characteristic).filter((category) => category !== PREFER_NOT_TO_SAY).map((category) => [category, share]))).strict(),
        ]),
      ) as Record<Characteristic, z.ZodObject<Record<string, typeof share>>>,
    )
    .strict(),
});

export type PopulationShares = z.infer<typeof populationSharesSchema>;

export function readPopulationShares(value: unknown): PopulationShares {
  return populationSharesSchema.parse(value);
}

const shares = readPopulationShares(file);

/** The council's figure for a characteristic's answer, in per cent, or null when not given. */
export function populationShare(characteristic: Characteristic, category: string): number | null {
  return shares.shares[characteristic]?.[category] ?? null;
}

/** Where the council's figures come from, when it has said. */
export const populationSource: string | null = shares.source;
