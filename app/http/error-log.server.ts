// Errors are logged without personal data. A failed query's message carries its parameters (a resident's
// answers), and PostgreSQL's own messages quote the values they refused, so a log line keeps only what helps
// find the fault: each error's class, its code (SQLSTATE), the SQL with placeholders, and where it happened.

type ErrorLike = { name?: unknown; code?: unknown; query?: unknown; stack?: unknown; cause?: unknown };

const MAX_CAUSES = 5;

function describe(error: ErrorLike): string {
  const name = typeof error.name === "string" ? error.name : "Error";
  const parts = [name];
  if (typeof error.code === "string" || typeof error.code === "number") parts.push(`code ${error.code}`);
  // drizzle's query errors carry the statement apart from its parameters; the statement has only placeholders.
  if (typeof error.query === "string") parts.push(`query: ${error.query.replace(/\s+/g, " ").slice(0, 500)}`);
  return parts.join(", ");
}

/** Where an error happened: its stack's frames, without the message line that heads them. */
function frames(error: ErrorLike): string[] {
  if (typeof error.stack !== "string") return [];
  return error.stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12);
}

/** An error as it may be logged: never its message, which can quote what a resident typed. */
export function redactError(error: unknown): string {
  if (typeof error !== "object" || error === null) return `Non-error thrown (${typeof error})`;
  const lines: string[] = [];
  let current: ErrorLike | undefined = error as ErrorLike;
  for (let depth = 0; current && depth < MAX_CAUSES; depth++) {
    lines.push(`${depth === 0 ? "" : "caused by: "}${describe(current)}`, ...frames(current));
    current = typeof current.cause === "object" && current.cause !== null ? (current.cause as ErrorLike) : undefined;
  }
  return lines.join("\n");
}

export function logServerError(what: string, error: unknown): void {
  console.error(`${what}: ${redactError(error)}`);
}
