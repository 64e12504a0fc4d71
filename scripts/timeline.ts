// `npm run --silent timeline < case.json`: reads one case (JSON) on stdin and prints its due dates as one
// JSON object. Invalid input: exit status 2, the reasons on stderr, nothing on stdout. Events for a stage the
// pathway does not have (e.g. a review panel on a corporate case) are set aside with a note on stderr.
import { parseCaseInputIgnoringOtherStages } from "../app/rules/case-input";
import { computeTimeline, dueDatesByKey } from "../app/rules/complaint-timeline";

const INVALID_INPUT = 2;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function invalid(lines: readonly string[]): void {
  process.stderr.write(`timeline: invalid case\n${lines.map((line) => `  ${line}\n`).join("")}`);
  process.exitCode = INVALID_INPUT;
}

async function main(): Promise<void> {
  const text = await readStdin();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    invalid([`not valid JSON: ${error instanceof Error ? error.message : String(error)}`]);
    return;
  }
  const parsed = parseCaseInputIgnoringOtherStages(raw);
  if (!parsed.ok) {
    invalid(parsed.errors);
    return;
  }
  for (const line of parsed.ignored) process.stderr.write(`timeline: ignored ${line}\n`);
  const result = computeTimeline(parsed.value);
  if (!result.ok) {
    invalid([result.error.message]);
    return;
  }
  process.stdout.write(`${JSON.stringify(dueDatesByKey(result.timeline))}\n`);
}

await main();
