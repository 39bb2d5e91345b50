import * as path from "node:path";
import { pathToFileURL } from "node:url";
import * as pulumi from "@pulumi/pulumi";
import type { Alias } from "@pulumi/pulumi/proto/alias_pb";
import { DEFAULT_ACCOUNT, DEFAULT_REGION, MockCloud } from "./cloud";
import { mockInvoke } from "./invokeOutputs";
import { mockResource } from "./resourceOutputs";
import type { AcceptedResource } from "./rules";
import { checkAwsRules } from "./rules";
import { plainOf, withoutUnknowns } from "./wire";

/** Resource options as the engine received them. */
export interface RecordedOptions {
    protect: boolean;
    retainOnDelete: boolean;
    deleteBeforeReplace: boolean;
    ignoreChanges: string[];
    replaceOnChanges: string[];
    additionalSecretOutputs: string[];
    customTimeouts?: { create?: string; update?: string; delete?: string };
    /**
     * The URNs the resource answers to besides its own (`aliases`), as this engine names URNs
     * (a child's type is its parent's own type, `$`, its type): what a stack deployed earlier
     * calls it. Absent when the resource has none.
     */
    aliases?: string[];
}

/** One resource registration, as the Pulumi engine would see it. */
export interface RecordedResource {
    /** Position in the order the program registered resources. */
    order: number;
    type: string;
    name: string;
    urn: string;
    /** The id the mock answered (custom resources only). */
    id?: string;
    /** URN of the parent, or `undefined` for a root resource. */
    parent?: string;
    custom: boolean;
    remote: boolean;
    /** Inputs with secrets unwrapped; see `secretInputs` for which were secret. */
    inputs: Record<string, any>;
    /** Paths (`a.b[0]`) of inputs that were sent as secrets. */
    secretInputs: string[];
    /** URNs this resource depends on (explicit `dependsOn` and input dependencies). */
    dependencies: string[];
    /** Input name → URNs it takes values from (only inputs that depend on something). */
    propertyDependencies?: Record<string, string[]>;
    /** The explicit provider (`urn::id`), when the resource has one. */
    provider?: string;
    options: RecordedOptions;
    /** Outputs the mock answered. */
    state: Record<string, any>;
    /** Where the program created it: the innermost frame inside `EngineOptions.sourceRoot`, when set. */
    source?: { file: string; line: number };
}

/** One invoke (data-source call). */
export interface RecordedInvoke {
    token: string;
    args: Record<string, any>;
}

/** How to start the mock engine. */
export interface EngineOptions {
    project?: string;
    stack?: string;
    /** Run as `pulumi preview` (true) or `pulumi up` (false). @default true */
    preview?: boolean;
    /** Stack configuration, keys as `namespace:key` (e.g. `aws:region`). */
    config?: Record<string, string>;
    /** Config keys whose values are secrets. */
    secretConfigKeys?: string[];
    /** The pretend account; `region` defaults to the `aws:region` config. */
    cloud?: Partial<MockCloud>;
    /**
     * The `@pulumi/pulumi` module the program uses. A program run from another folder has its own
     * copy, and the mocks must be set on that one. @default the copy this package resolves
     */
    sdk?: PulumiSdk;
    /** Answers given by the user (`--mocks FILE`), tried before the mock cloud's own. */
    answers?: MockAnswers;
    /** The program's folder: each resource records the line of the program that created it. */
    sourceRoot?: string;
}

/** Canned answers that take precedence over the mock cloud's tables. */
export interface MockAnswers {
    /** The result of an invoke, or `undefined` to let the mock cloud answer. */
    invoke?(token: string, args: Record<string, any>): Record<string, unknown> | undefined;
    /** Outputs to lay over what the mock cloud answers for a resource, or `undefined`. */
    resource?(type: string, name: string, inputs: Record<string, any>): Record<string, unknown> | undefined;
}

/** The `@pulumi/pulumi` module, whichever copy a program loads. */
export type PulumiSdk = typeof pulumi;

const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The type of the root stack resource every program registers first. */
const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** Removes secret wrappers, noting the path of each secret. */
function unwrapSecrets(value: any, path: string, secrets: string[]): any {
    if (Array.isArray(value)) {
        return value.map((v, i) => unwrapSecrets(v, `${path}[${i}]`, secrets));
    }
    if (value && typeof value === "object") {
        if (value[SIG_KEY] === SECRET_SIG) {
            secrets.push(path);
            return unwrapSecrets(value.value, path, secrets);
        }
        return Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v, path ? `${path}.${k}` : k, secrets)]),
        );
    }
    return value;
}

type Request = Record<string, (...a: any[]) => any>;
type Callback = (err: any, response: any) => void;

