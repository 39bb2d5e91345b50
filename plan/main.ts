import { parsePlanArgs } from "./args";
import { renderJson, renderText } from "./render";
import { runPlan } from "./run";

/** `npm start` / `npm run plan -- <folder>`: the offline plan of a Pulumi program. */
async function main(argv: string[]): Promise<number> {
    const options = parsePlanArgs(argv);
    const plan = await runPlan(options);
    process.stdout.write((options.json ? renderJson(plan) : renderText(plan)) + "\n");
    return 0;
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
        process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
    },
);
