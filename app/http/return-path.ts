// Where a link may send a visitor back to: a path on this site, exactly as given. Anything a browser would read
// differently from how it is written — "//host", "/\host", tabs or new lines that URL parsing drops, or text
// it would re-encode — goes to the start page instead.
const PLACEHOLDER_ORIGIN = "http://portal.invalid";
const MAX_RETURN_PATH = 2000;

export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > MAX_RETURN_PATH || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return "/";
  return `${url.pathname}${url.search}${url.hash}` === value ? value : "/";
}
