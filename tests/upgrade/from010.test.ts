import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { appstream } from "../../components";
import { RecordedResource, unwrap } from "../engine";
import { NETWORK, plan } from "../appstream/fixtures";
import { FLEET_REPLACED_BY } from "../../components/appstream/awsRules";
import { DIRECTORY_USER_REPLACED_BY } from "../../components/workspaces/provisioning/directoryUserProvider";

const ROOT = path.resolve(__dirname, "../..");
/** What each program deployed at 0.1.0: URNs, and the inputs of REPLACE_ON (how it was made: the file's `about`). */
const deployed = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "urns-0.1.0.json"), "utf8")) as {
    programs: Record<string, { urns: string[]; replaceOn: Record<string, Record<string, unknown>> }>;
};

/**
 * Inputs whose change makes the provider replace a resource that holds state (Terraform provider
 * `ForceNew`; the directory-user provider's own diff). A replacement of these loses what they hold.
 */
const REPLACE_ON: Record<string, readonly string[]> = {
    "aws:appstream/directoryConfig:DirectoryConfig": ["directoryName"],
    "aws:appstream/fleet:Fleet": FLEET_REPLACED_BY,
    "aws:appstream/stack:Stack": ["name"],
    // An image builder has no update: every input but its tags replaces it.
    "aws:appstream/imageBuilder:ImageBuilder": [
        "name", "instanceType", "imageName", "imageArn", "vpcConfig", "domainJoinInfo", "iamRoleArn",
        "enableDefaultInternetAccess", "appstreamAgentVersion", "accessEndpoints", "description", "displayName",
    ],
    "aws:directoryservice/directory:Directory": ["name", "type", "size", "edition", "shortName", "vpcSettings"],
    "aws:workspaces/workspace:Workspace": ["directoryId", "bundleId", "userName", "rootVolumeEncryptionEnabled", "userVolumeEncryptionEnabled", "volumeEncryptionKey"],
    "aws:kms/key:Key": ["keyUsage", "customerMasterKeySpec", "multiRegion"],
    "aws:s3/bucket:Bucket": ["bucket", "bucketPrefix"],
    "pulumi-nodejs:dynamic:Resource": DIRECTORY_USER_REPLACED_BY,
};

