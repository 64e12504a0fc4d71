// Tests only: an attacker's view of published tables, to show suppression holds.
import type { Line } from "../suppression";

/**
 * What a reader can work out from the published figures: each hidden cell starts anywhere from nought up, and every
 * line narrows it (a part is at least the total less the most the others can be, and at most the total less the
 * least they can be), until nothing changes. Returns each cell's range.
 */
export function whatCanBeWorkedOut(values: readonly number[], hidden: readonly boolean[], lines: readonly Line[]): Array<[number, number]> {
  const range: Array<[number, number]> = values.map((value, index) => (hidden[index] ? [0, Number.POSITIVE_INFINITY] : [value, value]));
  for (let round = 0; round < 200; round++) {
    let changed = false;
    for (const line of lines) {
      const members = [line.total, ...line.parts];
      // total - sum(parts) = 0, so each member is bounded by the others.
      for (const member of members) {
        const others = members.filter((other) => other !== member);
        const sign = (index: number) => (index === line.total ? 1 : -1);
        // sign(member) * member = -sum(sign(o) * o)
        let low = 0;
        let high = 0;
        for (const other of others) {
          const [a, b] = range[other]!;
          const s = -sign(other) * sign(member);
          low += s > 0 ? a : -b;
          high += s > 0 ? b : -a;
        }
        const [oldLow, oldHigh] = range[member]!;
        const newLow = Math.max(oldLow, low);
        const newHigh = Math.min(oldHigh, high);
        if (newLow > oldLow || newHigh < oldHigh) {
          range[member] = [newLow, newHigh];
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return range;
}
