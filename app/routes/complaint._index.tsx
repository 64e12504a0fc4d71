import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { clearDraftCookie } from "~/journey/drafts.server";
import { firstUnanswered } from "~/journey/journey-order.server";
import { journeyContext, readForm } from "~/journey/journey.server";

// The start page is the home page; this address only starts, or carries on with, the questions.
export const loader = () => redirect("/");

/**
 * The start button: carries on from the first question not yet answered when answers are saved on this device
 * (check answers when all are), begins a new complaint once one has been sent, and otherwise starts at the first
 * question.
 */
export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  const context = await journeyContext(request);
  if (context.draft?.submittedComplaintId) {
    return redirect("/complaint/service", { status: 303, headers: { "Set-Cookie": await clearDraftCookie() } });
  }
  if (!context.draft) return redirect("/complaint/service", 303);
  const resume = firstUnanswered(context.draft.answers, context.today);
  return redirect(resume ? `/complaint/${resume.id}` : "/complaint/check-answers", 303);
}
