// The children's services annual complaints report (issue 12), laid out section by section and table by table as
// the council's own 2023/24 report (source 002: key facts, summary, advocacy, how complaints were received,
// statutory complaints over time, by upheld status and by team, resolution by stage, timescales, average
// timescales, equality, Ombudsman, comments, compliments, categories of concern, remedies), with the figures of a
// financial year, the year before and the one before that. Pure: it takes the counts and lays them out; the page
// writes the words (locales/en/staff.json, "childrens").
import { financialYearName } from "./period";

/** One period's figures, each a count (or an average) by a key the report lays out. */
export interface ChildrensFigures {
  readonly kinds: Record<"statutory" | "corporate" | "informal", number>;
  /** Complaints made for someone under 18, and how many of those an advocate made. */
  readonly youngPeople: number;
  readonly advocate: number;
  readonly channels: ReadonlyMap<string, number>;
  /** Statutory complaints by the outcome of their last response, withdrawn, or still open. */
  readonly outcomes: ReadonlyMap<string, number>;
  readonly teams: ReadonlyMap<string, number>;
  /** Statutory complaints by the furthest stage reached and how that stage went: within, over, withdrawn, open, unrecorded. */
  readonly stages: ReadonlyMap<string, number>;
  /** The average working days the furthest stage's response took, by stage. */
  readonly averageDays: ReadonlyMap<string, number>;
  /** Corporate complaints about children's social care that reached Stage 2. */
  readonly corporateStageTwo: number;
  readonly categories: ReadonlyMap<string, number>;
  readonly compliments: number;
  readonly comments: number;
  readonly complimentTeams: ReadonlyMap<string, number>;
  readonly ombudsman: { readonly received: number; readonly investigated: number; readonly upheld: number; readonly payments: number; readonly paymentPence: number };
}

/** Words to show: a staff text and what it interpolates. */
export interface Words {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A row: its label (words, or a name as recorded, such as a team) and its cells. */
export interface AnnualRow {
  readonly label: Words | { readonly text: string };
  /** Figures, a per cent, or words (such as "none" where there is nothing to count). */
  readonly cells: readonly (number | string | Words)[];
  readonly total?: boolean;
}

export interface AnnualTable {
  readonly id: string;
  /** The column headings' staff texts, the row heading's first. */
  readonly columns: readonly string[];
  readonly rows: readonly AnnualRow[];
  readonly note?: Words;
}

export interface AnnualSection {
  readonly id: string;
  readonly paragraphs: readonly Words[];
  readonly tables: readonly AnnualTable[];
}

const CHANNEL_ORDER = ["email", "online", "letter", "phone", "in_person"];
const OUTCOME_ORDER = ["upheld", "partially_upheld", "not_upheld", "withdrawn", "open"];
const STAGES = ["1", "2", "3"] as const;
const STAGE_ROWS = ["within", "over", "withdrawn", "open", "unrecorded"];

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);
/** Shown where there is nothing to count (a per cent of nought, an average of no complaints). */
export const NOTHING_TO_COUNT: Words = { key: "childrens.nothingToCount" };

/** `part` as a whole per cent of `whole`, as source 002 gives them (nought of nothing). */
const wholePercent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((100 * part) / whole));

/** A table's per cent cell: "35%", or "nothing to count" of nothing. */
export const percentOf = (part: number, whole: number): string | Words => (whole === 0 ? NOTHING_TO_COUNT : `${wholePercent(part, whole)}%`);

/** Rows for recorded names (teams), largest first, with "none recorded" for the blank, then the total. */
function namedRows(counts: ReadonlyMap<string, number>, noneKey: string): AnnualRow[] {
  const rows: AnnualRow[] = [...counts.entries()]
    .filter(([name]) => name !== "")
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([name, count]) => ({ label: { text: name }, cells: [count] }));
  const none = counts.get("") ?? 0;
  if (none > 0) rows.push({ label: { key: noneKey }, cells: [none] });
  rows.push({ label: { key: "childrens.total" }, cells: [sum(counts.values())], total: true });
  return rows;
}

/**
 * The report for the financial year starting 1 April `year`: `figures` holds that year's, the year before's and the
 * one before that's, in that order.
 */
