import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { safeReturnPath } from "~/http/return-path";
import { isLanguageCode } from "~/i18n/languages";
import { languageCookie } from "~/i18n/locale.server";

// The language switcher's links come here: remember the choice, then go back to the page.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const code = url.searchParams.get("lng");
  if (!isLanguageCode(code)) throw new Response("Unknown language", { status: 400 });
  return redirect(safeReturnPath(url.searchParams.get("returnTo")), {
    status: 303,
    headers: { "Set-Cookie": await languageCookie.serialize(code), "Cache-Control": "no-store" },
  });
}

// A page component, so that an unknown language renders the translated 400 page rather than plain text.
export default function LanguageChoice() {
  return null;
}
