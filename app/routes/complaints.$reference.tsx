import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { requireAccount } from "~/accounts/account.server";
import { complaintForAccount } from "~/cases/access.server";
import { complaintPage, type ComplaintPageData, waitingPage } from "~/cases/complaint-page.server";
import { CASE_RECORD_TEXTS, CaseDates, CaseHistory, PATHWAY_TEXTS } from "~/components/case-record";
import { translatedTitle } from "~/components/page-title";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { OMBUDSMAN_CONTACT } from "~/rules/ombudsman";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "account.case.caption");

const TEXTS = [...CASE_RECORD_TEXTS, "account.done", "account.people", "account.waiting", "account.status", "account.ombudsman", "account.nextStage", "account.restriction", "caseFile.link"];

/** 404 for anyone the complaint is not theirs to see, exactly as for a reference that does not exist. */
function notFound(): never {
  throw data(null, { status: 404 });
}

const DONE = ["escalated", "late", "information", "withdrawn", "stopped"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, locale, account, today } = await requireAccount(request);
  const found = await complaintForAccount(db, account, params.reference ?? "");
  if (!found) notFound();
  const texts = textsFor(locale, TEXTS);
  // Issue 10: someone acting for the person, still waiting for permission, sees only that it is awaited.
  if (found.access === "limited") {
    return { page: null, waiting: { ...(await waitingPage(db, found.complaint)), consent: found.representation!.state }, role: found.role, done: null, ombudsman: OMBUDSMAN_CONTACT, texts };
  }
  const page = await complaintPage(db, found.complaint, locale, today);
  // After a change, the page says what it did (GOV.UK success banner); only these, whatever the address says.
  const done = DONE.find((what) => what === new URL(request.url).searchParams.get("done")) ?? null;
  return { page, waiting: null, role: found.role, done, ombudsman: OMBUDSMAN_CONTACT, texts };
}

type OmbudsmanContact = typeof OMBUDSMAN_CONTACT;

function NextStage({ page, ombudsman }: { page: ComplaintPageData; ombudsman: OmbudsmanContact }) {
  const { t } = useTranslation();
  const next = page.nextStage;
  if (next.kind === "ombudsman") {
    return (
      <>
        <h2 className="govuk-heading-m">{t("account.ombudsman.heading")}</h2>
        <p className="govuk-body">{t(next.reason === "final_stage" ? "account.ombudsman.final" : "account.ombudsman.outOfTime")}</p>
        <p className="govuk-body">{t("account.ombudsman.twelveMonths")}</p>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.ombudsman.website")}</dt>
            <dd className="govuk-summary-list__value">
              <a className="govuk-link" href={ombudsman.howToComplainUrl} dir="ltr">
                {ombudsman.websiteLabel}
              </a>
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.ombudsman.phone")}</dt>
            <dd className="govuk-summary-list__value">
              <a className="govuk-link" href={`tel:${ombudsman.telephone.replace(/\s+/g, "")}`} dir="ltr">
                {ombudsman.telephone}
              </a>
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.ombudsman.post")}</dt>
            <dd className="govuk-summary-list__value" dir="ltr">
              {ombudsman.postalAddress.map((line) => (
                <span key={line} className="council-address-line">{line}</span>
              ))}
            </dd>
          </div>
        </dl>
      </>
    );
  }
  if (next.kind === "not_yet") {
    return page.open && page.furtherStage ? <p className="govuk-body">{t("account.nextStage.notYet")}</p> : null;
  }
  return (
    <>
      <h2 className="govuk-heading-m">{t("account.nextStage.heading")}</h2>
      {next.kind === "awaiting_decision" ? (
        <p className="govuk-body">{t("account.nextStage.awaitingDecision", { date: next.requestedOn })}</p>
      ) : next.kind === "in_time" ? (
        <>
          <p className="govuk-body">{t("account.nextStage.inTime", { stage: next.stage, date: next.requestBy })}</p>
          <p className="govuk-body">{t("account.case.why", { explanation: next.requestByExplanation })}</p>
          <Link to={`/complaints/${page.reference}/next-stage`} className="govuk-button council-no-print">
            {t("account.case.askNextStage", { stage: next.stage })}
          </Link>
        </>
      ) : (
        <>
          <p className="govuk-body">{t("account.nextStage.late", { stage: next.stage, date: next.requestBy, lateDate: next.lateRequestBy ?? "" })}</p>
          <Link to={`/complaints/${page.reference}/next-stage`} className="govuk-button govuk-button--secondary council-no-print">
            {t("account.case.askLate")}
          </Link>
        </>
      )}
    </>
  );
}

function DoneBanner({ done, stage }: { done: (typeof DONE)[number]; stage: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" ref={ref} tabIndex={-1}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="done-title">
          {t("account.done.title")}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{t(`account.done.${done}`, { stage })}</p>
      </div>
    </div>
  );
}

function Actions({ page }: { page: ComplaintPageData }) {
  const { t } = useTranslation();
  if (!page.open) {
    return (
      <p className="govuk-body council-no-print">
        {t("account.case.newComplaint")}{" "}
        <Link className="govuk-link" to="/">
          {t("account.case.newComplaintLink")}
        </Link>
      </p>
    );
  }
  return (
    <div className="council-no-print">
      <h2 className="govuk-heading-m">{t("account.case.actionsHeading")}</h2>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`/complaints/${page.reference}/add-information`}>
            {t("account.case.addInformation")}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`/complaints/${page.reference}/withdraw`}>
            {t("account.case.withdraw")}
          </Link>
        </li>
      </ul>
    </div>
  );
}

