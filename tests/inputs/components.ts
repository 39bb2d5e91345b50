import * as pulumi from "@pulumi/pulumi";
import { appstream, cloudfront, workspaces } from "../../components";
import { EngineOptions, MockEngine } from "../engine";

/** A component as the input tests drive it: its type, how to build it, arguments that pass, its engine. */
export interface ComponentCase {
    type: string;
    build(name: string, args: any, opts?: pulumi.ComponentResourceOptions): pulumi.ComponentResource;
    valid: () => Record<string, unknown>;
    options: EngineOptions;
}

const REGION = { config: { "aws:region": "eu-west-3" } };
export const ZONE_ID = "Z0EXAMPLE0000000000001";
const CDN = { cloud: { zones: { "example.com": ZONE_ID } } };

export const VPC_ID = "vpc-0123456789abcdef0";
export const SUBNETS = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"];
export const KEY_ARN = "arn:aws:kms:eu-west-3:123456789012:key/11111111-2222-3333-4444-555555555555";
const BUCKET = { bucket: "site-content", arn: "arn:aws:s3:::site-content", bucketRegionalDomainName: "site-content.s3.eu-west-3.amazonaws.com" };
const FLEET = { instanceType: "stream.standard.medium", image: { name: "ExcelApp-2025-11-01" }, capacity: { desiredInstances: 2 } };
const DIRECTORY = { network: { vpcId: VPC_ID, subnetIds: SUBNETS }, directory: { type: "MicrosoftAD", name: "corp.example.com", enableDirectoryDataAccess: true }, defaultRole: "create" as const };
const USERS = [{ userName: "ana.silva", email: "ana.silva@example.com" }, { userName: "li.wei" }];
const BUNDLE = { name: "Standard with Windows 10 (Server 2022 based)" };

