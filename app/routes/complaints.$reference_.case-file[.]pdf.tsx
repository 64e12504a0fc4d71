// The Ombudsman case file as a PDF (issue 12, item 4), in the reader's language, for the person complaining and whoever acts
// for them with permission; anyone else, and someone still waiting for permission, gets 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAccount } from "~/accounts/account.server";
import { complaintForAccount } from "~/cases/access.server";
import { caseFileDownload } from "~/cases/case-file.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, locale, account } = await requireAccount(request);
  const found = await complaintForAccount(db, account, params.reference ?? "");
  if (!found || found.access === "limited") throw new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return caseFileDownload(db, found.complaint, locale, "pdf");
}