export function childrensAnnualReport(year: number, figures: readonly [ChildrensFigures, ChildrensFigures, ChildrensFigures]): AnnualSection[] {
  const [now, before, earlier] = figures;
  const total = (f: ChildrensFigures) => f.kinds.statutory + f.kinds.corporate + f.kinds.informal;
  const statutory = now.kinds.statutory;
  const atStage = (f: ChildrensFigures, stage: string) => sum([...f.stages].filter(([key]) => key.startsWith(`${stage}:`)).map(([, n]) => n));
  const years = { year: financialYearName(year), before: financialYearName(year - 1), earlier: financialYearName(year - 2) };

  return [
    {
      id: "keyFacts",
      paragraphs: [
        { key: "childrens.keyFacts.received", params: { ...years, total: total(now), statutory, corporate: now.kinds.corporate, informal: now.kinds.informal } },
        { key: "childrens.keyFacts.youngPeople", params: { youngPeople: now.youngPeople, advocate: now.advocate } },
        { key: "childrens.keyFacts.compliments", params: { ...years, compliments: now.compliments } },
        { key: "childrens.keyFacts.ombudsman", params: { ...years, received: now.ombudsman.received, investigated: now.ombudsman.investigated, upheld: now.ombudsman.upheld } },
      ],
      tables: [
        {
          id: "averageTime",
          columns: ["childrens.column.stage", "childrens.column.complaints", "childrens.column.averageDays"],
          rows: STAGES.map((stage) => ({ label: { key: "childrens.stage", params: { stage } }, cells: [atStage(now, stage), now.averageDays.get(stage) ?? NOTHING_TO_COUNT] })),
        },
      ],
    },
    {
      id: "summary",
      paragraphs: [
        { key: "childrens.summary.total", params: { ...years, total: total(now), totalBefore: total(before), statutory, corporate: now.kinds.corporate, informal: now.kinds.informal } },
        { key: "childrens.summary.statutory", params: { ...years, statutory, statutoryBefore: before.kinds.statutory, statutoryEarlier: earlier.kinds.statutory } },
      ],
      tables: [],
    },
    {
      id: "advocacy",
      paragraphs: [{ key: "childrens.advocacy.text", params: { ...years, youngPeople: now.youngPeople, youngPeopleBefore: before.youngPeople, advocate: now.advocate } }],
      tables: [],
    },
    {
      id: "complaints",
      paragraphs: [{ key: "childrens.complaints.text", params: { statutory, corporate: now.kinds.corporate, informal: now.kinds.informal } }],
      tables: [
        {
          id: "howReceived",
          columns: ["childrens.column.method", "childrens.column.complaints"],
          rows: [
            ...[...CHANNEL_ORDER, ...[...now.channels.keys()].filter((key) => !CHANNEL_ORDER.includes(key))].map((channel) => ({ label: { key: `childrens.channel.${channel}` }, cells: [now.channels.get(channel) ?? 0] })),
            { label: { key: "childrens.total" }, cells: [sum(now.channels.values())], total: true },
          ],
          note: { key: "childrens.complaints.note" },
        },
      ],
    },
    {
      id: "statutory",
      paragraphs: [{ key: "childrens.statutory.text", params: { ...years, statutory, statutoryBefore: before.kinds.statutory } }],
      tables: [
        {
          id: "overTime",
          columns: ["childrens.column.year", "childrens.column.complaints"],
          rows: [
            { label: { text: years.earlier }, cells: [earlier.kinds.statutory] },
            { label: { text: years.before }, cells: [before.kinds.statutory] },
            { label: { text: years.year }, cells: [statutory] },
          ],
        },
        {
          id: "byStatus",
          columns: ["childrens.column.status", "childrens.column.complaints", "childrens.column.percent"],
          rows: [
            ...OUTCOME_ORDER.map((outcome) => {
              const count = now.outcomes.get(outcome) ?? 0;
              return { label: { key: `childrens.status.${outcome}` }, cells: [count, percentOf(count, statutory)] };
            }),
            { label: { key: "childrens.total" }, cells: [statutory, statutory === 0 ? NOTHING_TO_COUNT : "100%"], total: true },
          ],
        },
        { id: "byTeam", columns: ["childrens.column.team", "childrens.column.complaints"], rows: namedRows(now.teams, "childrens.noTeam") },
      ],
    },
    {
      id: "resolution",
      paragraphs: [
        {
          key: "childrens.resolution.stage1",
          params: { ...years, resolved: atStage(now, "1"), statutory, percent: wholePercent(atStage(now, "1"), statutory), percentBefore: wholePercent(atStage(before, "1"), before.kinds.statutory) },
        },
        { key: "childrens.resolution.stage2", params: { ...years, statutory: atStage(now, "2"), corporate: now.corporateStageTwo, statutoryBefore: atStage(before, "2"), corporateBefore: before.corporateStageTwo } },
        { key: "childrens.resolution.stage3", params: { ...years, panels: atStage(now, "3"), panelsBefore: atStage(before, "3") } },
      ],
      tables: [],
    },
    {
      id: "timescales",
      paragraphs: [{ key: "childrens.timescales.text" }],
      tables: [
        {
          id: "byStageAndTimescale",
          columns: ["childrens.column.stage", "childrens.column.timescale", "childrens.column.complaints"],
          rows: [
            ...STAGES.flatMap((stage) =>
              STAGE_ROWS.filter((kept) => kept !== "unrecorded" || (now.stages.get(`${stage}:unrecorded`) ?? 0) > 0).map((kept) => ({
                label: { key: "childrens.stage", params: { stage } },
                cells: [{ key: `childrens.kept.${kept}` }, now.stages.get(`${stage}:${kept}`) ?? 0],
              })),
            ),
            { label: { key: "childrens.total" }, cells: ["", sum(now.stages.values())], total: true },
          ],
        },
        {
          id: "averageByStage",
          columns: ["childrens.column.stage", "childrens.column.complaints", "childrens.column.averageDays"],
          rows: STAGES.map((stage) => ({ label: { key: "childrens.stage", params: { stage } }, cells: [atStage(now, stage), now.averageDays.get(stage) ?? NOTHING_TO_COUNT] })),
          note: { key: "childrens.timescales.averageNote" },
        },
      ],
    },
    { id: "equality", paragraphs: [{ key: "childrens.equality.text" }], tables: [] },
    {
      id: "ombudsman",
      paragraphs: [{ key: "childrens.ombudsman.text", params: { ...years, received: now.ombudsman.received, investigated: now.ombudsman.investigated, upheld: now.ombudsman.upheld } }],
      tables: [],
    },
    { id: "comments", paragraphs: [{ key: "childrens.comments.text", params: { ...years, comments: now.comments } }], tables: [] },
    {
      id: "compliments",
      paragraphs: [{ key: "childrens.compliments.text", params: { ...years, compliments: now.compliments, complimentsBefore: before.compliments, complimentsEarlier: earlier.compliments } }],
      tables: [
        {
          id: "complimentsByYear",
          columns: ["childrens.column.year", "childrens.column.compliments"],
          rows: [
            { label: { text: years.earlier }, cells: [earlier.compliments] },
            { label: { text: years.before }, cells: [before.compliments] },
            { label: { text: years.year }, cells: [now.compliments] },
          ],
        },
        { id: "complimentsByTeam", columns: ["childrens.column.team", "childrens.column.compliments"], rows: namedRows(now.complimentTeams, "childrens.noTeam") },
      ],
    },
    {
      id: "improvements",
      paragraphs: [{ key: "childrens.improvements.text", params: { statutory } }],
      tables: [
        {
          id: "categories",
          columns: ["childrens.column.category", "childrens.column.timesRaised"],
          rows: [...now.categories.entries()].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([category, count]) => ({ label: { key: `classify.category.${category}` }, cells: [count] })),
        },
      ],
    },
    {
      id: "remedy",
      paragraphs: [{ key: "childrens.remedy.text", params: { payments: now.ombudsman.payments, pounds: (now.ombudsman.paymentPence / 100).toFixed(2) } }],
      tables: [],
    },
  ];
}
