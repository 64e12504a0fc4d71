// Adds up the unit and end-to-end results into one closing line: "N passed, N failed".
import { readFileSync } from "node:fs";

const [vitestFile, playwrightFile, started] = process.argv.slice(2);
const vitest = JSON.parse(readFileSync(vitestFile, "utf8"));
const playwright = JSON.parse(readFileSync(playwrightFile, "utf8"));

const unitPassed = vitest.numPassedTests;
// A test file that failed without running a test (it would not load) counts as a failure, and so does a run that
// found no tests at all.
const unloaded = vitest.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
const unitFailed = vitest.numFailedTests + unloaded + (vitest.numTotalTests === 0 ? 1 : 0);
const e2ePassed = playwright.stats.expected;
// Errors outside any test (a web server that would not start, a broken config) are failures too.
const e2eFailed =
  playwright.stats.unexpected + playwright.stats.flaky + (playwright.errors?.length ?? 0) + (e2ePassed === 0 ? 1 : 0);
const seconds = Math.round(Date.now() / 1000 - Number(started));

console.log(`\nUnit and database tests: ${unitPassed} passed, ${unitFailed} failed`);
console.log(`End-to-end tests: ${e2ePassed} passed, ${e2eFailed} failed`);
console.log(`Whole suite took ${seconds} s`);
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed`);
process.exit(unitFailed + e2eFailed > 0 ? 1 : 0);
