import * as grpc from "@grpc/grpc-js";
import * as engineRpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import * as resourceRpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import * as resourceProto from "@pulumi/pulumi/proto/resource_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { AcceptedResource, checkAwsRules, DEFAULT_ACCOUNT, DEFAULT_REGION, MockCloud, mockInvoke, mockResource, plainOf, UNKNOWN } from "../engine";

/** One registration the provider made, as the monitor saw it. */
export interface MonitoredResource {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    custom: boolean;
    inputs: Record<string, any>;
    secretInputs: string[];
    /** URNs it depends on (explicit and through its inputs). */
    dependencies: string[];
}

/** Features the monitor supports: those a current Pulumi engine announces to a component provider. */
const FEATURES = new Set(["secrets", "resourceReferences", "outputValues", "deletedWith", "aliasSpecs"]);

type Callback = (err: grpc.ServiceError | null, response?: unknown) => void;

/**
 * A gRPC ResourceMonitor and Engine for a provider's Construct: answers registrations and invokes
 * from the mock cloud's tables and refuses what AWS would (`engine/rules`), as the mock engine does
 * for TypeScript programs, and records every registration.
 */
export class MonitorStub {
    readonly resources: MonitoredResource[] = [];
    readonly logs: string[] = [];
    readonly cloud: MockCloud;
    private readonly accepted: AcceptedResource[] = [];
    private readonly providerRegions = new Map<string, string>();
    private readonly server = new grpc.Server();
    address = "";

    constructor(private readonly project: string, private readonly stack: string, cloud: Partial<MockCloud> = {}) {
        this.cloud = { account: DEFAULT_ACCOUNT, region: DEFAULT_REGION, zones: {}, ...cloud };
    }

    async start(): Promise<void> {
        this.server.addService(resourceRpc.ResourceMonitorService, {
            supportsFeature: (call: any, cb: Callback) => cb(null, new resourceProto.SupportsFeatureResponse().setHassupport(FEATURES.has(call.request.getId()))),
            registerResource: (call: any, cb: Callback) => this.register(call.request, cb),
            registerResourceOutputs: (_call: any, cb: Callback) => cb(null, new Empty()),
            invoke: (call: any, cb: Callback) => {
                const args = plainOf(call.request.getArgs()?.toJavaScript() ?? {}, "", []);
                const answer = mockInvoke(this.cloud, call.request.getTok(), args);
                cb(null, new providerProto.InvokeResponse().setReturn(Struct.fromJavaScript(JSON.parse(JSON.stringify(answer ?? {})))));
            },
        } as any);
        this.server.addService(engineRpc.EngineService, {
            log: (call: any, cb: Callback) => {
                this.logs.push(call.request.getMessage());
                cb(null, new Empty());
            },
            getRootResource: (_call: any, cb: Callback) => cb(null, new engineProto.GetRootResourceResponse()),
            setRootResource: (_call: any, cb: Callback) => cb(null, new engineProto.SetRootResourceResponse()),
        } as any);
        const port = await new Promise<number>((resolve, reject) =>
            this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
        );
        this.address = `127.0.0.1:${port}`;
    }

    stop(): void {
        this.server.forceShutdown();
    }

    private register(req: any, cb: Callback): void {
        const type: string = req.getType();
        const name: string = req.getName();
        const custom: boolean = req.getCustom();
        const parent: string | undefined = req.getParent() || undefined;
        const secretInputs: string[] = [];
        const inputs = plainOf(req.getObject()?.toJavaScript() ?? {}, "", secretInputs);
        const parentType = parent ? parent.split("::")[2] : undefined;
        const urn = `urn:pulumi:${this.stack}::${this.project}::${parentType ? `${parentType}$` : ""}${type}::${name}`;
        const providerId = (req.getProvider() as string | undefined)?.split("::").pop();
        const region = typeof inputs.region === "string" && inputs.region !== UNKNOWN ? inputs.region : ((providerId ? this.providerRegions.get(providerId) : undefined) ?? this.cloud.region);
        try {
            if (custom && !type.startsWith("pulumi:providers:")) {
                checkAwsRules(this.cloud, this.accepted, { type, name, inputs, region });
                this.accepted.push({ type, name, inputs, region });
            }
        } catch (err) {
            cb({ code: grpc.status.UNKNOWN, details: (err as Error).message, message: (err as Error).message } as grpc.ServiceError);
            return;
        }
        const made = mockResource(this.cloud, type, name, inputs, custom, region);
        if (type === "pulumi:providers:aws" && made.id) {
            this.providerRegions.set(made.id, typeof inputs.region === "string" ? inputs.region : this.cloud.region);
        }
        const dependencies = new Set<string>(req.getDependenciesList());
        req.getPropertydependenciesMap().forEach((deps: any) => deps.getUrnsList().forEach((u: string) => dependencies.add(u)));
        this.resources.push({ type, name, urn, parent, custom, inputs, secretInputs, dependencies: [...dependencies] });
        const response = new resourceProto.RegisterResourceResponse().setUrn(urn).setObject(Struct.fromJavaScript(JSON.parse(JSON.stringify(made.state ?? {}))));
        if (made.id) {
            response.setId(made.id);
        }
        cb(null, response);
    }
}
