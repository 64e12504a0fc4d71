// The demonstration's resident: every demo complaint (db/seed.ts) was made with this address, and the sign-in page
// names it when DEMO_SIGN_IN is on.
export const DEMO_RESIDENT_EMAIL = "demo.resident@example.com";

/**
 * Issue 10's demonstration: an advocate acting for several people, in different states of permission; an elected
 * councillor on the council's list; and the people they act for (two still to answer their consent email).
 */
export const DEMO_ADVOCATE_EMAIL = "demo.advocate@example.com";
export const DEMO_COUNCILLOR_EMAIL = "cllr.demo@coventry.gov.uk";
export const DEMO_CLIENT_EMAILS = ["demo.client1@example.com", "demo.client2@example.com", "demo.client3@example.com"] as const;

/** An advice caseworker with a full caseload (60 people, on signed permission forms): the dashboard over several pages. */
export const DEMO_CASEWORKER_EMAIL = "demo.caseworker@example.com";
export const DEMO_CASELOAD = 60;

/** Issue 11's demonstration staff: a manager and a complaints officer (each sets up an authenticator app on first sign-in). */
export const DEMO_MANAGER_EMAIL = "demo.manager@coventry.gov.uk";
export const DEMO_OFFICER_EMAIL = "demo.officer@coventry.gov.uk";
/**
 * More managers for the end-to-end casework walks: one for each project's corporate walk (each adds the officer who
 * takes the complaint), one who takes a children's complaint to the review panel, and one who makes the other
 * triage decisions and decides a late request.
 */
export const DEMO_LEAD_EMAILS = ["demo.lead1@coventry.gov.uk", "demo.lead2@coventry.gov.uk", "demo.lead3@coventry.gov.uk", "demo.lead4@coventry.gov.uk", "demo.lead5@coventry.gov.uk"] as const;
/** An investigating officer who drafts a response for a manager to send (e2e/casework.spec.ts, CCC-DEM0-0013). */
export const DEMO_INVESTIGATOR_EMAIL = "demo.investigator@coventry.gov.uk";
/**
 * A parent whose complaints the end-to-end staff walks take: a children's complaint (CCC-DEM0-0010) through all three
 * stages, one not accepted (0011), a late request for Stage 2 (0012), one whose response is drafted (0013), and one
 * at Stage 1 (0014) that a further complaint (0015) joins.
 */
export const DEMO_FAMILY_EMAIL = "demo.family@example.com";
/** Equality analysts who read the equality report (e2e/staff.spec.ts): one for each end-to-end project. */
export const DEMO_ANALYST_EMAILS = ["demo.analyst1@coventry.gov.uk", "demo.analyst2@coventry.gov.uk"] as const;
/** Managers who read the children's annual report (e2e/staff.spec.ts): one for each end-to-end project. */
export const DEMO_REPORTS_MANAGER_EMAILS = ["demo.reports1@coventry.gov.uk", "demo.reports2@coventry.gov.uk"] as const;
/** One member of staff in each role, for the staff pages' authorisation test (e2e/staff-http.spec.ts). */
export const DEMO_ACCESS_STAFF = [
  { email: "demo.access.officer@coventry.gov.uk", role: "complaints_officer", name: "Ash Access" },
  { email: "demo.access.investigator@coventry.gov.uk", role: "investigating_officer", name: "Bo Access" },
  { email: "demo.access.manager@coventry.gov.uk", role: "manager", name: "Cy Access" },
  { email: "demo.access.panel@coventry.gov.uk", role: "independent_investigator", name: "Di Access" },
  { email: "demo.access.analyst@coventry.gov.uk", role: "equality_analyst", name: "Ed Access" },
] as const;
