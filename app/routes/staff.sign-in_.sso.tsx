// Staff single sign-on, first step (issue 11, item 1): off to the council's OpenID Connect provider. Without
// single sign-on configured the address does not exist.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { ssoSettings, startSso } from "~/staff/sso.server";

export async function loader(_: LoaderFunctionArgs) {
  const settings = ssoSettings();
  if (!settings) throw new Response("Not found", { status: 404 });
  const { url, setCookie } = await startSso(await getDb(), settings);
  return redirect(url, { status: 303, headers: { "Set-Cookie": setCookie } });
}
