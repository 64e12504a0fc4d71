// The portal's address as people reach it, for links in emails (PUBLIC_URL). Never taken from a request's Host
// header: a forged one would put someone else's site in a council email.
export function publicUrl(env: Record<string, string | undefined> = process.env): string {
  const configured = env.PUBLIC_URL?.trim().replace(/\/+$/, "");
  if (configured) {
    const url = new URL(configured);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("PUBLIC_URL must be an http(s) address");
    return url.origin + url.pathname.replace(/\/+$/, "");
  }
  return `http://localhost:${env.PORT ?? 3000}`;
}