/** This package's own folders: frames there are the components, not the user's program. */
const PACKAGE_ROOT = path.resolve(__dirname, path.basename(path.dirname(__dirname)) === "dist" ? "../.." : "..");
const OWN_CODE = ["components", "engine", "plan", "cli", "policies", "dist"].map((dir) => pathToFileURL(path.join(PACKAGE_ROOT, dir)).toString() + "/");

let current: MockEngine | undefined;
process.on("unhandledRejection", (reason) => {
    if (current) {
        current.fail(reason instanceof Error ? reason : new Error(String(reason)));
    } else {
        throw reason;
    }
});

/**
 * Pulumi's mock runtime plus a recorder: every registration (type, name, URN, parent, inputs,
 * dependencies, options) and every invoke is kept, and the outputs come from one table of
 * realistic values. Tests and the offline plan both run on it.
 */
export class MockEngine {
    readonly resources: RecordedResource[] = [];
    readonly invokes: RecordedInvoke[] = [];
    readonly errors: Error[] = [];
    /** Records a failure of the plan; `settle` stops waiting at the first one. */
    fail(error: Error): void {
        this.errors.push(error);
        this.refused();
    }

    /** Resolves at the first failure: a refused registration, a failed lookup, a rejected apply (see `settle`). */
    private refused!: () => void;
    private readonly firstRefusal = new Promise<void>((resolve) => (this.refused = resolve));
    readonly cloud: MockCloud;
    /** URNs recorded so far: a duplicate is found in constant time, whatever the size of the plan. */
    private readonly urns = new Set<string>();
    /** Resources the mock cloud accepted, for AWS's uniqueness and quota rules. */
    private readonly accepted: AcceptedResource[] = [];
    readonly project: string;
    readonly stack: string;
    /** The Pulumi SDK whose runtime this engine mocks. */
    readonly sdk: PulumiSdk;
    private readonly sourceRoot?: string;

    private constructor(options: EngineOptions) {
        this.sdk = options.sdk ?? pulumi;
        this.sourceRoot = options.sourceRoot && pathToFileURL(options.sourceRoot).toString() + "/";
        this.project = options.project ?? "project";
        this.stack = options.stack ?? "test";
        this.cloud = {
            account: options.cloud?.account ?? DEFAULT_ACCOUNT,
            region: options.cloud?.region ?? options.config?.["aws:region"] ?? DEFAULT_REGION,
            zones: options.cloud?.zones ?? {},
            roles: options.cloud?.roles,
        };
    }

    /** Points the Pulumi runtime at a fresh mock engine; later resources are recorded by it. */
    static start(options: EngineOptions = {}): MockEngine {
        const engine = new MockEngine(options);
        current = engine;
        engine.sdk.runtime.setAllConfig(options.config ?? {}, options.secretConfigKeys);
        void engine.sdk.runtime.setMocks(
            {
                newResource: (args) => engine.newResource(args, options.answers),
                call: (args) => {
                    const invokeArgs = unwrapSecrets(args.inputs, "", []);
                    engine.invokes.push({ token: args.token, args: invokeArgs });
                    try {
                        return options.answers?.invoke?.(args.token, invokeArgs) ?? mockInvoke(engine.cloud, args.token, invokeArgs);
                    } catch (err) {
                        // The SDK reports a failed invoke by the gRPC error's `details`.
                        const failure = Object.assign(new Error((err as Error).message), { details: (err as Error).message });
                        engine.fail(failure);
                        throw failure;
                    }
                },
            },
            engine.project,
            engine.stack,
            options.preview ?? true,
        );
        engine.recordRegistrations();
        return engine;
    }

    /** Plain inputs of the registration being mocked right now (set around the monitor's call). */
    private incoming?: Record<string, any>;
    /** Region of each explicit provider, by provider id. */
    private readonly providerRegions = new Map<string, string>();

    private newResource(args: pulumi.runtime.MockResourceArgs, answers?: MockAnswers): { id: string | undefined; state: Record<string, any> } {
        const inputs = this.incoming ?? {};
        const custom = args.custom !== false;
        const providerId = args.provider?.split("::").pop();
        const region: string = typeof inputs.region === "string" ? inputs.region : ((providerId ? this.providerRegions.get(providerId) : undefined) ?? this.cloud.region);
        if (custom && !args.type.startsWith("pulumi:providers:")) {
            // AWS refuses what breaks its rules before anything is created.
            checkAwsRules(this.cloud, this.accepted, { type: args.type, name: args.name, inputs, region });
            this.accepted.push({ type: args.type, name: args.name, inputs, region });
        }
        const made = mockResource(this.cloud, args.type, args.name, args.inputs, custom, region);
        if (args.type === "pulumi:providers:aws" && made.id) {
            this.providerRegions.set(made.id, typeof inputs.region === "string" ? inputs.region : this.cloud.region);
        }
        const extra = answers?.resource?.(args.type, args.name, inputs);
        return extra ? { id: made.id, state: { ...made.state, ...extra } } : made;
    }

