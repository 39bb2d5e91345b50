import { parseArgs } from "node:util";
import type { PlanOptions } from "../plan/options";

export const PLAN_FORMATS = ["text", "json"] as const;
export const CHECK_FORMATS = ["text", "json", "sarif", "junit", "markdown"] as const;
export const GRAPH_FORMATS = ["mermaid", "dot"] as const;

export type CheckFormat = (typeof CHECK_FORMATS)[number];
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** A command line the tool understood. */
export type Command =
    | { command: "plan"; plan: PlanOptions; format: CheckFormat; graph?: GraphFormat; output?: string }
    | {
          command: "check";
          plan: PlanOptions;
          format: CheckFormat;
          output?: string;
          /** Folder of the pack; undefined = the pack shipped in this package. */
          policyPack?: string;
          policyConfig?: string;
          /** Also print the resource tree (text format). */
          showPlan: boolean;
      }
    | { command: "verify"; argv: string[] }
    | { command: "help" }
    | { command: "version" };

/** A command line the tool cannot run: exit 2 with the message and the usage. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

export const USAGE = `usage: aws-euc <command> [options]

Commands:
  plan [folder]    run the Pulumi program in folder (default .) on the mock cloud and print
                   what \`pulumi preview\` would create; no cloud, no credentials
  check [folder]   plan, then run a policy pack on every resource and on the stack, as
                   \`pulumi preview --policy-pack\` does; exit 1 on a mandatory violation
  verify <url>     check a deployed site: HTTPS redirect, TLS, HSTS and security headers
  help             this text

Options of plan and check:
  --stack NAME           stack name (default: dev); reads Pulumi.NAME.yaml when present
  -c, --config KEY=VALUE set a config value; KEY without a namespace belongs to the project
  --config-file FILE     read stack config from FILE instead of Pulumi.<stack>.yaml
  --mocks FILE           canned lookup results and resource outputs (YAML or JSON):
                         {invokes: {<token>: <result>}, resources: {<type>[::<name>]: <outputs>}}
  --format FORMAT        plan: text | json; check: text | json | sarif | junit | markdown
  --json                 same as --format json
  --output FILE          write the report to FILE instead of stdout
  --graph mermaid|dot    plan: print the resource graph (parents and dependencies) instead

Options of check:
  --policy-pack DIR      the pack to run (default: the pack shipped in pulumi-aws-euc)
  --policy-config FILE   policy config, in the format of pulumi preview --policy-pack-config
  --plan                 text format: print the resource tree before the report

Exit status: 0 success; 1 a mandatory policy violation (check); 2 the program failed, or a
usage or configuration error.`;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
    if (value === undefined) {
        return fallback;
    }
    if (!(allowed as readonly string[]).includes(value)) {
        throw new UsageError(`${flag} ${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
    }
    return value as T;
}

function configPairs(pairs: string[]): Record<string, string> {
    const config: Record<string, string> = {};
    for (const pair of pairs) {
        const eq = pair.indexOf("=");
        if (eq <= 0) {
            throw new UsageError(`--config ${JSON.stringify(pair)} must be KEY=VALUE`);
        }
        config[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return config;
}

/** Parses the command line; throws a `UsageError` naming what is wrong. */
export function parseCommand(argv: string[]): Command {
    const [command, ...rest] = argv;
    if (command === undefined || command === "help" || command === "--help" || command === "-h") {
        return { command: "help" };
    }
    if (command === "--version" || command === "version") {
        return { command: "version" };
    }
    if (command === "verify") {
        return { command: "verify", argv: rest };
    }
    if (command !== "plan" && command !== "check") {
        throw new UsageError(`unknown command ${JSON.stringify(command)}; expected plan, check, verify or help`);
    }
    let parsed: ReturnType<typeof parse>;
    try {
        parsed = parse(rest);
    } catch (err) {
        throw new UsageError((err as Error).message);
    }
    const { values, positionals } = parsed;
    if (positionals.length > 1) {
        throw new UsageError(`expected one program folder, got ${positionals.length}: ${positionals.join(" ")}`);
    }
    const plan: PlanOptions = {
        programDir: positionals[0] ?? ".",
        stack: values.stack ?? "dev",
        config: configPairs(values.config ?? []),
        configFile: values["config-file"],
        mocksFile: values.mocks,
    };
    if (values.json && values.format && values.format !== "json") {
        throw new UsageError(`--json and --format ${values.format} disagree`);
    }
    const formatFlag = values.json ? "json" : values.format;
    if (command === "plan") {
        for (const flag of ["policy-pack", "policy-config", "plan"] as const) {
            if (values[flag] !== undefined) {
                throw new UsageError(`--${flag} belongs to \`aws-euc check\`, not \`aws-euc plan\``);
            }
        }
        return {
            command,
            plan,
            format: oneOf("--format", formatFlag, PLAN_FORMATS, "text"),
            graph: values.graph === undefined ? undefined : oneOf("--graph", values.graph, GRAPH_FORMATS, "mermaid"),
            output: values.output,
        };
    }
    if (values.graph !== undefined) {
        throw new UsageError("--graph belongs to `aws-euc plan`, not `aws-euc check`");
    }
    return {
        command,
        plan,
        format: oneOf("--format", formatFlag, CHECK_FORMATS, "text"),
        output: values.output,
        policyPack: values["policy-pack"],
        policyConfig: values["policy-config"],
        showPlan: values.plan ?? false,
    };
}

function parse(args: string[]) {
    return parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
            stack: { type: "string" },
            config: { type: "string", multiple: true, short: "c" },
            "config-file": { type: "string" },
            mocks: { type: "string" },
            format: { type: "string" },
            json: { type: "boolean" },
            output: { type: "string", short: "o" },
            graph: { type: "string" },
            "policy-pack": { type: "string" },
            "policy-config": { type: "string" },
            plan: { type: "boolean" },
        },
    });
}
