// What the benchmark scripts share: percentiles, and running requests from this process, a few at a time, with
// the latency each client saw.

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Sends `total` requests, `concurrency` at a time, and prints the rate and the latencies as the client saw them. */
export async function run(label: string, total: number, concurrency: number, one: (i: number) => Promise<number>): Promise<void> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const status = await one(i);
        latencies.push(performance.now() - t0);
        if (status >= 400) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `${label}: ${total} requests, ${concurrency} concurrent, ${(total / seconds).toFixed(1)}/s, ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, ` +
      `p99 ${percentile(latencies, 99).toFixed(1)} ms, failures ${failures}`,
  );
}
