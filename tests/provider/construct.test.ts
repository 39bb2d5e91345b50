import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import * as pulumi from "@pulumi/pulumi";
import { appstream, cloudfront, workspaces } from "../../components";
import { MockEngine, planOn, RecordedResource } from "../engine";
import { loadGeneratedSchema } from "../../provider/provider";
import type { TypeSpec } from "../../provider/schema/model";
import { MonitoredResource, MonitorStub } from "./monitor";
import { constructError, PluginProcess } from "./pluginProcess";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
/** A secret as a Python or YAML program sends it to a component (an output value marked secret). */
const secret = (value: unknown) => ({ [SIG_KEY]: OUTPUT_SIG, value, secret: true, dependencies: [] });

const CONFIG = { "aws:region": "eu-west-3" };
const ZONES = { "example.com": "Z0EXAMPLE0000000000001" };
const BUCKET = { bucket: "site-content", arn: "arn:aws:s3:::site-content", bucketRegionalDomainName: "site-content.s3.eu-west-3.amazonaws.com" };
const NETWORK = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] };
const USERS = [{ userName: "ana.silva", email: "ana.silva@example.com", givenName: "Ana", surname: "Silva" }];

/** A registration reduced to what both paths must agree on. */
function shapeOf(r: RecordedResource | MonitoredResource, all: (RecordedResource | MonitoredResource)[]) {
    const parent = all.find((p) => p.urn === r.parent);
    return { type: r.type, name: r.name, parent: parent ? `${parent.type}::${parent.name}` : undefined, inputs: r.inputs, secretInputs: [...r.secretInputs].sort() };
}

function shapes(list: (RecordedResource | MonitoredResource)[]) {
    return list
        .filter((r) => !r.type.startsWith("pulumi:providers:"))
        .map((r) => shapeOf(r, list))
        .sort((a, b) => `${a.type}::${a.name}`.localeCompare(`${b.type}::${b.name}`));
}

/** The TypeScript path: the component on the mock engine, as `pulumi up` would run it. */
async function typescriptPlan(build: () => Record<string, any>, outputs: Record<string, string>) {
    const { engine, built } = await planOn({ config: CONFIG, preview: false, cloud: { zones: ZONES } }, build);
    const values: Record<string, unknown> = {};
    for (const [wire, ts] of Object.entries(outputs)) {
        const value = built[ts];
        values[wire] = value === undefined ? undefined : await engine.unwrap(value);
    }
    return { engine, values };
}

