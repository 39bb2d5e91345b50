import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { hostLoad } from "../shared/dynamicHost";

const ROOT = path.resolve(__dirname, "../..");
const PROJECT = path.join(__dirname, "project");
/** The SARIF 2.1.0 JSON schema, as Microsoft's SARIF SDK ships it. */
const SARIF_SCHEMA = path.join(ROOT, "node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json");

/** The schema's complaints about a document, or "" when it is valid SARIF 2.1.0. */
function sarifErrors(document: unknown): string {
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, "utf8")));
    return validate(document) ? "" : JSON.stringify(validate.errors, null, 2);
}

function run(command: string, args: string[], cwd: string) {
    const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The versions this repository pins, so the consumer gets the same ones from the registry cache. */
function pinned(name: string): string {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    return manifest.devDependencies[name];
}

/** The ```ts blocks of the README that import the package: each is a complete consumer program. */
function readmeSnippets(): string[] {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).filter((code) => /from "pulumi-aws-euc(\/policies)?"/.test(code));
}

describe("the packed package in a consumer project made like `pulumi new aws-typescript`", function () {
    this.timeout(20 * 60_000);
    let dir: string;

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-euc-consumer-"));
        const packed = run("npm", ["pack", "--silent", "--pack-destination", dir], ROOT);
        assert.equal(packed.status, 0, packed.stderr);
        const tarball = path.join(dir, packed.stdout.trim().split("\n").pop()!);
        for (const file of fs.readdirSync(PROJECT)) {
            fs.copyFileSync(path.join(PROJECT, file), path.join(dir, file));
        }
        const manifest = {
            name: "euc-consumer",
            main: "index.ts",
            devDependencies: { "@types/node": pinned("@types/node"), typescript: pinned("typescript"), "@pulumi/policy": pinned("@pulumi/policy") },
            dependencies: { "@pulumi/pulumi": pinned("@pulumi/pulumi"), "@pulumi/aws": pinned("@pulumi/aws"), "pulumi-aws-euc": `file:${tarball}` },
        };
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
        const installed = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], dir);
        assert.equal(installed.status, 0, installed.stderr);
    });

    after(() => {
        if (dir) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("type-checks every README snippet and the program with the template's tsconfig", () => {
        const snippets = readmeSnippets();
        assert.ok(snippets.length >= 4, `expected the CloudFront, AppStream, WorkSpaces and policy snippets, found ${snippets.length}`);
        const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8"));
        const typecheck = (name: string, files: string[], extra: Record<string, unknown> = {}) => {
            const config = `tsconfig.${name}.json`;
            fs.writeFileSync(path.join(dir, config), JSON.stringify({ ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, ...extra }, files }));
            const checked = run(process.execPath, [path.join(dir, "node_modules/typescript/bin/tsc"), "--noEmit", "--pretty", "false", "-p", config], dir);
            assert.equal(checked.status, 0, `${name}: ${checked.stdout}${checked.stderr}`);
        };
        const files = snippets.map((code, i) => {
            const file = `snippet-${i + 1}.ts`;
            fs.writeFileSync(path.join(dir, file), code);
            return { file, pack: code.includes('from "@pulumi/policy"') };
        });
        const programs = ["index.ts", ...files.filter((f) => !f.pack).map((f) => f.file)];
        typecheck("programs", programs);
        // The entry points resolve under the other module resolutions too (`exports` and `typesVersions`).
        typecheck("node16", programs, { module: "node16", moduleResolution: "node16" });
        typecheck("bundler", programs, { module: "esnext", moduleResolution: "bundler" });
        // A policy pack is its own project; @pulumi/policy 1.21.0 ships an empty proxy.d.ts that its
        // index.d.ts re-exports from, so a pack needs skipLibCheck (the README says so).
        const packs = files.filter((f) => f.pack).map((f) => f.file);
        typecheck("pack", packs, { skipLibCheck: true });
        typecheck("pack-node16", packs, { skipLibCheck: true, module: "node16", moduleResolution: "node16" });
        assert.ok(files.some((f) => f.pack), "the policy library snippet is checked too");
    });

    it("`npx aws-euc plan .` plans the three services, WorkSpaces user provisioning included", () => {
        const planned = run("npx", ["--no-install", "aws-euc", "plan", ".", "--json"], dir);
        assert.equal(planned.status, 0, planned.stderr);
        const plan = JSON.parse(planned.stdout);
        const types = new Set(plan.resources.map((r: { type: string }) => r.type));
        for (const type of ["aws:cloudfront/distribution:Distribution", "aws:appstream/imageBuilder:ImageBuilder", "aws:workspaces/workspace:Workspace", "pulumi-nodejs:dynamic:Resource"]) {
            assert.ok(types.has(type), `${type} missing from the plan`);
        }
        // The dynamic provider is the installed package's module, not a serialized closure, and the
        // host's way of loading it (from a string, in the program's folder) finds the real provider.
        const user = plan.resources.find((r: { type: string }) => r.type === "pulumi-nodejs:dynamic:Resource");
        assert.match(user.inputs.__provider, /load\("pulumi-aws-euc\/providers\/directory-user"\)\["DIRECTORY_USER_PROVIDER"\]/);
        const provider = hostLoad(user.inputs.__provider, dir, dir) as { create?: unknown; constructor: { name: string } };
        assert.equal(typeof provider.create, "function");
        assert.equal(provider.constructor.name, "DirectoryUserProvider");
        assert.equal(plan.outputs.url, "https://example.com");
    });

    it("`npx aws-euc check . --format sarif` writes valid SARIF 2.1.0 and exits 0 for the secure program", () => {
        const checked = run("npx", ["--no-install", "aws-euc", "check", ".", "--format", "sarif", "--output", "secure.sarif"], dir);
        assert.equal(checked.status, 0, checked.stdout + checked.stderr);
        const sarif = JSON.parse(fs.readFileSync(path.join(dir, "secure.sarif"), "utf8"));
        assert.equal(sarifErrors(sarif), "");
        assert.ok(sarif.runs[0].tool.driver.rules.length >= 45);
        assert.ok(sarif.runs[0].results.every((r: { level: string }) => r.level !== "error"));
    });

    it("exits 1 for the insecure variant, the violation located at the program's line", () => {
        const checked = run("npx", ["--no-install", "aws-euc", "check", ".", "--config", "insecure=true", "--format", "sarif", "--output", "insecure.sarif"], dir);
        assert.equal(checked.status, 1, checked.stdout + checked.stderr);
        const sarif = JSON.parse(fs.readFileSync(path.join(dir, "insecure.sarif"), "utf8"));
        assert.equal(sarifErrors(sarif), "");
        const https = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "cloudfront-viewer-https");
        assert.equal(https.level, "error");
        assert.deepEqual(https.locations[0].physicalLocation.artifactLocation, { uri: "index.ts" });
        assert.equal(https.locations[0].physicalLocation.region.startLine, 10);
    });
});
