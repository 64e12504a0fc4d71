// What a failed statement was refused for, the same on both drivers: postgres.js names the constraint
// `constraint_name`, PGlite `constraint`, and drizzle wraps either as the `cause` of its own error.
type DriverError = { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };

/** The constraint a unique violation (SQLSTATE 23505) broke, or null when the error is something else. */
export function violatedUniqueConstraint(error: unknown): string | null {
  for (let current = error as DriverError | undefined, depth = 0; current && depth < 5; depth++) {
    if (current.code === "23505") {
      const name = current.constraint_name ?? current.constraint;
      return typeof name === "string" ? name : "";
    }
    current = typeof current.cause === "object" && current.cause !== null ? (current.cause as DriverError) : undefined;
  }
  return null;
}

/** True when the error, or one it wraps, has this SQLSTATE. */
function hasSqlState(error: unknown, code: string): boolean {
  for (let current = error as DriverError | undefined, depth = 0; current && depth < 5; depth++) {
    if (current.code === code) return true;
    current = typeof current.cause === "object" && current.cause !== null ? (current.cause as DriverError) : undefined;
  }
  return false;
}

/** True when the error is a foreign key violation (SQLSTATE 23503): a row referred to one that is not there. */
export function violatedForeignKey(error: unknown): boolean {
  return hasSqlState(error, "23503");
}

/** True when the role the statement ran as may not do it (SQLSTATE 42501, insufficient privilege). */
export function lacksPrivilege(error: unknown): boolean {
  return hasSqlState(error, "42501");
}
