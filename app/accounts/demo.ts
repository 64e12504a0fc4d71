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
/** Two more complaints officers, one for each end-to-end project's casework walk. */
export const DEMO_TEAM_EMAILS = ["demo.team1@coventry.gov.uk", "demo.team2@coventry.gov.uk"] as const;
