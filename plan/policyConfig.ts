import * as fs from "node:fs";
import Ajv from "ajv";
import type { PolicyConfigFile, PolicyInfo } from "./policyServer";

const LEVELS = ["advisory", "mandatory", "remediate", "disabled"];

/**
 * Reads and checks a policy config file in the format of `pulumi preview --policy-pack-config`:
 * `{ "<policy>": "<level>" | { "enforcementLevel"?: "<level>", ...properties } }`, plus `all`.
 * Every problem (unknown policy, bad level, property outside the policy's schema) is reported.
 */
export function readPolicyConfig(file: string, policies: PolicyInfo[]): PolicyConfigFile {
    let config: unknown;
    try {
        config = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new Error(`policy config ${file} is not readable JSON: ${(err as Error).message}`);
    }
    if (!config || typeof config !== "object" || Array.isArray(config)) {
        throw new Error(`policy config ${file} must be a JSON object keyed by policy name`);
    }
    const problems: string[] = [];
    const ajv = new Ajv({ allErrors: true, strict: false });
    for (const [name, entry] of Object.entries(config as Record<string, unknown>)) {
        const policy = policies.find((p) => p.name === name);
        if (!policy && name !== "all") {
            problems.push(`unknown policy '${name}'; known: ${policies.map((p) => p.name).join(", ")}`);
            continue;
        }
        const level = typeof entry === "string" ? entry : (entry as { enforcementLevel?: unknown } | null)?.enforcementLevel;
        if (level !== undefined && !LEVELS.includes(String(level))) {
            problems.push(`'${name}' has enforcement level ${JSON.stringify(level)}; use ${LEVELS.join(", ")}`);
        }
        if (typeof entry === "object" && entry !== null && policy) {
            const validate = ajv.compile({
                type: "object",
                properties: { ...(policy.configSchema ?? {}), enforcementLevel: { type: "string" } },
                additionalProperties: false,
            });
            if (!validate(entry)) {
                for (const error of validate.errors ?? []) {
                    const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, ".") : "";
                    const extra = error.keyword === "additionalProperties" ? ` '${(error.params as { additionalProperty: string }).additionalProperty}'` : "";
                    problems.push(`'${name}'${where ? `.${where}` : ""} ${error.message}${extra}`);
                }
            }
        } else if (typeof entry !== "string" && name !== "all") {
            problems.push(`'${name}' must be an enforcement level or an object`);
        }
    }
    if (problems.length > 0) {
        throw new Error(`policy config ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    }
    return config as PolicyConfigFile;
}
