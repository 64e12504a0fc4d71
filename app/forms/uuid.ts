// Ids from addresses and forms are checked before they reach a query: PostgreSQL refuses a malformed uuid with an
// error, which would otherwise be a 500 instead of the 404 or form error the page means.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
