// Requests the portal refuses with a translated 400 rather than guessing at: query strings that are not valid
// percent-encoding, that carry NUL or other control characters, or that are absurdly long.
const MAX_QUERY_LENGTH = 2048;

export function isHostileQuery(search: string): boolean {
  if (search.length > MAX_QUERY_LENGTH) return true;
  const raw = search.startsWith("?") ? search.slice(1) : search;
  for (const part of raw.split("&")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      return true;
    }
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(decoded)) return true;
  }
  return false;
}

/**
 * The query string as the visitor sent it. Remix rebuilds loaders' request URLs, re-encoding a stray "%", so
 * server.js passes the original URL in the load context.
 */
export function originalSearch(request: Request, context: { originalUrl?: unknown } | undefined): string {
  const raw = typeof context?.originalUrl === "string" ? context.originalUrl : request.url;
  const queryStart = raw.indexOf("?");
  return queryStart === -1 ? "" : raw.slice(queryStart);
}
