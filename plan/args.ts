import { parseArgs } from "node:util";

/** What the offline plan was asked to do. */
export interface PlanOptions {
    /** Folder of the program (holding `Pulumi.yaml`). */
    programDir: string;
    stack: string;
    /** `--config key=value` pairs, in order. */
    config: Record<string, string>;
    /** A stack config file to read instead of `Pulumi.<stack>.yaml`. */
    configFile?: string;
    json: boolean;
    /** Folder of a policy pack to run on the plan, as `pulumi preview --policy-pack` does. */
    policyPack?: string;
    /** A policy config file, as `pulumi preview --policy-pack-config` takes it. */
    policyConfig?: string;
    /** Print only the policy report, not the resource tree. */
    reportOnly: boolean;
}

export const USAGE = `usage: plan <program-folder> [--stack NAME] [--config KEY=VALUE]... [--config-file FILE] [--json]
            [--policy-pack DIR [--policy-config FILE] [--report-only]]

Runs a Pulumi program on the mock engine (no cloud, no credentials) and prints what
\`pulumi preview\` would create: the resource tree and the stack outputs.

  --stack NAME         stack name (default: dev); reads Pulumi.NAME.yaml when present
  --config KEY=VALUE   set a config value; KEY without a namespace belongs to the project
  --config-file FILE   read stack config from FILE instead of Pulumi.<stack>.yaml
  --json               print the plan as JSON
  --policy-pack DIR    run the policy pack in DIR on every resource and on the stack;
                       exit 1 on any mandatory violation
  --policy-config FILE policy config (format of pulumi preview --policy-pack-config)
  --report-only        print the policy report without the resource tree`;

/** Parses command-line arguments; throws an Error with the usage on bad input. */
export function parsePlanArgs(argv: string[]): PlanOptions {
    const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
            stack: { type: "string", default: "dev" },
            config: { type: "string", multiple: true, short: "c", default: [] },
            "config-file": { type: "string" },
            json: { type: "boolean", default: false },
            "policy-pack": { type: "string" },
            "policy-config": { type: "string" },
            "report-only": { type: "boolean", default: false },
        },
    });
    if (positionals.length > 1) {
        throw new Error(`expected one program folder, got ${positionals.length}: ${positionals.join(" ")}\n${USAGE}`);
    }
    const config: Record<string, string> = {};
    for (const pair of values.config ?? []) {
        const eq = pair.indexOf("=");
        if (eq <= 0) {
            throw new Error(`--config ${JSON.stringify(pair)} must be KEY=VALUE\n${USAGE}`);
        }
        config[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const options: PlanOptions = {
        programDir: positionals[0] ?? ".",
        stack: values.stack as string,
        config,
        configFile: values["config-file"],
        json: values.json as boolean,
        policyPack: values["policy-pack"],
        policyConfig: values["policy-config"],
        reportOnly: values["report-only"] as boolean,
    };
    if (options.policyConfig && !options.policyPack) {
        throw new Error(`--policy-config needs --policy-pack\n${USAGE}`);
    }
    return options;
}
