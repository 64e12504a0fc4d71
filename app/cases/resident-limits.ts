// How long a resident's message about their complaint may be (shared by the forms' pages and their checks, without
// bringing the checks into the page's JavaScript).
export const TEXT_LIMIT = 5000;
