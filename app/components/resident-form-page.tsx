// The frame every form about a resident's own complaint shares (next stage, add information, withdraw): the way back
// to the complaint, the error summary, the reference, and — when the change cannot be made (the complaint changed
// since the page opened, or it is closed) — a page that says so instead of the form.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { ErrorSummary, type ErrorItem, type FieldErrors } from "./form-fields";

export function ResidentFormPage(props: {
  reference: string;
  errors: FieldErrors | ErrorItem[];
  /** Why the form is not shown: "stale", or "not_available" with `unavailable` saying why. */
  refused: "stale" | "not_available" | null;
  title: string;
  unavailable: string;
  /** The form's hidden identity: one event per form, and the version of the complaint it was drawn from. */
  formId: string;
  version: number;
  /** "multipart/form-data" for a form that takes files. */
  encType?: "multipart/form-data";
  children: ReactNode;
}) {
  const { reference, errors, refused, title, unavailable, formId, version, encType, children } = props;
  const { t } = useTranslation();
  const back = (
    <Link className="govuk-link" to={`/complaints/${reference}`}>
      {t("account.escalate.backToComplaint")}
    </Link>
  );
  return (
    <>
      <Link to={`/complaints/${reference}`} className="govuk-back-link">
        {t("account.escalate.backToComplaint")}
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span className="govuk-caption-l" dir="ltr">
            {reference}
          </span>
          <h1 className="govuk-heading-l">{refused === "stale" ? t("account.stale.title") : title}</h1>
          {refused ? (
            <>
              <p className="govuk-body">{refused === "stale" ? t("account.stale.body") : unavailable}</p>
              <p className="govuk-body">{back}</p>
            </>
          ) : (
            <Form method="post" encType={encType} noValidate>
              <input type="hidden" name="formId" value={formId} />
              <input type="hidden" name="version" value={version} />
              {children}
            </Form>
          )}
        </div>
      </div>
    </>
  );
}
