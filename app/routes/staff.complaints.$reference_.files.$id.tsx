// A complaint's file, for staff (issue 11; issue 10's signed permission forms are checked this way): always saved,
// never shown as a page of the portal — sent as an attachment, with the type found from its content when it came,
// no sniffing and a sandboxed, script-free policy (README, Decisions: serving files back). Downloads are audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { complaintForStaff } from "~/cases/access.server";
import { recordStaffAudit } from "~/staff/staff-audit.server";
import { requireStaff } from "~/staff/staff-page.server";
import { attachmentContent, readAttachment } from "~/uploads/attachments.server";
import { attachmentDisposition } from "~/uploads/disposition";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, staff } = await requireStaff(request);
  const row = await complaintForStaff(db, staff, params.reference ?? "");
  const file = row ? await readAttachment(db, params.id ?? "", { complaintId: row.id }) : null;
  if (!row || !file) throw new Response("Not found", { status: 404 });
  await recordStaffAudit(db, { staffId: staff.staffId, action: "downloaded", complaintId: row.id, detail: { file: file.id, sha256: file.sha256 } });
  const chunks = attachmentContent(db, file.id);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.size),
      "Content-Disposition": attachmentDisposition(file.filename),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "no-store",
    },
  });
}
