// The Ombudsman case file as a PDF, in English, for staff who may see the complaint (issue 12, item 4). Audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { complaintForStaff } from "~/cases/access.server";
import { caseFileDownload } from "~/cases/case-file.server";
import { recordStaffAudit } from "~/staff/staff-audit.server";
import { requireStaff } from "~/staff/staff-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, staff } = await requireStaff(request);
  const row = await complaintForStaff(db, staff, params.reference ?? "");
  if (!row) throw new Response("Not found", { status: 404 });
  await recordStaffAudit(db, { staffId: staff.staffId, action: "case_file", complaintId: row.id, detail: { format: "pdf" } });
  return caseFileDownload(db, row, "en", "pdf");
}
