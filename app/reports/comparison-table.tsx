// A report table with each row's figure beside the period before's (issue 12): the complaints report's tables and
// the self-assessment's evidence alike.
export function ComparisonTable(props: {
  caption: string;
  rowHeading: string;
  nowLabel: string;
  beforeLabel: string;
  rows: readonly { readonly key: string; readonly label: string; readonly now: number; readonly before: number }[];
}) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{props.caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            {props.rowHeading}
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            {props.nowLabel}
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            {props.beforeLabel}
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {props.rows.map((row) => (
          <tr key={row.key} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {row.label}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{row.now.toLocaleString("en-GB")}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{row.before.toLocaleString("en-GB")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
