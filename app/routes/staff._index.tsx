// The complaints team's queue (issue 11, item 2): open complaints, the soonest due first, each marked overdue,
// due within 2 working days or on track — in words as well as colour — 50 to a page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { pageAsked, Pagination } from "~/components/pagination";
import { ScrollingTable } from "~/components/scrolling-table";
import { translatedTitle } from "~/components/page-title";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { londonDateOf, type IsoDate } from "~/rules/calendar-dates";
import { formatIsoDate } from "~/rules/explanations";
import { recordStaffAudit } from "~/staff/staff-audit.server";
import { AWAITING, OPEN_STATUSES, QUEUE_PATHWAYS, QUEUE_STAGES, queueFiltersFrom, queueQuery, type QueueFilters } from "~/staff/queue";
import { assignableStaff, QUEUE_PAGE_SIZE, queuePage, queueServiceAreas } from "~/staff/queue.server";
import { requireStaff } from "~/staff/staff-page.server";
import { actsOnComplaints } from "~/staff/casework";
import { complaintReach } from "~/staff/staff-roles";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:queue.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, staff } = await requireStaff(request);
  const query = new URL(request.url).searchParams;
  const [services, officers] = await Promise.all([queueServiceAreas(db), assignableStaff(db)]);
  const filters = queueFiltersFrom(query, services.map((service) => service.slug), officers.map((officer) => officer.id));
  const today = londonDateOf(new Date());
  const wanted = pageAsked(query.get("page"), Number.MAX_SAFE_INTEGER);
  let found = await queuePage(db, staff, wanted, today, filters);
  const pageCount = Math.max(1, Math.ceil(found.total / QUEUE_PAGE_SIZE));
  // A page number past the end shows the last page.
  const page = Math.min(wanted, pageCount);
  if (page !== wanted) found = await queuePage(db, staff, page, today, filters);
  const { rows, total } = found;
  await recordStaffAudit(db, { staffId: staff.staffId, action: "viewed_queue", detail: { page, ...filters } });
  return {
    reaches: complaintReach(staff.role) !== "none",
    logsOffline: actsOnComplaints(staff.role),
    filters,
    services,
    // Only those who see every complaint narrow it by who is assigned.
    officers: complaintReach(staff.role) === "all" ? officers.map((officer) => ({ id: officer.id, name: officer.name || officer.email })) : [],
    page,
    pageCount,
    range: rows.length > 0 ? { from: (page - 1) * QUEUE_PAGE_SIZE + 1, to: (page - 1) * QUEUE_PAGE_SIZE + rows.length, total } : null,
    rows: rows.map((row) => ({ ...row, due: row.nextDueOn ? formatIsoDate(row.nextDueOn as IsoDate, "en-GB") : null })),
    texts: textsFor("en", ["pagination"]),
  };
}

