// Signing out is a POST (a form's button in the header and on "Your complaints"); the page after it is /signed-out.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/accounts/sessions.server";
import { getDb } from "~/db.server";
import { readForm } from "~/journey/journey.server";

export async function loader() {
  return redirect("/complaints", 303);
}

export async function action({ request }: ActionFunctionArgs) {
  const posted = await readForm(request);
  const setCookie = await signOut(await getDb(), request, posted.everywhere === "yes");
  return redirect("/signed-out", { status: 303, headers: { "Set-Cookie": setCookie } });
}
