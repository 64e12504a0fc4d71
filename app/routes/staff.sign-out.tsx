import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { getDb } from "~/db.server";
import { endStaffSession } from "~/staff/staff-sessions.server";

export async function action({ request }: ActionFunctionArgs) {
  const setCookie = await endStaffSession(await getDb(), request);
  return redirect("/staff/sign-in", { status: 303, headers: { "Set-Cookie": setCookie } });
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
