import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ErrorSummary, fieldId, JourneyPage, useReturnTo } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { assertSameOrigin } from "~/http/same-origin.server";
import { canVisit, journey, mergeAnswers, nextPage } from "~/journey/complaint-steps";
import { draftSetCookie, saveDraftAnswers } from "~/journey/drafts.server";
import { journeyContext, notYet } from "~/journey/journey.server";
import { addDraftAttachments, listDraftAttachments, removeDraftAttachment } from "~/uploads/attachments.server";
import { displayFilename, MAX_FILES } from "~/uploads/file-type";
import { readComplaintUploads } from "~/uploads/multipart.server";
import { textsFor } from "~/i18n/page-texts.server";
import { clientKey, rateLimitsFor, TOO_MANY, tooManyRequests, withRetryAfter } from "~/http/rate-limits.server";

export const headers = withRetryAfter;

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "complaint.files.title");

async function filesContext(request: Request) {
  const context = await journeyContext(request);
  if (context.draft?.submittedComplaintId) throw redirect("/complaint/confirmation", 303);
  if (!context.draft || !canVisit("files", context.draft.answers, context.today)) notYet(context);
  return { ...context, draft: context.draft };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, draft, today, locale } = await filesContext(request);
  const files = await listDraftAttachments(db, draft.id);
  const pages = journey(draft.answers, today);
  const previous = pages[pages.findIndex((page) => page.id === "files") - 1];
  return {
    files: files.map((file) => ({ id: file.id, filename: file.filename, size: file.size })),
    previous: previous ? `/complaint/${previous.id}` : "/complaint",
    texts: textsFor(locale, ["complaint.files"]),
  };
}

type FileError = { key: string; filename: string };

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { db, draft, today } = await filesContext(request);
  const upload = await readComplaintUploads(request);
  if (!upload.ok) {
    return data({ errors: [{ key: upload.errorKey, filename: "" }] as FileError[] }, { status: upload.status });
  }
  const intent = upload.fields.intent ?? "continue";
  const returnTo = upload.fields.returnTo === "check-answers";
  if (intent.startsWith("remove:")) {
    await removeDraftAttachment(db, draft.id, intent.slice("remove:".length));
    return redirect(`/complaint/files${returnTo ? "?returnTo=check-answers" : ""}`, 303);
  }
  if (intent !== "continue" && intent !== "upload") throw new Response("Bad intent", { status: 400 });
  if (upload.files.length > 0) {
    const limited = await rateLimitsFor(db).consume([["uploads-per-client", clientKey(loadContext)]]);
    if (!limited.ok) return tooManyRequests(limited, { errors: [{ key: TOO_MANY, filename: "" }] as FileError[] });
    const stored = await addDraftAttachments(db, draft.id, upload.files);
    if (!stored.ok) {
      const errors = stored.errors.map((error) => ({ key: error.errorKey, filename: displayFilename(error.filename) }));
      return data({ errors }, { status: 400 });
    }
  }
  if (intent === "upload") return redirect(`/complaint/files${returnTo ? "?returnTo=check-answers" : ""}`, 303);
  const merged = mergeAnswers(draft.answers, { filesReviewed: "yes" });
  await saveDraftAnswers(db, draft, merged);
  return redirect(nextPage("files", merged, today, returnTo), { status: 303, headers: { "Set-Cookie": await draftSetCookie(draft.token) } });
}

export default function FilesPage() {
  const { files, previous } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const returnTo = useReturnTo();
  const errors = actionData?.errors ?? [];
  const full = files.length >= MAX_FILES;
  return (
    <JourneyPage back={returnTo ? "/complaint/check-answers" : previous}>
      <ErrorSummary
        errors={errors.map((error) => ({ field: "files", key: error.key, params: { filename: error.filename } }))}
      />
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <div className={`govuk-form-group${errors.length > 0 ? " govuk-form-group--error" : ""}`}>
          <h1 className="govuk-label-wrapper">
            <label className="govuk-label govuk-label--l" htmlFor={fieldId("files")}>
              {t("complaint.files.title")}
            </label>
          </h1>
          <div id="files-hint" className="govuk-hint">
            {t("complaint.files.hint")}
          </div>
          {errors.map((error) => (
            <p key={`${error.key}${error.filename}`} id="files-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">{t("errors.form.prefix")}</span>{" "}
              {t(error.key, { filename: error.filename })}
            </p>
          ))}
          {full ? null : (
            <input
              className={`govuk-file-upload${errors.length > 0 ? " govuk-file-upload--error" : ""}`}
              id={fieldId("files")}
              name="files"
              type="file"
              multiple
              accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,application/pdf,image/jpeg,image/png"
              aria-describedby={errors.length > 0 ? "files-hint files-error" : "files-hint"}
            />
          )}
        </div>
        {full ? null : (
          <button type="submit" name="intent" value="upload" className="govuk-button govuk-button--secondary">
            {t("complaint.files.add")}
          </button>
        )}
        <h2 className="govuk-heading-m">{t("complaint.files.added")}</h2>
        {files.length === 0 ? (
          <p className="govuk-body">{t("complaint.files.none")}</p>
        ) : (
          <dl className="govuk-summary-list">
            {files.map((file) => (
              <div className="govuk-summary-list__row" key={file.id}>
                <dt className="govuk-summary-list__key council-preserve-lines">{file.filename}</dt>
                <dd className="govuk-summary-list__actions">
                  <button type="submit" name="intent" value={`remove:${file.id}`} className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                    {t("complaint.files.remove")}
                    <span className="govuk-visually-hidden"> {file.filename}</span>
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        )}
        <button type="submit" name="intent" value="continue" className="govuk-button">
          {t("continue")}
        </button>
      </Form>
    </JourneyPage>
  );
}
