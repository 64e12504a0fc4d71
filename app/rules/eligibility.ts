// RULES §4–§5 (policy §5–§9, Appendices A–B): screening a resident's answers before they send a complaint.
// The portal screens and advises; it never discards a submission (RULES §5 [interpretation]).
import {
  CHILDRENS_SCOPE_EXCLUSIONS,
  type ExcludedSubject,
  isChildrensScopeExclusion,
  isExcludedSubject,
  OUT_OF_SCOPE_SUBJECTS,
  OWN_APPEAL_ROUTE_SUBJECTS,
  type Subject,
} from "./subjects";
import { addCalendarMonths, type IsoDate } from "./calendar-dates";
import { OMBUDSMAN_CONTACT } from "./ombudsman";
import { TIMESCALES, type Pathway } from "./timescales";

export {
  CHILDRENS_SCOPE_EXCLUSIONS,
  isChildrensScopeExclusion,
  isExcludedSubject,
  OUT_OF_SCOPE_SUBJECTS,
  OWN_APPEAL_ROUTE_SUBJECTS,
  SUBJECTS,
  type ChildrensScopeExclusion,
  type ExcludedSubject,
  type Subject,
} from "./subjects";

/** Matters any service may meet, offered whichever service the resident chose. */
const SUBJECTS_FOR_EVERY_SERVICE = [
  "law_or_government_policy",
  "council_policy_not_directly_affected",
  "already_through_all_stages_or_ombudsman",
  "information_rights",
  "recruitment",
  "employee_matter",
  "councillor_conduct",
  "hate_crime_not_council_service",
  "insurance_claim",
] as const satisfies readonly ExcludedSubject[];

/** The matters a service may name for its residents to be asked about. */
export type ScreeningSubject = ExcludedSubject;

export type AdviceCode =
  | ExcludedSubject
  | "service_request" // §5
  | "out_of_time" // §9
  | "legal_proceedings" // §6.3 (corporate)
  | "concurrent_proceedings"; // Appendices A–B (statutory pathways)

/**
 * Exclusions staff can name when not accepting a complaint at triage (§6.5): every screening reason plus
 * those only staff judge — action under way that could be prejudiced (§6.3), anonymous complaints without
 * enough to act on (§8.1), unreasonably persistent or vexatious complaints (§18).
 */
export const EXCLUSIONS = [
  ...OWN_APPEAL_ROUTE_SUBJECTS,
  ...OUT_OF_SCOPE_SUBJECTS,
  "service_request",
  "out_of_time",
  "legal_proceedings",
  "concurrent_proceedings",
  "action_under_way_prejudiced",
  "anonymous_insufficient_information",
  "vexatious",
] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

export function isExclusion(value: unknown): value is Exclusion {
  return typeof value === "string" && (EXCLUSIONS as readonly string[]).includes(value);
}

/** The council's own pages and forms, whose addresses each council configures (app/config/council-links.server.ts). */
export const COUNCIL_LINKS = ["contact", "councillorComplaintForm", "recruitmentComplaintForm", "feedback"] as const;
export type CouncilLink = (typeof COUNCIL_LINKS)[number];

/**
 * A way to get to where the advice sends the resident: a web page (a fixed address, one of the council's own
 * configurable pages, or the service's own reporting page) or a telephone number. Its words are
 * `eligibility.destination.<name>`, with `{{telephone}}` for a number.
 */
export type Destination =
  | { readonly name: string; readonly url: string }
  | { readonly name: string; readonly councilLink: CouncilLink }
  | { readonly name: string; readonly serviceReportingPage: true }
  | { readonly name: string; readonly telephone: string };

/** §6.3: hate crime not about council services goes to the police or the Community Safety team. */
export const POLICE_NON_EMERGENCY = "101";
export const COMMUNITY_SAFETY_TELEPHONE = "024 7683 2118";
/** Policy §7.3: councillors and MPs, and the number to find who they are. */
const COUNCILLORS_AND_MPS = { url: "https://www.coventry.gov.uk/councillors-mps-meps", telephone: "024 7683 1039" };

interface AdviceRule {
  readonly policy: string;
  /** The policy lets the council accept it anyway on what the person explains. */
  readonly canSendAnyway: boolean;
  readonly destinations?: readonly Destination[];
}