describe("provider: Construct from another language", function () {
    this.timeout(120000);
    let monitor: MonitorStub;
    let plugin: PluginProcess;

    beforeEach(async () => {
        monitor = new MonitorStub("project", "test", { region: "eu-west-3", zones: ZONES });
        await monitor.start();
        plugin = await PluginProcess.start(monitor.address);
    });
    afterEach(() => {
        plugin.stop();
        monitor.stop();
    });

    async function compare(type: string, wireInputs: Record<string, unknown>, build: () => Record<string, any>, outputs: Record<string, string>) {
        const constructed = await plugin.construct(monitor, type, "main", wireInputs, CONFIG);
        const ts = await typescriptPlan(build, outputs);
        assert.deepEqual(shapes(monitor.resources), shapes((ts.engine as MockEngine).resources));
        assert.ok(monitor.resources.filter((r) => r.custom).length >= 2, "the component registered its children");
        const plainState: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(constructed.state)) {
            plainState[k] = v && typeof v === "object" && (v as any)[SIG_KEY] ? (v as any).value : v;
        }
        for (const [wire, value] of Object.entries(ts.values)) {
            assert.deepEqual(plainState[wire], value, `output ${wire}`);
        }
        return { constructed, ts };
    }

    it("cloudfront:Distribution: a YAML program's wire forms (enabled: false, name presets) become the TypeScript unions", async () => {
        const { constructed } = await compare(
            "aws-euc:cloudfront:Distribution",
            {
                origins: { site: { s3: { bucket: BUCKET } } },
                defaultBehavior: { cachePolicy: { name: "CachingDisabled" } },
                aliases: ["www.example.com"],
                hostedZone: { name: "example.com" },
                waf: { enabled: false },
                securityHeaders: { name: "managed" },
            },
            () => new cloudfront.Distribution("main", {
                origins: { site: { s3: { bucket: BUCKET } } },
                defaultBehavior: { cachePolicy: "CachingDisabled" },
                aliases: ["www.example.com"],
                hostedZone: { name: "example.com" },
                waf: false,
                securityHeaders: "managed",
            }) as any,
            { distributionId: "id", arn: "arn", domainName: "domainName", url: "url", certificateArn: "certificateArn", invalidationCommand: "invalidationCommand" },
        );
        assert.equal(constructed.urn, "urn:pulumi:test::project::aws-euc:cloudfront:Distribution::main");
        assert.equal(monitor.resources.filter((r) => r.type === "aws:wafv2/webAcl:WebAcl").length, 0);
        // Child resources come back as resource references, as the Python and YAML SDKs rehydrate them.
        const child = monitor.resources.find((r) => r.type === "aws:cloudfront/distribution:Distribution")!;
        const reference = constructed.state.distribution as Record<string, unknown>;
        assert.equal(reference[SIG_KEY], "5cf8f73096256a8f31e491e813e4eb8e");
        assert.equal(reference.urn, child.urn);
        const certificate = monitor.resources.find((r) => r.type === "aws-euc:cloudfront:Certificate")!;
        assert.equal((constructed.state.certificate as Record<string, unknown>).urn, certificate.urn);
    });

    it("cloudfront:Certificate: outputs as in TypeScript", async () => {
        await compare(
            "aws-euc:cloudfront:Certificate",
            { domainName: "www.example.com", hostedZoneId: ZONES["example.com"] },
            () => new cloudfront.Certificate("main", { domainName: "www.example.com", hostedZoneId: ZONES["example.com"] }) as any,
            { arn: "arn", dnsValidationRecords: "dnsValidationRecords" },
        );
    });

    it("appstream:StreamingEnvironment: same fleet, stack and outputs", async () => {
        const fleet = { instanceType: "stream.standard.medium", image: { name: "ExcelApp-2025-11-01" }, capacity: { desiredInstances: 2 } };
        await compare(
            "aws-euc:appstream:StreamingEnvironment",
            { network: NETWORK, fleet, stack: {}, monitoring: { enabled: false } },
            () => new appstream.StreamingEnvironment("main", { network: NETWORK, fleet, stack: {}, monitoring: false }) as any,
            { serviceRoleArn: "serviceRoleArn", fleetName: "fleetName", stackName: "stackName" },
        );
    });

    it("workspaces:DesktopEnvironment: a secret input stays secret on the child, the registration code comes back", async () => {
        const directory = { network: NETWORK, defaultRole: "create", directory: { type: "SimpleAD", name: "corp.example.com" } };
        const { constructed } = await compare(
            "aws-euc:workspaces:DesktopEnvironment",
            { directory: { ...directory, directory: { ...directory.directory, adminPassword: secret("Correct-Horse-9!") } }, desktops: { bundle: { name: "Standard with Windows 10 (Server 2022 based)" } }, users: USERS },
            () => new workspaces.DesktopEnvironment("main", {
                directory: { ...directory, directory: { ...directory.directory, adminPassword: pulumi.secret("Correct-Horse-9!") } } as any,
                desktops: { bundle: { name: "Standard with Windows 10 (Server 2022 based)" } } as any,
                users: USERS,
            }) as any,
            { directoryId: "directoryId", registrationCode: "registrationCode", webClientUrl: "webClientUrl" },
        );
        const ad = monitor.resources.find((r) => r.type === "aws:directoryservice/directory:Directory")!;
        assert.deepEqual(ad.secretInputs, ["password"]);
        assert.ok(typeof constructed.state.registrationCode === "string" && constructed.state.registrationCode.length > 0);
    });

    it("workspaces:DesktopEnvironment: provisioned users' passwords come back secret", async () => {
        const directory = { network: NETWORK, defaultRole: "create", directory: { type: "MicrosoftAD", name: "corp.example.com", enableDirectoryDataAccess: true } };
        const desktops = { bundle: { name: "Standard with Windows 10 (Server 2022 based)" } };
        const provisionUsers = { passwords: "generated" };
        const { constructed, ts } = await compare(
            "aws-euc:workspaces:DesktopEnvironment",
            { directory, desktops, users: USERS, provisionUsers },
            () => new workspaces.DesktopEnvironment("main", { directory, desktops, users: USERS, provisionUsers } as any) as any,
            { userPasswords: "userPasswords" },
        );
        const passwords = constructed.state.userPasswords as Record<string, any>;
        assert.equal(passwords[SIG_KEY], "1b47061264138c4ac30d75fd1eb44270", "sent as a secret");
        assert.deepEqual(Object.keys(passwords.value), ["ana.silva"]);
        assert.deepEqual(passwords.value, ts.values.userPasswords);
    });

    it("parts alone: appstream:Fleet as in TypeScript", async () => {
        const fleet = { instanceType: "stream.standard.medium", image: { name: "ExcelApp-2025-11-01" }, capacity: { desiredInstances: 2 }, network: NETWORK };
        await compare("aws-euc:appstream:Fleet", fleet, () => new appstream.Fleet("main", fleet) as any, { name: "name", arn: "arn" });
    });

    it("parts alone: workspaces:EncryptionKey as in TypeScript", async () => {
        await compare("aws-euc:workspaces:EncryptionKey", { deletionWindowInDays: 14 }, () => new workspaces.EncryptionKey("main", { deletionWindowInDays: 14 }) as any, { arn: "arn", keyId: "keyId" });
        assert.equal(monitor.resources.find((r) => r.type === "aws:kms/key:Key")!.inputs.deletionWindowInDays, 14);
    });

    it("parts alone: workspaces:Directory's generated admin password comes back secret", async () => {
        const args = { network: NETWORK, defaultRole: "create", directory: { type: "SimpleAD", name: "corp.example.com" } };
        const { constructed, ts } = await compare("aws-euc:workspaces:Directory", args, () => new workspaces.Directory("main", args as any) as any, {
            directoryId: "directoryId",
            registrationCode: "registrationCode",
            adminPassword: "adminPassword",
        });
        const password = constructed.state.adminPassword as Record<string, unknown>;
        assert.equal(password[SIG_KEY], "1b47061264138c4ac30d75fd1eb44270");
        assert.equal(password.value, ts.values.adminPassword);
    });

    const BAD: [string, Record<string, unknown>, (args: any) => unknown, RegExp][] = [
        ["aws-euc:cloudfront:Distribution", { origins: { site: { s3: { bucket: BUCKET } } }, priceClass: "PriceClass_1", aliases: ["WWW.example.com"] }, (a) => new cloudfront.Distribution("main", a), /priceClass/],
        ["aws-euc:cloudfront:Certificate", { domainName: "https://www.example.com", maxNames: 0 }, (a) => new cloudfront.Certificate("main", a), /domainName/],
        ["aws-euc:appstream:StreamingEnvironment", { network: { vpcId: "vpc-1", subnetIds: [] }, fleet: { instanceType: "stream.huge", image: { name: "x" }, capacity: { desiredInstances: 0 } } }, (a) => new appstream.StreamingEnvironment("main", a), /instanceType/],
        ["aws-euc:workspaces:DesktopEnvironment", { directory: { network: NETWORK, defaultRole: "create", directory: { type: "SimpleAD", name: "corp.example.com" } }, desktops: { bundle: { name: "x" } }, users: [{ userName: "a-name-longer-than-twenty" }], retainWorkspaces: "yes" }, (a) => new workspaces.DesktopEnvironment("main", a), /retainWorkspaces: 'yes' must be true or false/],
    ];
    for (const [type, bad, build, names] of BAD) {
        it(`bad inputs to ${type} fail over Construct with the TypeScript message, nothing registered`, async () => {
            let message = "";
            try {
                await plugin.construct(monitor, type, "main", bad, CONFIG);
            } catch (err) {
                message = constructError(err).message;
            }
            let expected = "";
            MockEngine.start({ config: CONFIG, cloud: { zones: ZONES } });
            try {
                build(JSON.parse(JSON.stringify(bad)));
            } catch (err) {
                expected = (err as Error).message;
            }
            assert.match(expected, names);
            assert.equal(message, expected);
            assert.deepEqual(monitor.resources.filter((r) => r.custom), []);
        });
    }
});

