// The optional equality monitoring questions (RULES §6), asked after the complaint has been sent (GOV.UK
// equality information pattern) and kept apart from it. Pure data and checks: one radio question a page, each
// answer one of its options, "prefer not to say", or nothing at all, since every question may be skipped.
// Categories follow the ONS 2021 census, so reports can sit beside Coventry's population figures.
import { z } from "zod/mini";

export const EQUALITY_OPTIONS = {
  ageBand: ["under_16", "16_24", "25_34", "35_49", "50_64", "65_plus"],
  disability: ["yes", "no"],
  disabilityImpact: ["a_lot", "a_little", "not_at_all"],
  sex: ["female", "male"],
  genderIdentitySame: ["yes", "no"],
  sexualOrientation: ["straight", "gay_lesbian", "bisexual", "other"],
  religion: ["none", "christian", "buddhist", "hindu", "jewish", "muslim", "sikh", "other"],
  ethnicGroup: ["asian", "black", "mixed", "white", "other"],
  pregnancy: ["yes", "no"],
} as const;

export const ETHNIC_GROUPS = {
  asian: ["indian", "pakistani", "bangladeshi", "chinese", "other_asian"],
  black: ["african", "caribbean", "other_black"],
  mixed: ["white_black_caribbean", "white_black_african", "white_asian", "other_mixed"],
  white: ["english_welsh_scottish_ni_british", "irish", "gypsy_irish_traveller", "roma", "other_white"],
  other: ["arab", "any_other"],
} as const;
export type EthnicGroup = keyof typeof ETHNIC_GROUPS;

export const PREFER_NOT_TO_SAY = "prefer_not_to_say";

export type EqualityKey = keyof typeof EQUALITY_OPTIONS | "ethnicBackground";

/** What the resident has answered so far: a question answered with "" was skipped. */
export type EqualityProgress = { optIn?: "yes" | "no"; answers: Partial<Record<EqualityKey, string>> };

export type EqualityOption = { value: string; labelKey: string };

export type EqualityPage = {
  /** The page's address: /complaint/equality/<id>. */
  id: string;
  /** What the page asks: the opt-in, or one equality question. */
  key: "optIn" | EqualityKey;
  titleKey: string;
  /** The choices, which for the ethnic background depend on the group chosen. */
  options: (progress: EqualityProgress) => EqualityOption[];
  applies: (progress: EqualityProgress) => boolean;
};

export const EQUALITY_START = "questions";

const choices = (key: EqualityKey, values: readonly string[]): EqualityOption[] => [
  ...values.map((value) => ({ value, labelKey: `complaint.equality.${key}.options.${value}` })),
  { value: PREFER_NOT_TO_SAY, labelKey: "complaint.equality.preferNotToSay" },
];

function question(
  id: string,
  key: keyof typeof EQUALITY_OPTIONS,
  applies: (progress: EqualityProgress) => boolean = () => true,
): EqualityPage {
  return {
    id,
    key,
    titleKey: `complaint.equality.${key}.title`,
    options: () => choices(key, EQUALITY_OPTIONS[key]),
    applies: (progress) => progress.optIn === "yes" && applies(progress),
  };
}

export function ethnicBackgroundOptions(group: string | undefined): EqualityOption[] {
  return choices("ethnicBackground", group && group in ETHNIC_GROUPS ? ETHNIC_GROUPS[group as EthnicGroup] : []);
}

export const EQUALITY_PAGES: readonly EqualityPage[] = [
  {
    id: EQUALITY_START,
    key: "optIn",
    titleKey: "complaint.equality.optIn.title",
    options: () => [
      { value: "yes", labelKey: "complaint.equality.optIn.options.yes" },
      { value: "no", labelKey: "complaint.equality.optIn.options.no" },
    ],
    applies: () => true,
  },
  question("age", "ageBand"),
  question("disability", "disability"),
  question("disability-impact", "disabilityImpact", (progress) => progress.answers.disability === "yes"),
  question("sex", "sex"),
  question("gender-identity", "genderIdentitySame"),
  question("sexual-orientation", "sexualOrientation"),
  question("religion", "religion"),
  question("ethnic-group", "ethnicGroup"),
  {
    // The ONS 2021 census's second step: the backgrounds within the group chosen.
    id: "ethnic-background",
    key: "ethnicBackground",
    titleKey: "complaint.equality.ethnicBackground.title",
    options: (progress) => ethnicBackgroundOptions(progress.answers.ethnicGroup),
    applies: (progress) => progress.optIn === "yes" && (progress.answers.ethnicGroup ?? "") in ETHNIC_GROUPS,
  },
  question("pregnancy", "pregnancy"),
];

