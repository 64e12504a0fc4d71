// Issue 10: the permission form a person signs so that someone may act for them on a complaint (policy §7.4),
// printable on A4 in the page's language. The representative sends a photo or scan of it with the complaint's
// files; the council checks it (issue 11).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { translatedTitle } from "~/components/page-title";
import { localeFor } from "~/i18n/locale.server";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "permissionForm.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return { texts: textsFor(await localeFor(request), ["permissionForm"]) };
}

const LINES = ["personName", "personAddress", "representativeName", "organisation", "reference"] as const;

export default function PermissionForm() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("permissionForm.title")}</h1>
        <p className="govuk-body council-no-print">{t("permissionForm.print")}</p>
        <p className="govuk-body">{t("permissionForm.intro")}</p>
        <dl className="council-form-lines">
          {LINES.map((line) => (
            <div key={line}>
              <dt className="govuk-body govuk-!-font-weight-bold">{t(`permissionForm.${line}`)}</dt>
              <dd className="council-form-line" />
            </div>
          ))}
        </dl>
        <p className="govuk-body">{t("permissionForm.permission")}</p>
        <p className="govuk-body">{t("permissionForm.revoke")}</p>
        <dl className="council-form-lines">
          {(["signature", "date"] as const).map((line) => (
            <div key={line}>
              <dt className="govuk-body govuk-!-font-weight-bold">{t(`permissionForm.${line}`)}</dt>
              <dd className="council-form-line" />
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
