// Numbers the sign-in pages and the server share.

/** A sign-in code is this many digits. */
export const CODE_LENGTH_DIGITS = 6;
/** Minutes a code lasts. */
export const CODE_LIFETIME_MINUTES = 15;
/** Tries a code allows. */
export const CODE_TRIES = 5;
