import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, type ShouldRevalidateFunction, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ErrorSummary, fieldId, JourneyPage, useReturnTo } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { assertSameOrigin } from "~/http/same-origin.server";
import { mergeAnswers } from "~/journey/complaint-steps";
import { canVisit, journey, nextPage } from "~/journey/journey-order.server";
import { draftSetCookie, saveDraftAnswers } from "~/journey/drafts.server";
import { journeyContext, notYet } from "~/journey/journey.server";
import {
  discardReceivedFiles,
  keepReceivedFiles,
  listDraftAttachments,
  type ReceivedFile,
  receiveFile,
  removeDraftAttachment,
  unsentFileMegabytes,
} from "~/uploads/attachments.server";
import { displayFilename, FILE_ACCEPT, MAX_FILES } from "~/uploads/file-type";
import { readMultipart } from "~/uploads/multipart.server";
import { unsentFilesLimitMb, uploadGate } from "~/uploads/upload-gate.server";
import { textsFor } from "~/i18n/page-texts.server";
import { BUSY_RETRY_AFTER_SECONDS } from "~/http/busy-page.server";
import { Overloaded } from "~/http/page-limiter.server";
import { clientKey, rateLimitsFor, TOO_MANY, tooManyRequests, withRetryAfter } from "~/http/rate-limits.server";
import type { Database } from "../../db/client";

export const headers = withRetryAfter;

// A post that refuses some files may still have kept others: the list is read again even after a 4xx answer,
// which Remix would otherwise skip.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === "POST" || defaultShouldRevalidate;

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
    previous: previous ? `/complaint/${previous.id}` : "/",
    texts: textsFor(locale, ["complaint.files"]),
  };
}

type FileError = { key: string; filename: string };

const fileErrors = (errors: FileError[], status: number, headers?: Record<string, string>) => data({ errors }, { status, headers });

const INTENTS = /^(continue|upload|remove:.*)$/;

/**
 * Reads the form, storing its files as they arrive, then keeps them or gives the reason why not: the answer to
 * send back, or the form's fields when there is none.
 */
async function readAndKeepFiles(
  db: Database,
  draftId: string,
  request: Request,
  client: string,
) {
  const received: ReceivedFile[] = [];
  const upload = await readMultipart(request, async (file) => {
    const stored = await receiveFile(db, draftId, file);
    received.push(stored);
    return stored;
  });
  if (!upload.ok) {
    await discardReceivedFiles(db, received);
    return { fields: null, response: fileErrors([{ key: upload.errorKey, filename: "" }], upload.status) };
  }
  const intent = upload.fields.intent ?? "continue";
  if (!INTENTS.test(intent)) {
    await discardReceivedFiles(db, received);
    throw new Response("Bad intent", { status: 400 });
  }
  if (upload.files.length === 0 || intent.startsWith("remove:")) {
    await discardReceivedFiles(db, received);
    return { fields: upload.fields, response: null };
  }
  const megabytes = Math.ceil(upload.files.reduce((sum, file) => sum + (file.id === null ? 0 : file.size), 0) / (1024 * 1024));
  if (megabytes > 0) {
    const limited = await rateLimitsFor(db).consume([["upload-megabytes-per-client", client, megabytes]]);
    if (!limited.ok) {
      await discardReceivedFiles(db, received);
      return { fields: null, response: tooManyRequests(limited, { errors: [{ key: TOO_MANY, filename: "" }] as FileError[] }) };
    }
  }
  const kept = await keepReceivedFiles(db, draftId, upload.files);
  if (!kept.ok) {
    const errors = kept.errors.map((error) => ({ key: error.errorKey, filename: displayFilename(error.filename) }));
    return { fields: null, response: fileErrors(errors, 400) };
  }
  return { fields: upload.fields, response: null };
}

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { db, draft, today } = await filesContext(request);
  const client = clientKey(loadContext);
  const limited = await rateLimitsFor(db).consume([["uploads-per-client", client]]);
  if (!limited.ok) return tooManyRequests(limited, { errors: [{ key: TOO_MANY, filename: "" }] as FileError[] });
  if ((await unsentFileMegabytes(db)) >= unsentFilesLimitMb()) {
    return fileErrors([{ key: "complaint.files.error.storeFull", filename: "" }], 503, { "Retry-After": "600" });
  }
  let turn;
  try {
    turn = await uploadGate().run(client, () => readAndKeepFiles(db, draft.id, request, client), request.signal);
  } catch (error) {
    if (error instanceof Overloaded) {
      return fileErrors([{ key: "errors.busy.body", filename: "" }], 503, { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) });
    }
    throw error;
  }
  if (!turn.ok) return tooManyRequests({ retryAfterSeconds: 10 }, { errors: [{ key: TOO_MANY, filename: "" }] as FileError[] });
  const { fields, response } = turn.value;
  if (!fields) return response;

  const intent = fields.intent ?? "continue";
  const returnTo = fields.returnTo === "check-answers";
  if (intent.startsWith("remove:")) {
    await removeDraftAttachment(db, draft.id, intent.slice("remove:".length));
    return redirect(`/complaint/files${returnTo ? "?returnTo=check-answers" : ""}`, 303);
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
            // Keyed by the files added, so the picker is empty again once its files are on the list.
            <input
              key={files.map((file) => file.id).join()}
              className={`govuk-file-upload${errors.length > 0 ? " govuk-file-upload--error" : ""}`}
              id={fieldId("files")}
              name="files"
              type="file"
              multiple
              accept={FILE_ACCEPT}
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
                <dt className="govuk-summary-list__key council-preserve-lines" dir="auto">
                  {file.filename}
                </dt>
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