const OMBUDSMAN_DESTINATIONS: readonly Destination[] = [
  { name: "ombudsman", url: OMBUDSMAN_CONTACT.howToComplainUrl },
  { name: "ombudsmanTelephone", telephone: OMBUDSMAN_CONTACT.telephone },
];
const COUNCILLOR_DESTINATIONS: readonly Destination[] = [
  { name: "councillorsAndMps", url: COUNCILLORS_AND_MPS.url },
  { name: "councillorsAndMpsTelephone", telephone: COUNCILLORS_AND_MPS.telephone },
];

const ADVICE_RULES: Record<AdviceCode, AdviceRule> = {
  homelessness_or_housing_application: { policy: "§6.2", canSendAnyway: false },
  parking_or_penalty_charge: {
    policy: "§6.2",
    canSendAnyway: false,
    destinations: [{ name: "trafficPenaltyTribunal", url: "https://www.trafficpenaltytribunal.gov.uk" }],
  },
  council_tax_support_or_housing_benefit: { policy: "§6.2", canSendAnyway: false },
  school_admission_exclusion_or_sen_appeal: { policy: "§6.2", canSendAnyway: false },
  blue_badge_decision: { policy: "§6.2", canSendAnyway: false },
  // §6.2: how a planning decision was made can still be complained about.
  planning_decision: {
    policy: "§6.2",
    canSendAnyway: true,
    destinations: [{ name: "planningAppeal", url: "https://www.gov.uk/appeal-planning-decision" }],
  },
  licensing_or_statutory_notice_appeal: { policy: "§6.2", canSendAnyway: false },
  insurance_claim: { policy: "§6.2", canSendAnyway: false },
  law_or_government_policy: { policy: "§6.3", canSendAnyway: false, destinations: COUNCILLOR_DESTINATIONS },
  // §6.3: accepted when directly affected or of wider public interest, or about the process followed.
  council_policy_not_directly_affected: { policy: "§6.3", canSendAnyway: true, destinations: COUNCILLOR_DESTINATIONS },
  already_through_all_stages_or_ombudsman: { policy: "§6.3", canSendAnyway: false, destinations: OMBUDSMAN_DESTINATIONS },
  information_rights: {
    policy: "§6.3",
    canSendAnyway: false,
    destinations: [{ name: "informationCommissioner", url: "https://ico.org.uk/make-a-complaint/" }],
  },
  school_or_college: { policy: "§6.3", canSendAnyway: false },
  recruitment: {
    policy: "§6.3",
    canSendAnyway: false,
    destinations: [{ name: "recruitmentComplaintForm", councilLink: "recruitmentComplaintForm" }],
  },
  employee_matter: { policy: "§6.3", canSendAnyway: false },
  councillor_conduct: {
    policy: "§6.3",
    canSendAnyway: false,
    destinations: [{ name: "councillorComplaintForm", councilLink: "councillorComplaintForm" }],
  },
  hate_crime_not_council_service: {
    policy: "§6.3",
    canSendAnyway: false,
    destinations: [
      { name: "police", telephone: POLICE_NON_EMERGENCY },
      { name: "communitySafety", telephone: COMMUNITY_SAFETY_TELEPHONE },
    ],
  },
  private_care_arrangement: { policy: "Appendix B", canSendAnyway: false, destinations: OMBUDSMAN_DESTINATIONS },
  // §5: report it, or ask for the service, through the service's own page.
  service_request: { policy: "§5", canSendAnyway: false, destinations: [{ name: "reportingPage", serviceReportingPage: true }] },
  // §9.4: exceptional circumstances for the delay.
  out_of_time: { policy: "§9", canSendAnyway: true },
  legal_proceedings: { policy: "§6.3", canSendAnyway: false },
  concurrent_proceedings: { policy: "Appendices A–B", canSendAnyway: false },
};