    private recordRegistrations(): void {
        const monitor = this.sdk.runtime.getMonitor() as unknown as {
            registerResource(req: Request, cb: Callback): Promise<void>;
        };
        const register = monitor.registerResource.bind(monitor);
        let sequence = 0;
        monitor.registerResource = (req, callback) => {
            // Registrations finish out of order; keep the order in which the program made them.
            const order = sequence++;
            this.incoming = withoutUnknowns(plainOf(req.getObject().toJavaScript(), "", []));
            try {
                return register(req, (err, response) => {
                if (err) {
                    this.fail(err instanceof Error ? err : new Error(String(err)));
                } else {
                    this.record(req, response, order);
                }
                callback(err, response);
                });
            } finally {
                this.incoming = undefined;
            }
        };
    }

    private record(req: Request, response: Request, order: number): void {
        const secrets: string[] = [];
        const inputs = plainOf(req.getObject().toJavaScript(), "", secrets);
        const timeouts = req.getCustomtimeouts();
        const propertyDependencies: string[] = [];
        const byProperty: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((deps: Request, key: string) => {
            const urns: string[] = deps.getUrnsList();
            if (urns.length > 0) {
                byProperty[key] = urns;
                propertyDependencies.push(...urns);
            }
        });
        const recorded: RecordedResource = {
            order,
            type: req.getType(),
            name: req.getName(),
            urn: response.getUrn(),
            id: response.getId() || undefined,
            parent: req.getParent() || undefined,
            custom: req.getCustom(),
            remote: req.getRemote(),
            inputs,
            secretInputs: secrets,
            dependencies: [...new Set([...req.getDependenciesList(), ...propertyDependencies])],
            propertyDependencies: propertyDependencies.length > 0 ? byProperty : undefined,
            provider: req.getProvider() || undefined,
            options: {
                protect: req.getProtect() ?? false,
                retainOnDelete: req.getRetainondelete() ?? false,
                deleteBeforeReplace: req.getDeletebeforereplace() ?? false,
                ignoreChanges: req.getIgnorechangesList(),
                replaceOnChanges: req.getReplaceonchangesList(),
                additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
                customTimeouts:
                    timeouts && (timeouts.getCreate() || timeouts.getUpdate() || timeouts.getDelete())
                        ? { create: timeouts.getCreate() || undefined, update: timeouts.getUpdate() || undefined, delete: timeouts.getDelete() || undefined }
                        : undefined,
                ...aliasesOf(req, this.stack, this.project, () => this.resources.find((r) => r.type === ROOT_STACK_TYPE)?.urn),
            },
            state: plainOf(response.getObject()?.toJavaScript() ?? {}, "", []),
            source: this.sourceOf(req),
        };
        if (this.urns.has(recorded.urn)) {
            // The real engine refuses two resources with one URN; so does the mock engine.
            this.fail(new Error(`duplicate resource URN ${recorded.urn}`));
        }
        this.urns.add(recorded.urn);
        insertInOrder(this.resources, recorded);
    }

    /** The innermost frame of the registration's stack trace that lies in the program (not in node_modules). */
    private sourceOf(req: Request): RecordedResource["source"] {
        const root = this.sourceRoot;
        if (!root) {
            return undefined;
        }
        const frames: Request[] = req.getStacktrace?.()?.getFramesList() ?? [];
        for (const frame of frames) {
            const uri: string | undefined = frame.getPc()?.getUri();
            if (uri?.startsWith(root) && !uri.includes("/node_modules/") && !OWN_CODE.some((dir) => uri.startsWith(dir))) {
                return { file: decodeURIComponent(uri.slice(root.length)), line: frame.getPc().getLine() };
            }
        }
        return undefined;
    }