/** The plan of a program folder by the offline plan command, as JSON. */
function planOf(program: string, config: string[] = []): RecordedResource[] {
    const cli = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
    const result = spawnSync(process.execPath, [cli, "cli/main.ts", "plan", program, "--json", ...config.flatMap((c) => ["-c", c])], { cwd: ROOT, encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
    return (JSON.parse(result.stdout) as { resources: RecordedResource[] }).resources;
}

/** The config each program was planned with at 0.1.0 (see the fixture's `about`). */
const CONFIG: Record<string, string[]> = { "examples/appstream": ["imageName=ExcelApp-2025-11-01"] };

/**
 * What 0.1.0 deployed that this version no longer has, on purpose, and why losing it is safe.
 * Anything else that disappears is a resource Pulumi would delete on upgrade.
 */
const GONE_ON_PURPOSE: Record<string, string> = {
    "urn:pulumi:dev::cloudfront-static-site::aws-euc:cloudfront:Distribution$aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy::site-security-headers":
        "the security-headers policy is shared per account now; a policy holds no data and the new one has another AWS name, so Pulumi creates it, points the distribution at it, then deletes the old one",
    "urn:pulumi:dev::cloudfront-static-site::pulumi:pulumi:Stack$aws:s3/bucketObjectv2:BucketObjectv2::site-index.html": "the example's own page, renamed in the example (not a component's resource)",
    "urn:pulumi:dev::cloudfront-static-site::pulumi:pulumi:Stack$aws:s3/bucketObjectv2:BucketObjectv2::site-404.html": "the example's own page, renamed in the example (not a component's resource)",
};

describe("upgrading a stack deployed with 0.1.0", function () {
    this.timeout(120_000);
    const programs = Object.entries(deployed.programs);

    for (const [program, { urns: before, replaceOn }] of programs) {
        it(`${program}: every resource 0.1.0 deployed is kept, under its URN or an alias (unless listed as gone on purpose), and none that holds state is replaced`, () => {
            const after = planOf(program, CONFIG[program]);
            const own = new Set(after.map((r) => r.urn));
            const claims = new Map<string, string[]>();
            for (const r of after) {
                for (const alias of r.options.aliases ?? []) {
                    claims.set(alias, [...(claims.get(alias) ?? []), r.urn]);
                    assert.ok(!own.has(alias), `${r.urn} aliases ${alias}, which is still a resource of its own (Pulumi refuses that)`);
                }
            }
            for (const [alias, by] of claims) {
                assert.equal(by.length, 1, `${alias} is claimed by ${by.join(" and ")}`);
            }
            const gone = before.filter((urn) => !own.has(urn) && !claims.has(urn));
            assert.deepEqual(
                gone,
                before.filter((urn) => urn in GONE_ON_PURPOSE),
            );
            for (const r of after) {
                const kept = (r.options.aliases ?? []).filter((alias) => before.includes(alias));
                assert.ok(kept.length + (before.includes(r.urn) ? 1 : 0) <= 1, `${r.urn} answers to ${kept.length} resources of 0.1.0: Pulumi keeps only the first`);
            }
            const byUrn = new Map(after.flatMap((r) => [r.urn, ...(r.options.aliases ?? [])].map((urn) => [urn, r] as const)));
            for (const [urn, inputs] of Object.entries(replaceOn)) {
                const now = byUrn.get(urn);
                if (!now) {
                    continue; // gone on purpose, checked above
                }
                // Pulumi does not diff what ignoreChanges names (a builder following the newest base image).
                const keys = (REPLACE_ON[now.type] ?? []).filter((k) => !now.options.ignoreChanges.includes(k));
                assert.deepEqual(Object.fromEntries(keys.map((k) => [k, now.inputs[k]])), Object.fromEntries(keys.map((k) => [k, inputs[k]])), `${urn}: an input that replaces it changed`);
            }
        });
    }

    it("a composite's shared DirectoryConfig answers to the name 0.1.0 gave it under each part that joins its directory", async () => {
        // 0.1.0 made one DirectoryConfig under each part that brought a service account; now the
        // composite makes one per directory. Without the alias Pulumi would create the new one
        // first, and AppStream refuses a second DirectoryConfig for a directory. Both parts are
        // aliased: the one whose account made it in 0.1.0 may have dropped it since.
        const account = { name: "CORP\\appstream-join", password: pulumi.secret("Join-Passw0rd!") };
        const join = { directoryName: "corp.example.com", organizationalUnit: "OU=AppStream,DC=corp,DC=example,DC=com" };
        const aliasParents: pulumi.Output<string>[] = [];
        // Sees each alias as the component gives it (a transformation runs before registration).
        const seeAliases: pulumi.ResourceTransformation = ({ type, opts }) => {
            if (type === "aws:appstream/directoryConfig:DirectoryConfig") {
                aliasParents.push(...(opts.aliases ?? []).map((a) => pulumi.output((a as pulumi.Alias).parent as pulumi.Input<string>)));
            }
            return undefined;
        };
        const { engine } = await plan(
            () =>
                new appstream.StreamingEnvironment(
                    "excel",
                    {
                        network: { ...NETWORK, securityGroupIds: ["sg-0123456789abcdef0"] },
                        imageBuilder: { instanceType: "stream.standard.medium", image: { name: "AppStream-WinServer2022-01-01-2026" }, domainJoin: join },
                        fleet: { instanceType: "stream.standard.medium", image: { name: "excel-image" }, capacity: { desiredInstances: 1 }, domainJoin: { ...join, serviceAccount: account } },
                    },
                    { transformations: [seeAliases] },
                ),
        );
        const configs = engine.resources.filter((r) => r.type === "aws:appstream/directoryConfig:DirectoryConfig");
        assert.deepEqual(
            configs.map((r) => [r.name, r.inputs.directoryName, r.options.aliases]),
            [
                [
                    "excel-corp.example.com-directory-config",
                    "corp.example.com",
                    [
                        "urn:pulumi:test::project::aws-euc:appstream:ImageBuilder$aws:appstream/directoryConfig:DirectoryConfig::excel-builder-directory-config",
                        "urn:pulumi:test::project::aws-euc:appstream:Fleet$aws:appstream/directoryConfig:DirectoryConfig::excel-fleet-directory-config",
                    ],
                ],
            ],
            "one config for the directory, answering to both parts' 0.1.0 names",
        );
        // The parent of each alias is the part's full URN, the composite included (this engine's
        // URNs name only a parent's own type, so the recorded aliases cannot show it).
        const composite = engine.get("excel", "aws-euc:appstream:StreamingEnvironment").urn;
        const chain = composite.slice(0, composite.lastIndexOf("::"));
        assert.deepEqual(await Promise.all(aliasParents.map((parent) => unwrap(parent))), [
            `${chain}$aws-euc:appstream:ImageBuilder::excel-builder`,
            `${chain}$aws-euc:appstream:Fleet::excel-fleet`,
        ]);
        const used = engine.resources.filter((r) => r.type === "aws:appstream/fleet:Fleet");
        assert.equal(used.length, 1);
        assert.ok(used[0].dependencies.includes(configs[0].urn), "the fleet still waits for the shared config");
    });

    it("a part used alone keeps 0.1.0's name and needs no alias", async () => {
        const { engine } = await plan(
            () =>
                new appstream.Fleet("excel", {
                    instanceType: "stream.standard.medium",
                    image: { name: "excel-image" },
                    capacity: { desiredInstances: 1 },
                    network: { ...NETWORK, securityGroupIds: ["sg-0123456789abcdef0"] },
                    domainJoin: {
                        directoryName: "corp.example.com",
                        organizationalUnit: "OU=AppStream,DC=corp,DC=example,DC=com",
                        serviceAccount: { name: "CORP\\appstream-join", password: "Join-Passw0rd!" },
                    },
                }),
        );
        const config = engine.get("excel-directory-config");
        assert.equal(config.options.aliases, undefined);
        assert.match(config.urn, /aws-euc:appstream:Fleet\$aws:appstream\/directoryConfig:DirectoryConfig::excel-directory-config$/);
    });
});
