// The sentences a complaint's record is told in — what happened, and where each date stands — shared by the
// complaint pages (app/components/case-record.tsx) and the Ombudsman case file (case-file.ts), so both say the same.
import type { Translate } from "~/i18n/translator";
import type { ComplaintPageData } from "./complaint-page.server";

export const PATHWAY_TEXTS = {
  corporate: ["start.pathwayCorporate", "start.pathwayCorporateText"],
  childrens: ["start.pathwayChildrens", "start.pathwayChildrensText"],
  adults: ["start.pathwayAdults", "start.pathwayAdultsText"],
} as const;

export type HistoryItemView = ComplaintPageData["history"][number];
export type DueDateView = ComplaintPageData["dates"][number];

/** One event of the history as a sentence ("We responded at Stage 1: Upheld"). */
export function historySentence(item: HistoryItemView, t: Translate): string {
  return t(`account.event.${item.type}`, {
    ...item.params,
    ...(typeof item.params.outcome === "string" ? { outcome: t(`account.outcome.${item.params.outcome}`) } : {}),
    ...(typeof item.params.pathway === "string" ? { pathway: t(PATHWAY_TEXTS[item.params.pathway as keyof typeof PATHWAY_TEXTS][0]) } : {}),
    ...(typeof item.params.relationship === "string" ? { relationship: t(`representation.relationship.${item.params.relationship}`) } : {}),
  });
}

/** Where a due date stands: done (on time or late), missed, or why it is not tracked; "asked on" for the person's own dates. */
export function dueProgress(due: DueDateView, t: Translate): { text: string; tone: "met" | "missed" | "plain" } {
  if (due.party === "complainant" && due.doneOn) return { text: t("account.dueStatus.askedOn", { date: due.doneOn }), tone: "plain" };
  if (due.status === "met") return { text: t("account.dueStatus.met", { date: due.doneOn ?? "" }), tone: "met" };
  if (due.status === "missed") return { text: due.doneOn ? t("account.dueStatus.metLate", { date: due.doneOn }) : t("account.dueStatus.missed"), tone: "missed" };
  return { text: t(`account.dueStatus.${due.status}`), tone: "plain" };
}
