import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as analyzerRpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import * as emptyProto from "google-protobuf/google/protobuf/empty_pb";
import { analyzeRequest, analyzeStackRequest, struct } from "./analyzerRequests";

/** Enforcement levels as the analyzer protocol numbers them. */
const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;
export type Level = (typeof LEVELS)[number];

/** A resource as the engine describes it to an analyzer. */
export interface AnalyzedResource {
    type: string;
    name: string;
    urn: string;
    /** Inputs, plus outputs where known. */
    props: Record<string, unknown>;
    parent?: string;
    dependencies?: string[];
    /** Input name → URNs it takes values from. */
    propertyDependencies?: Record<string, string[]>;
    /** The explicit provider the resource is created with. */
    provider?: { type: string; name: string; urn: string; props: Record<string, unknown> };
    protect?: boolean;
    ignoreChanges?: string[];
}

/** One violation reported by the pack. */
export interface Violation {
    policyName: string;
    level: Level;
    /** What is wrong with this resource (the SDK's message without the policy description). */
    message: string;
    description: string;
    urn: string;
}

/** A policy as the pack describes itself. */
export interface PolicyInfo {
    name: string;
    level: Level;
    description: string;
    configSchema?: Record<string, unknown>;
    /** Tags such as `securityhub:CloudFront.3` (control ids). */
    tags?: string[];
    url?: string;
    severity?: string;
    remediationSteps?: string;
}

/** How to start a pack: the file to run and the folder to run it in. */
export interface PackEntry {
    /** The pack's program (its `main`, or index.ts / index.js). */
    file: string;
    /** The pack's folder (holding its package.json, which the SDK reads): where it runs, and what reports show. */
    dir: string;
}

const SEVERITIES = ["", "low", "medium", "high", "critical"];

/** The pack shipped in this package: compiled JavaScript when installed, TypeScript in this repository. */
export function shippedPack(): PackEntry {
    const compiled = path.resolve(__dirname, "../policies/index.js");
    const inPackage = (file: string) => path.resolve(__dirname, path.basename(path.dirname(__dirname)) === "dist" ? "../.." : "..", file);
    return { file: fs.existsSync(compiled) ? compiled : inPackage("policies/index.ts"), dir: inPackage("policies") };
}

/** The pack in `packDir`: its package.json `main`, else index.ts, else index.js. */
export function packIn(packDir: string): PackEntry {
    const dir = path.resolve(packDir);
    if (dir === shippedPack().dir) {
        // This package's own pack: the build that matches the running code (sources here, dist when installed).
        return shippedPack();
    }
    const manifest = path.join(dir, "package.json");
    const main = fs.existsSync(manifest) ? (JSON.parse(fs.readFileSync(manifest, "utf8")) as { main?: string }).main : undefined;
    // A declared main that is not built yet (a compiled pack in a fresh clone) falls back to the sources.
    const file = [main, "index.ts", "index.js"].filter((f): f is string => !!f).map((f) => path.resolve(dir, f)).find((f) => fs.existsSync(f));
    if (!file) {
        throw new Error(`no policy pack in ${dir}: expected package.json "main", index.ts or index.js`);
    }
    return { file, dir };
}

/** `node` arguments that let a TypeScript pack run without a build: tsx in this repository, else the pack's own TypeScript. */
function loaderArgs(entry: PackEntry): string[] {
    if (!/\.[cm]?tsx?$/.test(entry.file)) {
        return [];
    }
    try {
        return ["--require", require.resolve("tsx/cjs")];
    } catch {
        return ["--require", path.join(__dirname, "registerTypeScript")];
    }
}

/** A policy's config as `pulumi preview --policy-pack-config` takes it: a level, or a level and properties. */
export type PolicyConfigFile = Record<string, Level | ({ enforcementLevel?: Level } & Record<string, unknown>)>;

type Call<Req, Res> = (request: Req, callback: (err: grpc.ServiceError | null, response: Res) => void) => unknown;

function call<Req, Res>(fn: Call<Req, Res>, request: Req): Promise<Res> {
    return new Promise((resolve, reject) => fn(request, (err, response) => (err ? reject(err) : resolve(response))));
}

function violations(list: analyzer.AnalyzeDiagnostic[]): Violation[] {
    return list.map((d) => ({
        policyName: d.getPolicyname(),
        level: LEVELS[d.getEnforcementlevel()],
        // The SDK prefixes the policy's description and a newline to what the policy reported.
        message: d.getMessage().startsWith(`${d.getDescription()}\n`) ? d.getMessage().slice(d.getDescription().length + 1) : d.getMessage(),
        description: d.getDescription(),
        urn: d.getUrn(),
    }));
}

/**
 * The policy pack's own analyzer server, started the way the Pulumi engine starts it (a process
 * whose first line of output is its gRPC port), and a client for its RPCs.
 */
