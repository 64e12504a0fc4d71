// Issue 10, item 4: the person stops someone acting for them. Effective at once: the representative's next request
// is answered 404 and they are sent no more email. Only the complainant may do this; anyone else gets 404.
import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaseChangeError } from "~/cases/case-service.server";
import { formIdentity, refusal, requireOwnComplaint } from "~/cases/resident-actions.server";
import { ResidentFormPage } from "~/components/resident-form-page";
import { translatedTitle } from "~/components/page-title";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { isLive, type RepresentationState } from "~/representation/representation-rules";
import { representativesOf, revokeRepresentation } from "~/representation/representation.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "account.stop.title");

/** The complainant's own complaint and the representation named in the address, or 404. */
async function representationToStop(request: Request, params: LoaderFunctionArgs["params"]) {
  const own = await requireOwnComplaint(request, params.reference);
  if (own.role !== "complainant") throw data(null, { status: 404 });
  const person = (await representativesOf(own.db, own.complaintId)).find((row) => row.id === params.id);
  if (!person) throw data(null, { status: 404 });
  return { own, person };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { own, person } = await representationToStop(request, params);
  return {
    reference: own.reference,
    name: person.name,
    live: isLive(person.state as RepresentationState),
    formId: randomUUID(),
    texts: textsFor(own.locale, ["account.stop", "account.escalate.backToComplaint", "account.stale"]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { own, person } = await representationToStop(request, params);
  const { formId } = formIdentity(await readFormEntries(request));
  try {
    await revokeRepresentation(own.db, { representationId: person.id, complaintId: own.complaintId, accountId: own.account.accountId, today: own.today, formId });
  } catch (error) {
    if (!(error instanceof CaseChangeError)) throw error;
    const refused = refusal(error);
    return data({ refused: refused.refused }, { status: refused.status });
  }
  return redirect(`/complaints/${own.reference}?done=stopped`, 303);
}

export default function StopRepresentativePage() {
  const { reference, name, live, formId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <ResidentFormPage reference={reference} errors={{}} refused={actionData?.refused ?? (live ? null : "not_available")}
      title={t("account.stop.title")} unavailable={t("account.stop.ended")} formId={formId} version={0}>
      <p className="govuk-body">
        <bdi>{name}</bdi>
      </p>
      <p className="govuk-body">{t("account.stop.intro")}</p>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--warning">
          {t("account.stop.confirm")}
        </button>
        <Link className="govuk-link" to={`/complaints/${reference}`}>
          {t("account.stop.cancel")}
        </Link>
      </div>
    </ResidentFormPage>
  );
}