/** `${resource.property}` of a YAML program, as the YAML runtime sends it: an output value depending on the resource. */
function yamlValue(text: string, resources: Record<string, { type: string; outputs: Record<string, string> }>): unknown {
    const match = /^\$\{(\w+)\.(\w+)\}$/.exec(text);
    if (!match) {
        return text;
    }
    const resource = resources[match[1]];
    return { [SIG_KEY]: OUTPUT_SIG, value: resource.outputs[match[2]], dependencies: [`urn:pulumi:test::project::${resource.type}::${match[1]}`] };
}

function substitute(value: unknown, resources: Parameters<typeof yamlValue>[1]): unknown {
    if (typeof value === "string") {
        return yamlValue(value, resources);
    }
    if (Array.isArray(value)) {
        return value.map((v) => substitute(v, resources));
    }
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, resources)]));
    }
    return value;
}

describe("provider: Construct in a preview", function () {
    this.timeout(120000);
    let monitor: MonitorStub;
    let plugin: PluginProcess;

    beforeEach(async () => {
        monitor = new MonitorStub("project", "test", { region: "eu-west-3", zones: ZONES });
        await monitor.start();
        plugin = await PluginProcess.start(monitor.address);
    });
    afterEach(() => {
        plugin.stop();
        monitor.stop();
    });

    it("a value known only after deployment plans where TypeScript takes an Input, and is refused by path where it takes a plain value", async () => {
        const base = { origins: { site: { s3: { bucket: BUCKET } } }, aliases: ["www.example.com"] };
        await plugin.construct(monitor, "aws-euc:cloudfront:Distribution", "main", { ...base, hostedZone: { id: UNKNOWN } }, CONFIG, true);
        const records = monitor.resources.filter((r) => r.type === "aws:route53/record:Record");
        assert.ok(records.length >= 2 && records.every((r) => r.inputs.zoneId === UNKNOWN), JSON.stringify(records.map((r) => r.inputs.zoneId)));
        let message = "";
        try {
            await plugin.construct(monitor, "aws-euc:cloudfront:Distribution", "other", { ...base, aliases: UNKNOWN }, CONFIG, true);
        } catch (err) {
            message = constructError(err).message;
        }
        assert.equal(
            message,
            "aws-euc:cloudfront:Distribution 'other' has invalid arguments:\n  - aliases: must be known when the program runs (a plain value, not the output of another resource)",
        );
        assert.equal(monitor.resources.filter((r) => r.name.startsWith("other")).length, 0);
    });
});

