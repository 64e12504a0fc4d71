// Small-number suppression for the equality reports (issue 12, item 2): no published figure, nor any sum or
// difference of published figures, may show a group of fewer than 5 people. Pure, so it is tested without a
// database.
//
// A table is a set of cells and the additive lines that bind them (a row's cells add up to its total; a quarter's
// cells add up to the year's). Every cell under 5 is hidden (primary suppression, nought included: "every cell
// under 5"). Then, while any line would let a reader work a hidden figure out, one more cell of that line is hidden
// (complementary suppression): a line is safe when at least two of its members are hidden and, if its total is
// shown, the hidden parts together come to at least 5 — so subtraction yields neither a single hidden cell nor a
// small group. The smallest shown part is hidden first, so as little as possible is lost.

/** Fewer people than this in any figure would risk identifying someone. */
export const SMALL_NUMBER = 5;

/** An additive relation between cells, by index: the parts add up to the total. */
export interface Line {
  readonly total: number;
  readonly parts: readonly number[];
}

/** Which cells to hide, by index: every cell under the threshold, and enough others that none can be worked out. */
export function suppressedCells(values: readonly number[], lines: readonly Line[], threshold: number = SMALL_NUMBER): boolean[] {
  const hidden = values.map((value) => value < threshold);
  const unsafe = (line: Line): boolean => {
    const hiddenParts = line.parts.filter((index) => hidden[index]);
    const hiddenCount = hiddenParts.length + (hidden[line.total] ? 1 : 0);
    if (hiddenCount === 0) return false;
    if (hiddenCount === 1) return true;
    // With the total shown, the total minus the parts shown is what the hidden parts come to.
    return !hidden[line.total] && hiddenParts.reduce((sum, index) => sum + values[index]!, 0) < threshold;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.parts.length === 0 || !unsafe(line)) continue;
      const shownParts = line.parts.filter((index) => !hidden[index]).sort((a, b) => values[a]! - values[b]! || a - b);
      const next = shownParts[0] ?? (hidden[line.total] ? undefined : line.total);
      if (next === undefined) continue;
      hidden[next] = true;
      changed = true;
    }
  }
  return hidden;
}

/**
 * A two-way table with nested rows and columns (a total row over categories; a total column over pathways, each
 * over its service areas), built from its leaf cells, with every total summed and every line between them.
 */
export interface Axis {
  /** Every key, totals included, in the order shown. */
  readonly keys: readonly string[];
  /** A total's parts: the keys that add up to it. */
  readonly parts: ReadonlyMap<string, readonly string[]>;
}

export interface Grid {
  readonly rows: Axis;
  readonly columns: Axis;
  /** Each cell's figure, or null where it is suppressed. */
  readonly cell: (row: string, column: string) => number | null;
}

/** The leaves of an axis under `key` (the key itself when it has no parts). */
function leavesOf(axis: Axis, key: string): string[] {
  const parts = axis.parts.get(key);
  return parts ? parts.flatMap((part) => leavesOf(axis, part)) : [key];
}

/**
 * Several grids suppressed together, so that figures shared between them (or added up across them, `across`) are
 * hidden alike: `across` says which grid's cells add up to which (a year's to its quarters').
 */
export function suppressedGrids(
  grids: readonly { readonly rows: Axis; readonly columns: Axis; readonly leaf: (row: string, column: string) => number }[],
  across: readonly { readonly total: number; readonly parts: readonly number[] }[] = [],
  threshold: number = SMALL_NUMBER,
): Grid[] {
  const values: number[] = [];
  const lines: Line[] = [];
  const indexes = grids.map((grid) => {
    const index = new Map<string, number>();
    for (const row of grid.rows.keys) {
      for (const column of grid.columns.keys) {
        let sum = 0;
        for (const leafRow of leavesOf(grid.rows, row)) for (const leafColumn of leavesOf(grid.columns, column)) sum += grid.leaf(leafRow, leafColumn);
        index.set(`${row}\u0000${column}`, values.length);
        values.push(sum);
      }
    }
    const at = (row: string, column: string) => index.get(`${row}\u0000${column}`)!;
    for (const [total, parts] of grid.rows.parts) for (const column of grid.columns.keys) lines.push({ total: at(total, column), parts: parts.map((part) => at(part, column)) });
    for (const [total, parts] of grid.columns.parts) for (const row of grid.rows.keys) lines.push({ total: at(row, total), parts: parts.map((part) => at(row, part)) });
    return at;
  });
  // Cells of grid `total` add up, cell for cell, to the same cells of the grids `parts` (when they share keys).
  for (const link of across) {
    const grid = grids[link.total]!;
    for (const row of grid.rows.keys) {
      for (const column of grid.columns.keys) {
        const parts = link.parts.filter((part) => grids[part]!.rows.keys.includes(row) && grids[part]!.columns.keys.includes(column));
        lines.push({ total: indexes[link.total]!(row, column), parts: parts.map((part) => indexes[part]!(row, column)) });
      }
    }
  }
  const hidden = suppressedCells(values, lines, threshold);
  return grids.map((grid, which) => ({
    rows: grid.rows,
    columns: grid.columns,
    cell: (row, column) => {
      const index = indexes[which]!(row, column);
      return index === undefined || hidden[index] ? null : values[index]!;
    },
  }));
}
