import * as path from "node:path";
import type { RecordedResource } from "../../engine";
import { analyzedResources } from "../../plan/policyReport";
import { AnalyzedResource, PolicyConfigFile, PolicyInfo, PolicyServer } from "../../plan/policyServer";

export const PACK_DIR = path.resolve(__dirname, "../../policies");

/** A violation as tests compare it: policy, level, message. */
export type Finding = [policy: string, level: string, message: string];

/** The pack's real analyzer server, started once per test file. */
export class Pack {
    private constructor(
        readonly server: PolicyServer,
        readonly policies: PolicyInfo[],
    ) {}

    static async start(): Promise<Pack> {
        const server = await PolicyServer.start(PACK_DIR);
        const pack = new Pack(server, await server.info());
        await pack.configure({});
        return pack;
    }

    configure(config: PolicyConfigFile): Promise<void> {
        return this.server.configure(config, this.policies);
    }

    /** The findings of `policy` (or of all policies) on one resource. */
    async check(type: string, props: Record<string, unknown>, policy?: string): Promise<Finding[]> {
        const violations = await this.server.analyze(resource(type, props));
        return violations.filter((v) => !policy || v.policyName === policy).map((v) => [v.policyName, v.level, v.message]);
    }

    /** The findings of `policy` on a whole stack. */
    async checkStack(resources: AnalyzedResource[], policy: string): Promise<Finding[]> {
        const violations = await this.server.analyzeStack(resources);
        return violations.filter((v) => v.policyName === policy).map((v) => [v.policyName, v.level, v.message]);
    }

    /** Every mandatory finding on a plan (each resource, then the stack), as `policy: message`. */
    async mandatoryFindings(recorded: RecordedResource[]): Promise<string[]> {
        const resources = analyzedResources(recorded);
        const findings = [];
        for (const resource of resources) {
            findings.push(...(await this.server.analyze(resource)));
        }
        findings.push(...(await this.server.analyzeStack(resources)));
        return findings.filter((f) => f.level === "mandatory").map((f) => `${f.policyName}: ${f.message}`);
    }

    /** The props after `policy`'s remediation, or undefined when it changed nothing. */
    async remediate(type: string, props: Record<string, unknown>, policy: string): Promise<Record<string, unknown> | undefined> {
        const results = await this.server.remediate(resource(type, props));
        return results.find((r) => r.policyName === policy)?.props;
    }

    stop(): void {
        this.server.stop();
    }
}

/** A resource of the stack `test` named after its type. */
export function resource(type: string, props: Record<string, unknown>, name = "r"): AnalyzedResource {
    return { type, name, urn: `urn:pulumi:test::project::${type}::${name}`, props };
}
