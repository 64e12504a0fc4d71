// The demonstration's resident: every demo complaint (db/seed.ts) was made with this address, and the sign-in page
// names it when DEMO_SIGN_IN is on.
export const DEMO_RESIDENT_EMAIL = "demo.resident@example.com";
