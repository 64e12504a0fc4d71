// `npm run db:migrate`: applies the committed migrations to the configured database.
import { openDatabase, targetFromEnv } from "./client";

const target = targetFromEnv();
const { close } = await openDatabase(target);
await close();
process.stdout.write(`Migrations applied (${target.kind}).\n`);
