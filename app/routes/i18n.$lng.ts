import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLanguageCode } from "~/i18n/languages";
import { translationScript } from "~/i18n/resources.server";

// A language's page translations as a script, loaded by every page before hydration. The version in the
// query string is the content's hash, so it can be cached for a year and changes when the text does.
export function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLanguageCode(params.lng)) throw new Response("Not found", { status: 404 });
  const script = translationScript(params.lng);
  const current = new URL(request.url).searchParams.get("v") === script.version;
  return new Response(script.body, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