    /** Waits until every pending registration and invoke has finished; throws the first failure. */
    async settle(): Promise<void> {
        const waitForRPCs = (this.sdk.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs;
        const drained = (async () => {
            await waitForRPCs();
            await new Promise((resolve) => setImmediate(resolve));
            await waitForRPCs();
        })();
        // The SDK leaves the dependants of a refused registration, a failed lookup or a rejected
        // apply waiting (the real engine ends the deployment there), so their RPCs never drain:
        // stop waiting at the first failure.
        await Promise.race([drained, this.firstRefusal]);
        // Let the SDK's own rejections of the refused registration land here, not in the next plan.
        for (let tick = 0; tick < 3; tick++) {
            await new Promise((resolve) => setImmediate(resolve));
        }
        if (this.errors.length > 0) {
            throw this.errors[0];
        }
    }

    /** Resources matching every given criterion; `parent` is a resource name or URN. */
    find(query: { type?: string; name?: string; parent?: string }): RecordedResource[] {
        const parentUrns = query.parent === undefined ? undefined : this.urnsOf(query.parent);
        return this.resources.filter(
            (r) =>
                (query.type === undefined || r.type === query.type) &&
                (query.name === undefined || r.name === query.name) &&
                (parentUrns === undefined || (r.parent !== undefined && parentUrns.includes(r.parent))),
        );
    }

    /** All resources of `type`, optionally only the direct children of `parent`. */
    ofType(type: string, parent?: string): RecordedResource[] {
        return this.find({ type, parent });
    }

    /** The one resource named `name` (optionally of `type`); throws when there is none or several. */
    get(name: string, type?: string): RecordedResource {
        const found = this.find({ name, type });
        if (found.length !== 1) {
            const known = this.resources.map((r) => r.name).join(", ");
            throw new Error(`expected one resource named ${name}${type ? ` of type ${type}` : ""}, found ${found.length}; registered: ${known}`);
        }
        return found[0];
    }

    /** The inputs of the one resource named `name`. */
    inputsOf(name: string): Record<string, any> {
        return this.get(name).inputs;
    }

    /** The invokes of `token`. */
    invokesOf(token: string): RecordedInvoke[] {
        return this.invokes.filter((i) => i.token === token);
    }

    /** Whether a value of the program (an Output of this engine's SDK) is known in this preview. */
    isKnown(value: unknown): Promise<boolean> {
        return isKnown(value, this.sdk);
    }

    /** The value inside an Output of this engine's SDK; rejects when it is unknown. */
    unwrap(value: unknown): Promise<unknown> {
        return unwrap(value, this.sdk);
    }

    private urnsOf(nameOrUrn: string): string[] {
        return nameOrUrn.startsWith("urn:") ? [nameOrUrn] : this.resources.filter((r) => r.name === nameOrUrn).map((r) => r.urn);
    }
}

/**
 * Inserts `recorded` by its `order`. Registrations mostly finish in program order, so the common
 * case is an append; a late one is placed by binary search. Either way no scan of the whole list.
 */
function insertInOrder(resources: RecordedResource[], recorded: RecordedResource): void {
    if (resources.length === 0 || resources[resources.length - 1].order < recorded.order) {
        resources.push(recorded);
        return;
    }
    let low = 0;
    let high = resources.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (resources[middle].order > recorded.order) {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    resources.splice(low, 0, recorded);
}

interface OutputInternals<T> {
    isKnown: Promise<boolean>;
    promise(): Promise<T>;
}

/** True when the value of an Output is known (in a preview, values the mock did not answer are not). */
export function isKnown(value: pulumi.Input<unknown>, sdk: PulumiSdk = pulumi): Promise<boolean> {
    return (sdk.output(value) as unknown as OutputInternals<unknown>).isKnown;
}

/**
 * The value inside an Output (or any input), awaited. Rejects, rather than waiting forever, when
 * the value is unknown: in a preview an output the mock did not answer stays unknown.
 */
export async function unwrap<T>(value: pulumi.Input<T>, sdk: PulumiSdk = pulumi): Promise<pulumi.Unwrap<T>> {
    const output = sdk.output(value) as unknown as OutputInternals<pulumi.Unwrap<T>>;
    if (!(await output.isKnown)) {
        throw new Error("the value is unknown until deployment: the mock engine answered no value for it");
    }
    return output.promise();
}

/** Whether an Output is marked secret. */
export function isSecret(value: pulumi.Output<unknown>): Promise<boolean> {
    return pulumi.isSecret(value);
}

/**
 * The aliases of a registration as URNs. The SDK sends each as a URN or as a spec whose unset
 * fields mean "the resource's own" (name, type, stack, project, parent); `noParent` means a
 * top-level resource, which this engine (as Pulumi's mocks) parents to the root stack.
 */
function aliasesOf(req: Request, stack: string, project: string, rootStack: () => string | undefined): { aliases?: string[] } {
    const specs = (req.getAliasesList?.() ?? []) as Alias[];
    const aliases = [
        ...((req.getAliasurnsList?.() ?? []) as string[]),
        ...specs.map((alias) => {
            const spec = alias.getSpec();
            if (!spec) {
                return alias.getUrn();
            }
            const parent = spec.getNoparent() ? rootStack() : spec.getParenturn() || req.getParent() || undefined;
            const type = spec.getType() || req.getType();
            const qualified = parent ? `${parent.split("::")[2].split("$").pop()}$${type}` : type;
            return `urn:pulumi:${spec.getStack() || stack}::${spec.getProject() || project}::${qualified}::${spec.getName() || req.getName()}`;
        }),
    ];
    return aliases.length ? { aliases: [...new Set(aliases)] } : {};
}