export default function ComplaintPageRoute() {
  const { page, waiting } = useLoaderData<typeof loader>();
  return page ? <ComplaintPage page={page} /> : <WaitingPage waiting={waiting!} />;
}

/** Issue 10: what someone acting for the person sees until they have permission. */
function WaitingPage({ waiting }: { waiting: { reference: string; stage: number; status: string; person: string; consent: string } }) {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds-from-desktop">
        <Link to="/complaints" className="govuk-back-link">
          {t("account.case.back")}
        </Link>
        <span className="govuk-caption-l">{t("account.case.caption")}</span>
        <h1 className="govuk-heading-l">
          <bdi dir="ltr">{waiting.reference}</bdi>
        </h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.waiting.person")}</dt>
            <dd className="govuk-summary-list__value" dir="auto">{waiting.person}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.case.stage")}</dt>
            <dd className="govuk-summary-list__value">{t("account.stageShort", { stage: waiting.stage })}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.waiting.permission")}</dt>
            <dd className="govuk-summary-list__value">
              <strong>{t(`account.waiting.${waiting.consent}.status`)}</strong>
            </dd>
          </div>
        </dl>
        <p className="govuk-body">{t(`account.waiting.${waiting.consent}.body`)}</p>
        <p className="govuk-body">{t("account.waiting.meanwhile")}</p>
      </div>
    </div>
  );
}

/** Issue 10: the people acting for the person — who may stop them — or, for one of them, that they act with permission. */
function PeopleActing({ page, role }: { page: ComplaintPageData; role: "complainant" | "representative" }) {
  const { t } = useTranslation();
  if (role === "representative") return <div className="govuk-inset-text">{t("account.people.youAct")}</div>;
  if (page.people.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">{t("account.people.heading")}</h2>
      <dl className="govuk-summary-list">
        {page.people.map((person) => (
          <div className="govuk-summary-list__row" key={person.id}>
            <dt className="govuk-summary-list__key" dir="auto">
              {person.name}
            </dt>
            <dd className="govuk-summary-list__value">
              {t(`representation.relationship.${person.relationship}`)}
              {person.detail ? <span dir="auto">{`: ${person.detail}`}</span> : null}
              <br />
              {t(`account.people.state.${person.state}`)}
            </dd>
            <dd className="govuk-summary-list__actions council-no-print">
              <Link className="govuk-link" to={`/complaints/${page.reference}/people/${person.id}/stop`}>
                {t("account.people.stop")}
                <span className="govuk-visually-hidden"> {person.name}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function ComplaintPage({ page }: { page: ComplaintPageData }) {
  const { done, ombudsman, role } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [pathwayHeading, pathwayText] = PATHWAY_TEXTS[page.pathway];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds-from-desktop">
        <Link to="/complaints" className="govuk-back-link council-no-print">
          {t("account.case.back")}
        </Link>
        {done ? <DoneBanner done={done} stage={page.stage} /> : null}
        <span className="govuk-caption-l">{t("account.case.caption")}</span>
        <h1 className="govuk-heading-l">
          <bdi dir="ltr">{page.reference}</bdi>
        </h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.case.service")}</dt>
            <dd className="govuk-summary-list__value">{page.serviceAreaName}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.case.received")}</dt>
            <dd className="govuk-summary-list__value">{page.receivedOn}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.case.stage")}</dt>
            <dd className="govuk-summary-list__value">{t("account.stageShort", { stage: page.stage })}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.case.status")}</dt>
            <dd className="govuk-summary-list__value">
              <strong>{t(`account.status.${page.status}`)}</strong>
            </dd>
          </div>
        </dl>

        <h2 className="govuk-heading-m">{t("account.case.nextHeading")}</h2>
        {page.next ? (
          <>
            <p className="govuk-body">{t(`account.due.${page.next.id}.next`, { date: page.next.date })}</p>
            {page.next.overdue ? <div className="govuk-warning-text"><span className="govuk-warning-text__icon" aria-hidden="true">!</span><strong className="govuk-warning-text__text">{t("account.case.overdue")}</strong></div> : null}
            <p className="govuk-body">{t("account.case.why", { explanation: page.next.explanation })}</p>
          </>
        ) : (
          <p className="govuk-body">{t("account.case.noNextDue")}</p>
        )}
        {page.restriction ? (
          <>
            <h2 className="govuk-heading-m">{t("account.restriction.heading")}</h2>
            <p className="govuk-body">{t("account.restriction.intro")}</p>
            <p className="govuk-body">{t("account.restriction.contact", { name: page.restriction.contactName, way: page.restriction.contactWay })}</p>
            <p className="govuk-body">{t("account.restriction.review", { date: page.restriction.reviewOn })}</p>
          </>
        ) : null}
        <NextStage page={page} ombudsman={ombudsman} />
        <Actions page={page} />
        <PeopleActing page={page} role={role} />
        <p className="govuk-body council-no-print">
          <Link className="govuk-link" to={`/complaints/${page.reference}/case-file`}>
            {t("caseFile.link")}
          </Link>
        </p>

        <CaseDates dates={page.dates} />
        <CaseHistory history={page.history} complaintFiles={page.complaintFiles} />

        <h2 className="govuk-heading-m">{t("account.case.pathwayHeading")}</h2>
        <h3 className="govuk-heading-s">{t(pathwayHeading)}</h3>
        <p className="govuk-body">{t(pathwayText)}</p>
      </div>
    </div>
  );
}