export interface AdviceItem {
  readonly code: AdviceCode;
  readonly policy: string;
  /** Why it is not normally a complaint: `eligibility.advice.<code>.reason`. */
  readonly reasonKey: string;
  /** Where to go instead: `eligibility.advice.<code>.goTo`. */
  readonly goToKey: string;
  /** Whether the policy lets the council accept it anyway on what the person explains. */
  readonly canSendAnyway: boolean;
  /** What sending anyway means here (e.g. explain the exceptional circumstances): `eligibility.advice.<code>.sendAnyway`. */
  readonly sendAnywayKey: string;
  /** Ways to get where the advice sends them; none when the advice names a letter or notice they already have. */
  readonly destinations: readonly Destination[];
  readonly params: Readonly<Record<string, string | number>>;
}

export const NOTE_CODES = [
  "pathway_moved_to_corporate", // RULES §2, Appendix A
  "representative_permission", // §7.4
  "same_standard_of_service", // §7.5
  "child_views", // §7.7–7.8
  "adult_lacking_capacity", // §7.9
  "advocacy_support", // §7.10
  "anonymous", // §8.1
  "serious_allegation", // §8.2
] as const;
export type NoteCode = (typeof NOTE_CODES)[number];

export interface Note {
  readonly code: NoteCode;
  readonly policy: string;
  /** `eligibility.note.<code>` */
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ScreeningAnswers {
  /** The pathway of the service area the resident picked. */
  readonly serviceAreaPathway: Pathway;
  /** A first request for a service or first report of a problem (§5). */
  readonly firstReport: boolean;
  readonly subject: Subject;
  /** When it happened, or when they first became aware of it (§9.2). */
  readonly happenedOn: IsoDate;
  readonly today: IsoDate;
  /** Court, criminal or tribunal proceedings under way on the same matters (§6.3, Appendices A–B). */
  readonly courtOrTribunalProceedings: boolean;
  readonly onBehalfOfSomeoneElse: boolean;
  /** Who they complain for, when on behalf of someone else (§7.7–7.9). */
  readonly representedPerson?: "child" | "adult_lacking_capacity" | "adult";
  /** Not giving their name (§8). */
  readonly anonymous?: boolean;
  /** The complaint alleges a risk to safety, corruption or other impropriety (§8.2). */
  readonly seriousAllegation?: boolean;
  /** They asked for help to complain (§7.10). */
  readonly wantsSupport?: boolean;
}

export interface ScreeningResult {
  readonly decision: "accept" | "advise";
  readonly suggestedPathway: Pathway;
  /** Reasons it is not normally a complaint and where to go instead; empty when accepted. */
  readonly advice: readonly AdviceItem[];
  /** Things to tell the person either way (representation, anonymity, pathway). */
  readonly notes: readonly Note[];
  /** RULES §5 [interpretation]: the portal never discards a submission. */
  readonly canStillSend: true;
  /** `eligibility.canStillSend`: whatever they still send is recorded and triaged by staff. */
  readonly canStillSendKey: string;
}

/**
 * RULES §2: the portal suggests a pathway from the service area; a children's matter outside the statutory
 * scope (early help, child protection incl. s47, foster/adopter assessments, foster carer registration,
 * s7/s37 court reports) goes down the corporate pathway. Staff confirm at triage.
 */
export function suggestPathway(serviceAreaPathway: Pathway, subject: Subject): Pathway {
  if (serviceAreaPathway === "childrens" && isChildrensScopeExclusion(subject)) return "corporate";
  return serviceAreaPathway;
}

function advise(code: AdviceCode, params: Record<string, string | number> = {}): AdviceItem {
  const rule = ADVICE_RULES[code];
  return {
    code,
    policy: rule.policy,
    reasonKey: `eligibility.advice.${code}.reason`,
    goToKey: `eligibility.advice.${code}.goTo`,
    canSendAnyway: rule.canSendAnyway,
    sendAnywayKey: `eligibility.advice.${code}.sendAnyway`,
    destinations: rule.destinations ?? [],
    params,
  };
}

function note(code: NoteCode, policy: string, params: Record<string, string | number> = {}): Note {
  return { code, policy, key: `eligibility.note.${code}`, params };
}

/** §9.2: the date after which the complaint is out of time (12 calendar months after it happened). */
export function complaintTimeLimit(happenedOn: IsoDate): IsoDate {
  return addCalendarMonths(happenedOn, TIMESCALES.common.complaintTimeLimitMonths);
}

/**
 * The matters a resident is asked about, given the service they chose: first those the service names (every
 * matter with another route when it names none, `null`), then those of its pathway — the children's matters
 * outside the statutory scope only for children's social care (RULES §2, Appendix A), privately arranged care only
 * for adult social care (Appendix B) — then those any service meets, and last "None of these".
 */
export function subjectsFor(pathway: Pathway, serviceSubjects: readonly string[] | null): Subject[] {
  const withOtherRoute: readonly ExcludedSubject[] = [...OWN_APPEAL_ROUTE_SUBJECTS, ...OUT_OF_SCOPE_SUBJECTS];
  const named =
    serviceSubjects === null
      ? withOtherRoute.filter((subject) => subject !== "private_care_arrangement")
      : withOtherRoute.filter((subject) => serviceSubjects.includes(subject));
  const ofPathway: Subject[] =
    pathway === "childrens" ? [...CHILDRENS_SCOPE_EXCLUSIONS] : pathway === "adults" ? ["private_care_arrangement"] : [];
  return [...new Set<Subject>([...named, ...ofPathway, ...SUBJECTS_FOR_EVERY_SERVICE, "none_of_these"])];
}

/** Screen a resident's answers: accept, or advise with the reasons and where to go instead. */
export function screenComplaint(answers: ScreeningAnswers): ScreeningResult {
  const suggestedPathway = suggestPathway(answers.serviceAreaPathway, answers.subject);
  const advice: AdviceItem[] = [];
  const notes: Note[] = [];

  // §5: a first request for a service or first report of a problem is a service request; a complaint can
  // follow if the council then fails to put it right (§5.5).
  if (answers.firstReport) advice.push(advise("service_request"));

  // §6.2–§6.3, Appendix B: matters with another route or outside the policy.
  if (isExcludedSubject(answers.subject)) advice.push(advise(answers.subject));

  // §9.2–§9.4: older than 12 months is out of time unless there are exceptional circumstances.
  const limit = complaintTimeLimit(answers.happenedOn);
  if (answers.today > limit) {
    advice.push(
      advise("out_of_time", {
        months: TIMESCALES.common.complaintTimeLimitMonths,
        happenedOn: answers.happenedOn,
        limit,
      }),
    );
  }

  // §6.3 (corporate): matters in legal proceedings are not accepted. Appendices A–B (statutory): they wait
  // until the proceedings end, then may be resubmitted within one year.
  if (answers.courtOrTribunalProceedings) {
    advice.push(
      suggestedPathway === "corporate"
        ? advise("legal_proceedings")
        : advise("concurrent_proceedings", { months: TIMESCALES.common.resubmitAfterProceedingsMonths }),
    );
  }

  if (suggestedPathway !== answers.serviceAreaPathway) {
    notes.push(note("pathway_moved_to_corporate", "RULES §2, Appendix A", { from: answers.serviceAreaPathway, to: suggestedPathway }));
  }
  if (answers.onBehalfOfSomeoneElse) {
    notes.push(note("representative_permission", "§7.4"));
    notes.push(note("same_standard_of_service", "§7.5"));
    if (answers.representedPerson === "child") notes.push(note("child_views", "§7.7–7.8"));
    if (answers.representedPerson === "adult_lacking_capacity") notes.push(note("adult_lacking_capacity", "§7.9"));
  }
  if (answers.onBehalfOfSomeoneElse || answers.wantsSupport) notes.push(note("advocacy_support", "§7.10"));
  if (answers.anonymous) {
    notes.push(note("anonymous", "§8.1"));
    // §8.2: serious allegations in an anonymous complaint go to a senior manager at once.
    if (answers.seriousAllegation) notes.push(note("serious_allegation", "§8.2"));
  }

  return {
    decision: advice.length === 0 ? "accept" : "advise",
    suggestedPathway,
    advice,
    notes,
    canStillSend: true,
    canStillSendKey: "eligibility.canStillSend",
  };
}

/** The advice codes, for checking every one has its sentences in the message catalogue. */
export const ADVICE_CODES = Object.keys(ADVICE_RULES) as AdviceCode[];
