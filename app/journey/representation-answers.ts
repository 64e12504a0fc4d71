// Issue 10: the check-answers rows of a complaint made for someone else — who is complaining and as what, the
// person, and how their permission is given — each with the page to change it on.
import type { ComplaintAnswers, StepId } from "./complaint-steps";
import { RELATIONSHIP_FIELDS, writtenTo } from "./representation-steps";

type Row = { key: string; value: string; step: StepId; label: string };

export function representationRows(answers: ComplaintAnswers, t: (key: string) => string, languageName: (code: string | undefined) => string): Row[] {
  const whoFor: Row = {
    key: "whoFor",
    label: t("complaint.checkAnswers.whoFor"),
    value: t(answers.complainingFor === "someone_else" ? "complaint.whoFor.options.someoneElse" : "complaint.whoFor.options.myself"),
    step: "who-for",
  };
  if (answers.complainingFor !== "someone_else") return [whoFor];
  const saved = answers as Record<string, string | undefined>;
  const detailField = answers.relationship ? RELATIONSHIP_FIELDS[answers.relationship as keyof typeof RELATIONSHIP_FIELDS] : undefined;
  const detail = detailField ? saved[detailField] : "";
  const given = (value: string | undefined) => (value ? value : t("complaint.checkAnswers.notGiven"));
  const yesNo = (value: string | undefined) => (value === "yes" ? t("yes") : t("no"));
  const rows: Array<Row | false> = [
    whoFor,
    { key: "relationship", label: t("complaint.checkAnswers.relationship"), value: [t(`representation.relationship.${answers.relationship ?? "other"}`), detail].filter(Boolean).join(": "), step: "relationship" },
    { key: "yourDetails", label: t("complaint.checkAnswers.yourDetails"), value: [answers.representativeName, answers.representativePhone].filter(Boolean).join("\n"), step: "your-details" },
    { key: "personName", label: t("complaint.checkAnswers.personName"), value: given(answers.personName), step: "person-name" },
    {
      key: "personContact",
      label: t("complaint.checkAnswers.personContact"),
      value: [answers.personEmail, answers.personPhone, answers.personAddress].filter(Boolean).join("\n") || t("complaint.checkAnswers.notGiven"),
      step: "person-contact",
    },
    writtenTo(answers) && { key: "personLanguage", label: t("complaint.checkAnswers.personLanguage"), value: languageName(answers.personLanguage), step: "person-language" },
    { key: "personUnder18", label: t("complaint.checkAnswers.personUnder18"), value: yesNo(answers.personUnder18), step: "person-age" },
    { key: "personCanConsent", label: t("complaint.checkAnswers.personCanConsent"), value: yesNo(answers.personCanConsent), step: "person-consent" },
    answers.personCanConsent === "no" && {
      key: "cannotConsent",
      label: t("complaint.checkAnswers.cannotConsent"),
      value: t(`complaint.cannotConsent.options.${answers.cannotConsentReason ?? "child"}`),
      step: "cannot-consent",
    },
    answers.personCanConsent === "no" && answers.cannotConsentReason === "lacks_capacity" && {
      key: "capacityAuthority",
      label: t("complaint.checkAnswers.authority"),
      value: t(`complaint.capacityAuthority.options.${answers.capacityAuthority ?? "best_interests"}`),
      step: "capacity-authority",
    },
    answers.personCanConsent === "no" && answers.cannotConsentReason === "died" && {
      key: "deathAuthority",
      label: t("complaint.checkAnswers.authority"),
      value: t(`complaint.deathAuthority.options.${answers.deathAuthority ?? "next_of_kin"}`),
      step: "death-authority",
    },
    answers.personCanConsent === "no" && answers.cannotConsentReason === "child" && {
      key: "childViews",
      label: t("complaint.checkAnswers.childViews"),
      value: [t(`complaint.childViews.options.${answers.childAgrees ?? "too_young"}`), answers.childViews].filter(Boolean).join("\n"),
      step: "child-views",
    },
    answers.personCanConsent === "yes" && {
      key: "consentRoute",
      label: t("complaint.checkAnswers.consentRoute"),
      value: t(`complaint.consentRoute.options.${answers.consentRoute ?? "online"}`),
      step: "consent-route",
    },
  ];
  return rows.filter((row): row is Row => row !== false);
}
