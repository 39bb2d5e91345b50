import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { parsePlanArgs } from "../../plan/args";
import { loadProject } from "../../plan/project";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(__dirname, "fixtures");

function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const plan = (...args: string[]) => run(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "plan/main.ts", ...args]);

describe("offline plan", () => {
    describe("arguments", () => {
        it("reads the folder, stack, repeated --config pairs, a config file and --json", () => {
            assert.deepEqual(parsePlanArgs(["examples/x", "--stack", "prod", "--config", "a=1", "-c", "aws:region=us-west-2", "--config-file", "f.yaml", "--json"]), {
                programDir: "examples/x",
                stack: "prod",
                config: { a: "1", "aws:region": "us-west-2" },
                configFile: "f.yaml",
                json: true,
                policyPack: undefined,
                policyConfig: undefined,
                reportOnly: false,
            });
            assert.deepEqual(parsePlanArgs(["--policy-pack", "policies", "--policy-config", "p.json", "--report-only"]), {
                programDir: ".",
                stack: "dev",
                config: {},
                configFile: undefined,
                json: false,
                policyPack: "policies",
                policyConfig: "p.json",
                reportOnly: true,
            });
        });
        it("rejects a config value without '=' and two folders", () => {
            assert.throws(() => parsePlanArgs(["--config", "novalue"]), /--config "novalue" must be KEY=VALUE/);
            assert.throws(() => parsePlanArgs(["a", "b"]), /expected one program folder, got 2: a b/);
            assert.throws(() => parsePlanArgs(["--policy-config", "p.json"]), /--policy-config needs --policy-pack/);
        });
    });

    describe("project and config", () => {
        it("layers Pulumi.yaml defaults, the stack file and --config, qualifying bare keys with the project", () => {
            const project = loadProject({ programDir: path.join(FIXTURES, "secret-output"), stack: "dev", config: { "aws:region": "ap-south-1" }, json: false, reportOnly: false });
            assert.equal(project.name, "secret-output");
            assert.deepEqual(project.config, { "secret-output:greeting": "hello", "aws:region": "ap-south-1" });
            assert.equal(project.main, path.join(FIXTURES, "secret-output"));
        });
        it("refuses an encrypted value it cannot decrypt, naming the key and the way out", () => {
            assert.throws(
                () => loadProject({ programDir: path.join(FIXTURES, "secret-output"), stack: "ci", config: {}, json: false, reportOnly: false }),
                /config secret-output:token in .*Pulumi\.ci\.yaml is encrypted and the offline plan cannot decrypt it; pass --config secret-output:token=<value>/,
            );
        });
        it("refuses a folder without Pulumi.yaml", () => {
            assert.throws(() => loadProject({ programDir: FIXTURES, stack: "dev", config: {}, json: false, reportOnly: false }), /no Pulumi.yaml in .*fixtures: pass the folder of a Pulumi program/);
        });
    });

    describe("end to end", () => {
        it("`npm start` prints the root example's resource tree and outputs", () => {
            const result = run("npm", ["start", "--silent"]);
            assert.equal(result.status, 0, result.stderr);
            const out = result.stdout;
            assert.match(out, /Offline plan of project cloudfront-static-site, stack dev/);
            assert.match(out, /^ \+ {3}pulumi:pulumi:Stack\s+cloudfront-static-site-dev$/m);
            assert.match(out, /^ \+ {3}├─ aws-euc:cloudfront:Distribution\s+site$/m);
            assert.match(out, /│ {2}├─ aws:acm\/certificate:Certificate\s+site-certificate-certificate\s+domainName=example.com subjectAlternativeNames=\["www.example.com"\] validationMethod=DNS region=us-east-1/);
            assert.match(out, /aws:route53\/record:Record\s+site-alias-www.example.com-aaaa\s+name=www.example.com type=AAAA/);
            assert.match(out, /aws:s3\/bucket:Bucket\s+site-logs\s+\[retained on delete\]/);
            assert.match(out, /^ {4}url: "https:\/\/example.com"$/m);
            assert.match(out, /^ {4}\+ 41 to create$/m);
        });

        it("takes --config values and prints JSON for machines", () => {
            const result = plan(".", "--config", "zoneName=example.org", "--json");
            assert.equal(result.status, 0, result.stderr);
            const json = JSON.parse(result.stdout);
            assert.equal(json.project, "cloudfront-static-site");
            assert.equal(json.outputs.url, "https://example.org");
            const distribution = json.resources.find((r: { type: string }) => r.type === "aws:cloudfront/distribution:Distribution");
            assert.deepEqual(distribution.inputs.aliases, ["example.org", "www.example.org"]);
            assert.equal(json.summary.create, json.resources.length);
        });

        it("runs any program folder with a stack config file, masking secrets", () => {
            const result = plan(path.join(FIXTURES, "secret-output"), "--stack", "ci", "--config", "secret-output:token=x", "--config", "aws:region=ca-central-1");
            assert.equal(result.status, 0, result.stderr);
            assert.match(result.stdout, /^ {4}greeting: "bonjour"$/m);
            assert.match(result.stdout, /^ {4}region: "ca-central-1"$/m);
            assert.match(result.stdout, /^ {4}token: \[secret\]$/m);
            assert.match(result.stdout, /^ {4}parameterVersion: output<unknown>$/m, "an output known only after deployment");
            assert.doesNotMatch(result.stdout, /s3cr3t-value/);
            const json = JSON.parse(plan(path.join(FIXTURES, "secret-output"), "--json").stdout);
            assert.equal(json.resources.find((r: { name: string }) => r.name === "token").inputs.value, "[secret]");
        });

        it("exits non-zero with the program's error message when the program fails", () => {
            const result = plan(path.join(FIXTURES, "bad-alias"));
            assert.equal(result.status, 1);
            assert.equal(result.stdout, "");
            assert.match(
                result.stderr,
                /error: aws-euc:cloudfront:Distribution 'site' has invalid arguments:\n {2}- aliases\[0\]: 'shop.example.org' is not inside hosted zone 'example.com'; use a zone that contains it or remove the alias/,
            );
        });
    });
});