export function equalityPage(id: string): EqualityPage | undefined {
  return EQUALITY_PAGES.find((page) => page.id === id);
}

const answered = (page: EqualityPage, progress: EqualityProgress) =>
  page.key === "optIn" ? progress.optIn !== undefined : progress.answers[page.key] !== undefined;

/** The pages this resident meets, in order, given their answers so far. */
export function equalityJourney(progress: EqualityProgress): EqualityPage[] {
  return EQUALITY_PAGES.filter((page) => page.applies(progress));
}

/** A page can be shown when it applies and every page before it has been answered. */
export function canVisitEquality(id: string, progress: EqualityProgress): boolean {
  const pages = equalityJourney(progress);
  const index = pages.findIndex((page) => page.id === id);
  return index !== -1 && pages.slice(0, index).every((page) => answered(page, progress));
}

/** The page after this one, or null when the questions are done. */
export function nextEqualityPage(id: string, progress: EqualityProgress): string | null {
  const pages = equalityJourney(progress);
  return pages.slice(pages.findIndex((page) => page.id === id) + 1).find((page) => !answered(page, progress))?.id ?? null;
}

/** The page before this one, for the back link; null on the first. */
export function previousEqualityPage(id: string, progress: EqualityProgress): string | null {
  const pages = equalityJourney(progress);
  const index = pages.findIndex((page) => page.id === id);
  return index > 0 ? pages[index - 1]!.id : null;
}

/** Where to carry on: the first page not yet answered (the last page when all are). */
export function resumeEqualityAt(progress: EqualityProgress): string {
  const pages = equalityJourney(progress);
  return (pages.find((page) => !answered(page, progress)) ?? pages[pages.length - 1]!).id;
}

/**
 * Checks one page's answer against the choices the page offered: the opt-in must be answered; a question's
 * answer is one of its choices, or nothing (skipped). The same function runs in the browser (react-hook-form)
 * and in the action.
 */
export function checkEqualityAnswer(
  page: Pick<EqualityPage, "key">,
  value: string | undefined,
  allowed: readonly string[],
): { ok: true; value: string } | { ok: false; error: string } {
  if (page.key === "optIn") {
    const parsed = z.enum(["yes", "no"]).safeParse(value);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: "complaint.equality.optIn.error.required" };
  }
  const parsed = z.union([z.enum(allowed as [string, ...string[]]), z.literal("")]).safeParse(value ?? "");
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: "errors.form.invalid" };
}

/** Records one page's answer; changing the opt-in to "no" forgets any answers given. */
export function withAnswer(progress: EqualityProgress, page: EqualityPage, value: string): EqualityProgress {
  if (page.key === "optIn") return { optIn: value as "yes" | "no", answers: value === "yes" ? progress.answers : {} };
  const answers = { ...progress.answers, [page.key]: value };
  // A new ethnic group makes the background chosen within the old one meaningless.
  if (page.key === "ethnicGroup" && progress.answers.ethnicGroup !== value) delete answers.ethnicBackground;
  if (page.key === "disability" && value !== "yes") delete answers.disabilityImpact;
  return { ...progress, answers };
}

/** The answers worth keeping: those given to questions that still apply, never a skipped one. */
export function givenAnswers(progress: EqualityProgress): Partial<Record<EqualityKey, string>> {
  if (progress.optIn !== "yes") return {};
  const applying = new Set(equalityJourney(progress).map((page) => page.key));
  return Object.fromEntries(
    Object.entries(progress.answers).filter(([key, value]) => applying.has(key as EqualityKey) && typeof value === "string" && value !== ""),
  );
}
