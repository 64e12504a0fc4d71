// The page a visitor gets when the server is too busy to render theirs (page-limiter.server.ts): a 503 in their
// language with Retry-After, made from a few strings rather than rendered through React, since rendering is the
// work being shed.
import { languageFor } from "~/i18n/languages";
import { localeFor } from "~/i18n/locale.server";
import { serverT } from "~/i18n/translate.server";
import { escapeHtml } from "~/mail/templates.server";

export const BUSY_RETRY_AFTER_SECONDS = 10;

export async function busyResponse(request: Request): Promise<Response> {
  const locale = await localeFor(request);
  const { tag, dir } = languageFor(locale);
  const t = serverT(locale);
  const title = escapeHtml(t("errors.busy.title"));
  const body = escapeHtml(t("errors.busy.body"));
  const html =
    `<!DOCTYPE html><html lang="${tag}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
    `<body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(BUSY_RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
    },
  });
}