describe("provider: the examples' inputs over Construct", function () {
    this.timeout(120000);
    let monitor: MonitorStub;
    let plugin: PluginProcess;

    beforeEach(async () => {
        monitor = new MonitorStub("project", "test", { region: "eu-west-3", zones: ZONES });
        await monitor.start();
        plugin = await PluginProcess.start(monitor.address);
    });
    afterEach(() => {
        plugin.stop();
        monitor.stop();
    });

    it("examples/yaml-cloudfront: the site's properties plan the TypeScript resources, and the bucket's outputs keep their dependency", async () => {
        const program = yaml.load(fs.readFileSync(path.join(__dirname, "../../examples/yaml-cloudfront/Pulumi.yaml"), "utf8")) as any;
        const site = program.resources.site;
        assert.equal(site.type, "aws-euc:cloudfront:Distribution");
        const content = { type: "aws:s3/bucket:Bucket", outputs: BUCKET };
        const inputs = substitute(site.properties, { content }) as Record<string, unknown>;
        await plugin.construct(monitor, site.type, "site", inputs, CONFIG);
        const { engine } = await planOn({ config: CONFIG, preview: false, cloud: { zones: ZONES } }, () => new cloudfront.Distribution("site", {
            origins: { site: { s3: { bucket: BUCKET } } },
            aliases: ["www.example.com"],
            hostedZone: { name: "example.com" },
            defaultBehavior: { cachePolicy: "CachingOptimized" },
            waf: { rateLimit: 1000 },
            tags: { app: "site" },
        }));
        assert.deepEqual(shapes(monitor.resources), shapes(engine.resources));
        const distribution = monitor.resources.find((r) => r.type === "aws:cloudfront/distribution:Distribution")!;
        assert.ok(distribution.dependencies.includes("urn:pulumi:test::project::aws:s3/bucket:Bucket::content"), distribution.dependencies.join(", "));
    });

    it("secrets nested in plain arguments sent the old way (secretness pushed to the top) stay secret where TypeScript takes an Input", async () => {
        const legacySecret = (value: unknown) => ({ [SIG_KEY]: "1b47061264138c4ac30d75fd1eb44270", value });
        const directory = { network: NETWORK, defaultRole: "create", directory: { type: "SimpleAD", name: "corp.example.com", adminPassword: legacySecret("Correct-Horse-9!") } };
        const desktops = { bundle: { name: "Standard with Windows 10 (Server 2022 based)" } };
        const tags = { "cost-center": legacySecret("cc-1234") };
        await plugin.construct(monitor, "aws-euc:workspaces:DesktopEnvironment", "main", { directory, desktops, users: USERS, tags }, CONFIG);
        const ad = monitor.resources.find((r) => r.type === "aws:directoryservice/directory:Directory")!;
        assert.equal(ad.inputs.password, "Correct-Horse-9!");
        assert.ok(ad.secretInputs.includes("password"), ad.secretInputs.join(", "));
        assert.equal(ad.inputs.tags["cost-center"], "cc-1234");
        assert.ok(ad.secretInputs.includes("tags.cost-center"), ad.secretInputs.join(", "));
        const { engine } = await planOn({ config: CONFIG, preview: false }, () => new workspaces.DesktopEnvironment("main", {
            directory: { network: NETWORK, defaultRole: "create", directory: { type: "SimpleAD", name: "corp.example.com", adminPassword: pulumi.secret("Correct-Horse-9!") } },
            desktops,
            users: USERS,
            tags: { "cost-center": pulumi.secret("cc-1234") },
        } as any));
        // The old form marks the whole argument secret: every Input under it is secret (more, never fewer).
        const wire = shapes(monitor.resources);
        const typescript = shapes(engine.resources);
        const withoutSecrets = (list: typeof wire) => list.map((r) => ({ ...r, secretInputs: [] }));
        assert.deepEqual(withoutSecrets(wire), withoutSecrets(typescript));
        typescript.forEach((r, i) => assert.deepEqual(r.secretInputs.filter((p) => !wire[i].secretInputs.includes(p)), [], `${r.type}::${r.name}`));
    });
});

