// The pack's policies behind @pulumi/policy's own Analyze and AnalyzeStack handlers, called in
// this process (no gRPC, no child process): what `pulumi preview --policy-pack` pays per resource
// inside the analyzer, and nothing else.
import type { Policies } from "@pulumi/policy";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { analyzeRequest as requestOf, analyzeStackRequest as stackRequestOf } from "../plan/analyzerRequests";

// The SDK's handler factories are exported from its server module, marked internal.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require("@pulumi/policy/server") as {
    makeAnalyzeRpcFun(pack: string, version: string, level: string, policies: Policies): Handler;
    makeAnalyzeStackRpcFun(pack: string, version: string, level: string, policies: Policies): Handler;
};

type Handler = (call: { request: unknown }, callback: (err: unknown, response: analyzer.AnalyzeResponse) => void) => Promise<void>;

/** A resource as the engine sends it: type, name and props (inputs plus known outputs). */
export interface Resource {
    type: string;
    name: string;
    props: Record<string, unknown>;
}

const urnOf = (r: Resource) => `urn:pulumi:bench::pack::${r.type}::${r.name}`;

/** The `Analyze` request of one resource, as the engine builds it. */
export function analyzeRequest(resource: Resource): analyzer.AnalyzeRequest {
    return requestOf({ ...resource, urn: urnOf(resource) });
}

/** The `AnalyzeStack` request of a whole stack, as the engine builds it. */
export function analyzeStackRequest(resources: Resource[]): analyzer.AnalyzeStackRequest {
    return stackRequestOf(resources.map((resource) => ({ ...resource, urn: urnOf(resource) })));
}

/** A violation as the handler reports it. */
export interface Diagnostic {
    policyName: string;
    message: string;
}

/** Runs one request through a handler and returns its diagnostics. */
function run(handler: Handler, request: unknown): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) =>
        handler({ request }, (err, response) =>
            err ? reject(err) : resolve(response.getDiagnosticsList().map((d) => ({ policyName: d.getPolicyname(), message: d.getMessage() }))),
        ),
    );
}

/** The SDK's handlers for `policies`, as a pack named `aws-euc` serves them. */
export class InProcessAnalyzer {
    private readonly analyzeHandler: Handler;
    private readonly analyzeStackHandler: Handler;

    constructor(policies: Policies) {
        this.analyzeHandler = server.makeAnalyzeRpcFun("aws-euc", "0.0.0", "advisory", policies);
        this.analyzeStackHandler = server.makeAnalyzeStackRpcFun("aws-euc", "0.0.0", "advisory", policies);
    }

    analyze(request: analyzer.AnalyzeRequest): Promise<Diagnostic[]> {
        return run(this.analyzeHandler, request);
    }

    analyzeStack(request: analyzer.AnalyzeStackRequest): Promise<Diagnostic[]> {
        return run(this.analyzeStackHandler, request);
    }
}