/** One of the queue's narrowing lists: "Any", then the choices. */
function FilterSelect(props: { name: keyof QueueFilters; label: string; value: string; options: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={`queue-${props.name}`}>
        {props.label}
      </label>
      <select className="govuk-select" id={`queue-${props.name}`} name={props.name} defaultValue={props.value}>
        <option value="">{t("staff:queue.filter.any")}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Search by reference or name, and narrow by process, stage, service, status and the decisions waiting: a plain GET
 * form, so it works without JavaScript.
 */
type Services = Array<{ slug: string; name: string }>;
type Officers = Array<{ id: string; name: string }>;

function QueueFilterForm({ filters, services, officers }: { filters: QueueFilters; services: Services; officers: Officers }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="council-filter">
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="queue-search">
          {t("staff:queue.filter.search")}
        </label>
        <input className="govuk-input govuk-input--width-20" id="queue-search" name="q" type="search" defaultValue={filters.search} spellCheck={false} />
      </div>
      <FilterSelect name="pathway" label={t("staff:queue.pathway")} value={filters.pathway} options={QUEUE_PATHWAYS.map((pathway) => ({ value: pathway, label: t(`staff:queue.pathwayName.${pathway}`) }))} />
      <FilterSelect name="stage" label={t("staff:queue.stage")} value={filters.stage} options={QUEUE_STAGES.map((stage) => ({ value: stage, label: t("staff:queue.stageShort", { stage }) }))} />
      <FilterSelect name="service" label={t("staff:queue.service")} value={filters.service} options={services.map((service) => ({ value: service.slug, label: service.name }))} />
      {officers.length > 0 ? <FilterSelect name="officer" label={t("staff:queue.officer")} value={filters.officer} options={officers.map((officer) => ({ value: officer.id, label: officer.name }))} /> : null}
      <FilterSelect name="status" label={t("staff:queue.status")} value={filters.status} options={OPEN_STATUSES.map((status) => ({ value: status, label: t(`staff:queue.statusName.${status}`) }))} />
      <FilterSelect name="awaiting" label={t("staff:queue.filter.awaiting")} value={filters.awaiting} options={AWAITING.map((awaiting) => ({ value: awaiting, label: t(`staff:queue.awaitingName.${awaiting}`) }))} />
      <button type="submit" className="govuk-button govuk-button--secondary">
        {t("staff:queue.filter.apply")}
      </button>
    </Form>
  );
}

const URGENCY_TAG: Record<string, string> = { overdue: "govuk-tag--red", due_soon: "govuk-tag--yellow", on_track: "govuk-tag--green", none: "govuk-tag--grey" };

export default function StaffQueue() {
  const { reaches, logsOffline, filters, services, officers, page, pageCount, range, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l" id="queue-heading">
          {t("staff:queue.title")}
        </h1>
        {logsOffline ? (
          <p className="govuk-body">
            <Link className="govuk-link" to="/staff/complaints/new">
              {t("staff:queue.logOffline")}
            </Link>
          </p>
        ) : null}
        {reaches ? <QueueFilterForm filters={filters} services={services} officers={officers} /> : null}
        {!reaches ? (
          <p className="govuk-body">{t("staff:queue.noAccess")}</p>
        ) : rows.length === 0 ? (
          <p className="govuk-body">{t("staff:queue.none")}</p>
        ) : (
          <>
            <p className="govuk-body">{t("staff:queue.intro")}</p>
            {range ? <p className="govuk-body">{t("staff:queue.showing", range)}</p> : null}
            <ScrollingTable labelledBy="queue-heading">
              <table className="govuk-table">
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">{t("staff:queue.reference")}</th>
                    <th scope="col" className="govuk-table__header">{t("staff:queue.service")}</th>
                    <th scope="col" className="govuk-table__header">{t("staff:queue.pathway")}</th>
                    <th scope="col" className="govuk-table__header">{t("staff:queue.status")}</th>
                    <th scope="col" className="govuk-table__header">{t("staff:queue.due")}</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {rows.map((row) => (
                    <tr key={row.reference} className="govuk-table__row">
                      <th scope="row" className="govuk-table__header">
                        <Link className="govuk-link" to={`/staff/complaints/${row.reference}`}>
                          {row.reference}
                        </Link>
                      </th>
                      <td className="govuk-table__cell">{row.service}</td>
                      <td className="govuk-table__cell">
                        {t(`staff:queue.pathwayName.${row.pathway}`)}, {t("staff:queue.stageShort", { stage: row.stage })}
                      </td>
                      <td className="govuk-table__cell">{t(`staff:queue.statusName.${row.status}`)}</td>
                      <td className="govuk-table__cell">
                        <strong className={`govuk-tag ${URGENCY_TAG[row.urgency]}`}>{t(`staff:queue.urgency.${row.urgency}`)}</strong> {row.due ?? t("staff:queue.noDate")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollingTable>
            <Pagination page={page} pageCount={pageCount} hrefFor={(number) => `?${queueQuery(filters, number)}`} />
          </>
        )}
      </div>
    </div>
  );
}
