// The council's own pages and forms that the portal sends residents to (policy §5 and §6.3): addresses each council
// configures. Unset, each is the contact page (the portal's own, which gives the council's telephone, email and
// address), so no advice is a dead end. An address must be https:// or a path on this site; anything else is ignored.
import { type CouncilLink } from "~/rules/eligibility";

const VARIABLES: Record<CouncilLink, string> = {
  contact: "COUNCIL_CONTACT_URL",
  councillorComplaintForm: "COUNCILLOR_COMPLAINT_FORM_URL",
  recruitmentComplaintForm: "RECRUITMENT_COMPLAINT_FORM_URL",
  feedback: "FEEDBACK_URL",
};

const DEFAULT_CONTACT_PAGE = "/contact";

/** An https:// address, or a path on this site (not "//host", which browsers read as another site). */
export function isSafeLink(value: string): boolean {
  if (/^\/(?![/\\])/.test(value)) return !/[\s\\]/.test(value);
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

export type CouncilLinks = Readonly<Record<CouncilLink, string>>;

/** The council's links from the environment, each falling back to the contact page. */
export function councilLinks(env: Record<string, string | undefined> = process.env): CouncilLinks {
  const configured = (link: CouncilLink) => {
    const value = env[VARIABLES[link]]?.trim();
    return value && isSafeLink(value) ? value : undefined;
  };
  const contact = configured("contact") ?? DEFAULT_CONTACT_PAGE;
  return {
    contact,
    councillorComplaintForm: configured("councillorComplaintForm") ?? contact,
    recruitmentComplaintForm: configured("recruitmentComplaintForm") ?? contact,
    feedback: configured("feedback") ?? contact,
  };
}