/** Every component of the package, each with the smallest arguments that pass. */
export const COMPONENTS: Record<string, ComponentCase> = {
    Distribution: {
        type: "aws-euc:cloudfront:Distribution",
        build: (name, args, opts) => new cloudfront.Distribution(name, args, opts),
        valid: () => ({ origins: { site: { s3: { bucket: BUCKET } } } }),
        options: CDN,
    },
    Certificate: {
        type: "aws-euc:cloudfront:Certificate",
        build: (name, args, opts) => new cloudfront.Certificate(name, args, opts),
        valid: () => ({ domainName: "www.example.com", hostedZoneId: ZONE_ID }),
        options: CDN,
    },
    StreamingEnvironment: {
        type: "aws-euc:appstream:StreamingEnvironment",
        build: (name, args, opts) => new appstream.StreamingEnvironment(name, args, opts),
        valid: () => ({ network: { vpcId: VPC_ID, subnetIds: SUBNETS }, fleet: FLEET }),
        options: REGION,
    },
    ImageBuilder: {
        type: "aws-euc:appstream:ImageBuilder",
        build: (name, args, opts) => new appstream.ImageBuilder(name, args, opts),
        valid: () => ({ instanceType: "stream.standard.medium", image: { name: "AppStream-WinServer2022-06-17-2025" }, network: { vpcId: VPC_ID, subnetIds: SUBNETS } }),
        options: REGION,
    },
    Fleet: {
        type: "aws-euc:appstream:Fleet",
        build: (name, args, opts) => new appstream.Fleet(name, args, opts),
        valid: () => ({ ...FLEET, network: { vpcId: VPC_ID, subnetIds: SUBNETS } }),
        options: REGION,
    },
    Stack: {
        type: "aws-euc:appstream:Stack",
        build: (name, args, opts) => new appstream.Stack(name, args, opts),
        valid: () => ({ fleet: { name: "excel-fleet" } }),
        options: REGION,
    },
    Users: {
        type: "aws-euc:appstream:Users",
        build: (name, args, opts) => new appstream.Users(name, args, opts),
        valid: () => ({ stack: { name: "excel", arn: "arn:aws:appstream:eu-west-3:123456789012:stack/excel" }, users: [{ email: "ana@example.com" }] }),
        options: REGION,
    },
    FleetMonitoring: {
        type: "aws-euc:appstream:FleetMonitoring",
        build: (name, args, opts) => new appstream.FleetMonitoring(name, args, opts),
        valid: () => ({ fleetName: "excel-fleet", stackName: "excel" }),
        options: REGION,
    },
    DesktopEnvironment: {
        type: "aws-euc:workspaces:DesktopEnvironment",
        build: (name, args, opts) => new workspaces.DesktopEnvironment(name, args, opts),
        valid: () => ({ directory: DIRECTORY, desktops: { bundle: BUNDLE }, users: USERS }),
        options: REGION,
    },
    Directory: {
        type: "aws-euc:workspaces:Directory",
        build: (name, args, opts) => new workspaces.Directory(name, args, opts),
        valid: () => ({ ...DIRECTORY }),
        options: REGION,
    },
    EncryptionKey: {
        type: "aws-euc:workspaces:EncryptionKey",
        build: (name, args, opts) => new workspaces.EncryptionKey(name, args, opts),
        valid: () => ({}),
        options: REGION,
    },
    Workspaces: {
        type: "aws-euc:workspaces:Workspaces",
        build: (name, args, opts) => new workspaces.Workspaces(name, args, opts),
        valid: () => ({ directoryId: "d-0123456789", encryptionKeyArn: KEY_ARN, defaults: { bundle: BUNDLE }, users: USERS }),
        options: REGION,
    },
    Monitoring: {
        type: "aws-euc:workspaces:Monitoring",
        build: (name, args, opts) => new workspaces.Monitoring(name, args, opts),
        valid: () => ({ directoryId: "d-0123456789" }),
        options: REGION,
    },
    DirectoryUsers: {
        type: "aws-euc:workspaces:DirectoryUsers",
        build: (name, args, opts) => new workspaces.DirectoryUsers(name, args, opts),
        valid: () => ({ directoryId: "d-0123456789", directoryType: "MicrosoftAD", users: [{ userName: "ana.silva" }] }),
        options: REGION,
    },
};

/** `args` with the value at `path` (`a.b`, `a[0]`) replaced; `undefined` removes the key. */
export function withValue(args: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
    const copy = copyPlain(args);
    const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "");
    let node: any = copy;
    keys.slice(0, -1).forEach((key, i) => {
        const container = Array.isArray(node[key]) || (node[key] && typeof node[key] === "object" && Object.getPrototypeOf(node[key]) === Object.prototype);
        if (!container) {
            node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
        }
        node = node[key];
    });
    const last = keys[keys.length - 1];
    if (value === undefined) {
        delete node[last];
    } else {
        node[last] = value;
    }
    return copy;
}

/** A deep copy of plain objects and lists; Outputs, Promises and resources are kept as they are. */
function copyPlain<T>(value: T): T {
    if (Array.isArray(value)) {
        return value.map(copyPlain) as T;
    }
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyPlain(v)])) as T;
    }
    return value;
}

/** What building a component did: the error it threw (if any) and what the engine recorded. */
export interface Attempt {
    error?: Error;
    engine: MockEngine;
    /** Resources registered besides the component itself. */
    children: number;
}

/** Builds `component` with `args` on a fresh engine; waits for the registrations only when it was accepted. */
export async function attempt(component: ComponentCase, args: unknown, name = "t", settle = true): Promise<Attempt> {
    const engine = MockEngine.start(component.options);
    let error: Error | undefined;
    try {
        component.build(name, args);
    } catch (err) {
        error = err as Error;
    }
    if (settle || error) {
        await new Promise((resolve) => setImmediate(resolve));
        try {
            await engine.settle();
        } catch (err) {
            error ??= err as Error;
        }
    }
    return { error, engine, children: engine.resources.filter((r) => r.type !== component.type || r.name !== name).length };
}