export class PolicyServer {
    private constructor(
        private readonly child: ChildProcess,
        private readonly client: analyzerRpc.AnalyzerClient,
    ) {}

    /** Starts the pack (a folder holding its package.json and program, or an entry). */
    static start(pack: string | PackEntry): Promise<PolicyServer> {
        const entry = typeof pack === "string" ? packIn(pack) : pack;
        const packDir = entry.dir;
        try {
            require.resolve("@pulumi/policy", { paths: [path.dirname(entry.file)] });
        } catch {
            return Promise.reject(new Error(`the policy pack ${entry.file} needs @pulumi/policy: run \`npm install --save-dev @pulumi/policy\` in your project`));
        }
        const child = spawn(process.execPath, [...loaderArgs(entry), entry.file], {
            cwd: entry.dir,
            env: { ...process.env, AWS_EUC_TS_DIR: entry.dir },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr!.on("data", (chunk) => (stderr += chunk));
        return new Promise((resolve, reject) => {
            let stdout = "";
            const onData = (chunk: Buffer) => {
                stdout += chunk.toString();
                const line = stdout.split("\n")[0];
                if (stdout.includes("\n") && /^\d+$/.test(line.trim())) {
                    child.stdout!.off("data", onData);
                    const client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${line.trim()}`, grpc.credentials.createInsecure());
                    resolve(new PolicyServer(child, client));
                }
            };
            child.stdout!.on("data", onData);
            child.on("exit", (code) => reject(new Error(`the policy pack in ${packDir} exited (${code}) before serving: ${stderr.trim()}`)));
        });
    }

    /** The pack's policies with their levels and config schemas. */
    async info(): Promise<PolicyInfo[]> {
        const info = await call<emptyProto.Empty, analyzer.AnalyzerInfo>(this.client.getAnalyzerInfo.bind(this.client), new emptyProto.Empty());
        return info.getPoliciesList().map((p) => ({
            name: p.getName(),
            level: LEVELS[p.getEnforcementlevel()],
            description: p.getDescription(),
            configSchema: p.getConfigschema()?.getProperties()?.toJavaScript(),
            tags: p.getTagsList(),
            url: p.getUrl() || undefined,
            severity: SEVERITIES[p.getSeverity()] || undefined,
            remediationSteps: p.getRemediationSteps() || undefined,
        }));
    }

    /** Sends a policy config (already validated) the way `--policy-pack-config` does. */
    async configure(config: PolicyConfigFile, defaults: PolicyInfo[]): Promise<void> {
        const request = new analyzer.ConfigureAnalyzerRequest();
        const all = typeof config.all === "string" ? config.all : (config.all as { enforcementLevel?: Level } | undefined)?.enforcementLevel;
        for (const policy of defaults) {
            const entry = config[policy.name];
            const level = typeof entry === "string" ? entry : (entry?.enforcementLevel ?? all ?? policy.level);
            const properties = typeof entry === "object" ? Object.fromEntries(Object.entries(entry).filter(([k]) => k !== "enforcementLevel")) : {};
            const policyConfig = new analyzer.PolicyConfig();
            policyConfig.setEnforcementlevel(LEVELS.indexOf(level));
            policyConfig.setProperties(struct(properties));
            request.getPolicyconfigMap().set(policy.name, policyConfig);
        }
        await call(this.client.configure.bind(this.client), request);
    }

    /** Runs the resource policies on one resource. */
    async analyze(resource: AnalyzedResource): Promise<Violation[]> {
        const response = await call<analyzer.AnalyzeRequest, analyzer.AnalyzeResponse>(this.client.analyze.bind(this.client), analyzeRequest(resource));
        return violations(response.getDiagnosticsList()).map((v) => ({ ...v, urn: v.urn || resource.urn }));
    }

    /** Runs the stack policies on every resource at once. */
    async analyzeStack(resources: AnalyzedResource[]): Promise<Violation[]> {
        const request = analyzeStackRequest(resources);
        const response = await call<analyzer.AnalyzeStackRequest, analyzer.AnalyzeResponse>(this.client.analyzeStack.bind(this.client), request);
        return violations(response.getDiagnosticsList());
    }

    /** The props after each remediation that changed something (policies at level `remediate`). */
    async remediate(resource: AnalyzedResource): Promise<{ policyName: string; props: Record<string, unknown> }[]> {
        const response = await call<analyzer.AnalyzeRequest, analyzer.RemediateResponse>(this.client.remediate.bind(this.client), analyzeRequest(resource));
        return response
            .getRemediationsList()
            .filter((r) => r.getProperties() !== undefined)
            .map((r) => ({ policyName: r.getPolicyname(), props: r.getProperties()!.toJavaScript() as Record<string, unknown> }));
    }

    stop(): void {
        this.client.close();
        this.child.kill();
    }
}
