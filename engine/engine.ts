import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_ACCOUNT, DEFAULT_REGION, MockCloud } from "./cloud";
import { mockInvoke } from "./invokeOutputs";
import { mockResource } from "./resourceOutputs";
import type { AcceptedResource } from "./rules";

/** Resource options as the engine received them. */
export interface RecordedOptions {
    protect: boolean;
    retainOnDelete: boolean;
    deleteBeforeReplace: boolean;
    ignoreChanges: string[];
    replaceOnChanges: string[];
    additionalSecretOutputs: string[];
    customTimeouts?: { create?: string; update?: string; delete?: string };
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
    options: RecordedOptions;
    /** Outputs the mock answered. */
    state: Record<string, any>;
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
}

const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const SIG_KEY = "4dabf18193072939515e22adb298388d";

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

let current: MockEngine | undefined;
process.on("unhandledRejection", (reason) => {
    if (current) {
        current.errors.push(reason instanceof Error ? reason : new Error(String(reason)));
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
    readonly cloud: MockCloud;
    /** URNs recorded so far: a duplicate is found in constant time, whatever the size of the plan. */
    private readonly urns = new Set<string>();
    /** Resources the mock cloud accepted, for AWS's uniqueness and quota rules. */
    private readonly accepted: AcceptedResource[] = [];
    readonly project: string;
    readonly stack: string;

    private constructor(options: EngineOptions) {
        this.project = options.project ?? "project";
        this.stack = options.stack ?? "test";
        this.cloud = {
            account: options.cloud?.account ?? DEFAULT_ACCOUNT,
            region: options.cloud?.region ?? options.config?.["aws:region"] ?? DEFAULT_REGION,
            zones: options.cloud?.zones ?? {},
        };
    }

    /** Points the Pulumi runtime at a fresh mock engine; later resources are recorded by it. */
    static start(options: EngineOptions = {}): MockEngine {
        const engine = new MockEngine(options);
        current = engine;
        pulumi.runtime.setAllConfig(options.config ?? {}, options.secretConfigKeys);
        void pulumi.runtime.setMocks(
            {
                newResource: (args) => mockResource(engine.cloud, args.type, args.name, args.inputs, args.custom !== false, engine.accepted),
                call: (args) => {
                    const invokeArgs = unwrapSecrets(args.inputs, "", []);
                    engine.invokes.push({ token: args.token, args: invokeArgs });
                    try {
                        return mockInvoke(engine.cloud, args.token, invokeArgs);
                    } catch (err) {
                        // The SDK reports a failed invoke by the gRPC error's `details`.
                        const failure = Object.assign(new Error((err as Error).message), { details: (err as Error).message });
                        engine.errors.push(failure);
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

    private recordRegistrations(): void {
        const monitor = pulumi.runtime.getMonitor() as unknown as {
            registerResource(req: Request, cb: Callback): Promise<void>;
        };
        const register = monitor.registerResource.bind(monitor);
        let sequence = 0;
        monitor.registerResource = (req, callback) => {
            // Registrations finish out of order; keep the order in which the program made them.
            const order = sequence++;
            return register(req, (err, response) => {
                if (err) {
                    this.errors.push(err instanceof Error ? err : new Error(String(err)));
                } else {
                    this.record(req, response, order);
                }
                callback(err, response);
            });
        };
    }

    private record(req: Request, response: Request, order: number): void {
        const secrets: string[] = [];
        const inputs = unwrapSecrets(pulumi.runtime.deserializeProperties(req.getObject()), "", secrets);
        const timeouts = req.getCustomtimeouts();
        const propertyDependencies: string[] = [];
        req.getPropertydependenciesMap().forEach((deps: Request) => propertyDependencies.push(...deps.getUrnsList()));
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
            },
            state: unwrapSecrets(pulumi.runtime.deserializeProperties(response.getObject()), "", []),
        };
        if (this.urns.has(recorded.urn)) {
            // The real engine refuses two resources with one URN; so does the mock engine.
            this.errors.push(new Error(`duplicate resource URN ${recorded.urn}`));
        }
        this.urns.add(recorded.urn);
        insertInOrder(this.resources, recorded);
    }

    /** Waits until every pending registration and invoke has finished; throws the first failure. */
    async settle(): Promise<void> {
        const waitForRPCs = (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs;
        await waitForRPCs();
        await new Promise((resolve) => setImmediate(resolve));
        await waitForRPCs();
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
export function isKnown(value: pulumi.Input<unknown>): Promise<boolean> {
    return (pulumi.output(value) as unknown as OutputInternals<unknown>).isKnown;
}

/**
 * The value inside an Output (or any input), awaited. Rejects, rather than waiting forever, when
 * the value is unknown: in a preview an output the mock did not answer stays unknown.
 */
export async function unwrap<T>(value: pulumi.Input<T>): Promise<pulumi.Unwrap<T>> {
    const output = pulumi.output(value) as unknown as OutputInternals<pulumi.Unwrap<T>>;
    if (!(await output.isKnown)) {
        throw new Error("the value is unknown until deployment: the mock engine answered no value for it");
    }
    return output.promise();
}

/** Whether an Output is marked secret. */
export function isSecret(value: pulumi.Output<unknown>): Promise<boolean> {
    return pulumi.isSecret(value);
}