/** What a generated SDK does with the schema's defaults: fills in each one left out, at every level given. */
function withSchemaDefaults(value: unknown, spec: TypeSpec, types: Record<string, any>): unknown {
    if (value === undefined || value === null || typeof value !== "object" || (value as any)[SIG_KEY]) {
        return value;
    }
    if (spec.type === "array") {
        return (value as unknown[]).map((v) => withSchemaDefaults(v, spec.items!, types));
    }
    if (spec.type === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withSchemaDefaults(v, spec.additionalProperties ?? { type: "string" }, types)]));
    }
    const properties: Record<string, any> = spec.$ref ? types[spec.$ref.slice("#/types/".length)]?.properties ?? {} : {};
    return fillProperties(value as Record<string, unknown>, properties, types);
}

function fillProperties(value: Record<string, unknown>, properties: Record<string, any>, types: Record<string, any>): Record<string, unknown> {
    const filled: Record<string, unknown> = {};
    for (const [k, property] of Object.entries(properties)) {
        const given = value[k];
        if (given !== undefined) {
            filled[k] = withSchemaDefaults(given, property, types);
        } else if (property.default !== undefined) {
            filled[k] = property.default;
        }
    }
    return { ...value, ...filled };
}

describe("provider: the schema's defaults (SDKs send them) change nothing", function () {
    this.timeout(300000);
    const generated = loadGeneratedSchema();
    const fleet = { instanceType: "stream.standard.medium", image: { name: "ExcelApp-2025-11-01" }, capacity: { desiredInstances: 2 }, network: NETWORK };
    const cases: [string, Record<string, unknown>, () => unknown][] = [
        ["aws-euc:cloudfront:Distribution", { origins: { site: { s3: { bucket: BUCKET } } }, aliases: ["www.example.com"], hostedZone: { name: "example.com" }, monitoring: {}, logging: {}, waf: {}, securityHeaders: {} }, () =>
            new cloudfront.Distribution("main", { origins: { site: { s3: { bucket: BUCKET } } }, aliases: ["www.example.com"], hostedZone: { name: "example.com" }, monitoring: {}, logging: {}, waf: {}, securityHeaders: {} })],
        ["aws-euc:cloudfront:Certificate", { domainName: "www.example.com", hostedZoneId: ZONES["example.com"] }, () => new cloudfront.Certificate("main", { domainName: "www.example.com", hostedZoneId: ZONES["example.com"] })],
        ["aws-euc:appstream:StreamingEnvironment", { network: NETWORK, fleet: { ...fleet, network: undefined }, stack: {}, users: { users: [{ email: "ana.silva@example.com" }] } }, () =>
            new appstream.StreamingEnvironment("main", { network: NETWORK, fleet: { ...fleet, network: undefined } as any, stack: {}, users: { users: [{ email: "ana.silva@example.com" }] } as any })],
        ["aws-euc:appstream:Fleet", fleet, () => new appstream.Fleet("main", fleet as any)],
        ["aws-euc:workspaces:EncryptionKey", {}, () => new workspaces.EncryptionKey("main", {})],
        ["aws-euc:workspaces:Directory", { network: NETWORK, defaultRole: "create", directory: { type: "SimpleAD", name: "corp.example.com" } }, () => new workspaces.Directory("main", { network: NETWORK, defaultRole: "create", directory: { type: "SimpleAD", name: "corp.example.com" } } as any)],
        ["aws-euc:workspaces:DesktopEnvironment", { directory: { network: NETWORK, defaultRole: "create", directory: { type: "SimpleAD", name: "corp.example.com", adminPassword: "Correct-Horse-9!" } }, desktops: { bundle: { name: "Standard with Windows 10 (Server 2022 based)" } }, users: USERS }, () =>
            new workspaces.DesktopEnvironment("main", { directory: { network: NETWORK, defaultRole: "create", directory: { type: "SimpleAD", name: "corp.example.com", adminPassword: "Correct-Horse-9!" } }, desktops: { bundle: { name: "Standard with Windows 10 (Server 2022 based)" } }, users: USERS } as any)],
    ];
    for (const [type, inputs, build] of cases) {
        it(`${type}: the inputs with every schema default filled in plan what TypeScript plans without them`, async () => {
            const filled = fillProperties(JSON.parse(JSON.stringify(inputs)), generated.schema.resources[type].inputProperties, generated.schema.types);
            const monitor = new MonitorStub("project", "test", { region: "eu-west-3", zones: ZONES });
            await monitor.start();
            const plugin = await PluginProcess.start(monitor.address);
            try {
                await plugin.construct(monitor, type, "main", filled, CONFIG);
            } finally {
                plugin.stop();
                monitor.stop();
            }
            const { engine } = await planOn({ config: CONFIG, preview: false, cloud: { zones: ZONES } }, build);
            assert.deepEqual(shapes(monitor.resources), shapes(engine.resources));
        });
    }
});
