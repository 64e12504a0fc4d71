// Report figures, kept a few minutes (issue 12's benchmark: every report over 50,000 complaints). Counting a year
// of 50,000 complaints reads about 60,000 events, a quarter of a second of this 2-core machine's time; the
// complaints report and the self-assessment count the same years (each beside the year before), and a manager
// reading, printing and downloading a report asks for them again and again. So each report's figures for a period
// are kept for FIGURES_KEPT_MS in this process (the page and its CSV share them), and every report page says how
// old its figures may be. A failed count is not kept; the council's commentary is never kept, so a change shows at
// once.

/** How long counted figures are kept before they are counted again. */
export const FIGURES_KEPT_MS = 5 * 60 * 1000;
/** How many sets of figures each process keeps: the oldest go first. */
export const FIGURES_KEPT_MAX = 200;

type Kept = { readonly at: number; readonly value: Promise<unknown> };

export function figuresCache(keptMs = FIGURES_KEPT_MS, max = FIGURES_KEPT_MAX, now: () => number = Date.now) {
  const kept = new Map<string, Kept>();
  return function cached<T>(key: string, count: () => Promise<T>): Promise<T> {
    const found = kept.get(key);
    if (found && now() - found.at < keptMs) return found.value as Promise<T>;
    kept.delete(key);
    const value = count();
    kept.set(key, { at: now(), value });
    value.catch(() => {
      if (kept.get(key)?.value === value) kept.delete(key);
    });
    while (kept.size > max) kept.delete(kept.keys().next().value!);
    return value;
  };
}

const byDatabase = new WeakMap<object, ReturnType<typeof figuresCache>>();

/** The figures counted on this database under `key` in the last few minutes, or counted now. */
export function cachedFigures<T>(db: object, key: string, count: () => Promise<T>): Promise<T> {
  let cached = byDatabase.get(db);
  if (!cached) byDatabase.set(db, (cached = figuresCache()));
  return cached(key, count);
}
