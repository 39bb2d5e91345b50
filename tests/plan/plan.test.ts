import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { parseCommand, UsageError } from "../../cli/args";
import { loadProject } from "../../plan/project";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(__dirname, "fixtures");

function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cli = (...args: string[]) => run(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "cli/main.ts", ...args]);
const plan = (...args: string[]) => cli("plan", ...args);

describe("offline plan", () => {
    describe("arguments", () => {
        it("reads the command, folder, stack, repeated --config pairs, a config file, mocks and the format", () => {
            assert.deepEqual(parseCommand(["plan", "examples/x", "--stack", "prod", "--config", "a=1", "-c", "aws:region=us-west-2", "--config-file", "f.yaml", "--mocks", "m.yaml", "--json"]), {
                command: "plan",
                plan: { programDir: "examples/x", stack: "prod", config: { a: "1", "aws:region": "us-west-2" }, configFile: "f.yaml", mocksFile: "m.yaml" },
                format: "json",
                graph: undefined,
                output: undefined,
            });
            assert.deepEqual(parseCommand(["check", "--policy-pack", "policies", "--policy-config", "p.json", "--format", "sarif", "--output", "r.sarif"]), {
                command: "check",
                plan: { programDir: ".", stack: "dev", config: {}, configFile: undefined, mocksFile: undefined },
                format: "sarif",
                output: "r.sarif",
                policyPack: "policies",
                policyConfig: "p.json",
                showPlan: false,
            });
            assert.deepEqual(parseCommand(["--help"]), { command: "help" });
            assert.deepEqual(parseCommand(["verify", "https://example.com"]), { command: "verify", argv: ["https://example.com"] });
        });
        it("rejects what it cannot run, naming the argument and what is allowed", () => {
            assert.throws(() => parseCommand(["plan", "--config", "novalue"]), /--config "novalue" must be KEY=VALUE/);
            assert.throws(() => parseCommand(["plan", "a", "b"]), /expected one program folder, got 2: a b/);
            assert.throws(() => parseCommand(["plan", "--format", "sarif"]), /--format "sarif" is not one of text, json/);
            assert.throws(() => parseCommand(["check", "--format", "xml"]), /--format "xml" is not one of text, json, sarif, junit, markdown/);
            assert.throws(() => parseCommand(["plan", "--policy-pack", "p"]), /--policy-pack belongs to `aws-euc check`/);
            assert.throws(() => parseCommand(["check", "--graph", "dot"]), /--graph belongs to `aws-euc plan`/);
            assert.throws(() => parseCommand(["plan", "--graph", "svg"]), /--graph "svg" is not one of mermaid, dot/);
            assert.throws(() => parseCommand(["deploy"]), /unknown command "deploy"; expected plan, check, verify or help/);
            assert.throws(() => parseCommand(["plan", "--stak", "x"]), UsageError);
        });
    });

    describe("project and config", () => {
        it("layers Pulumi.yaml defaults, the stack file and --config, qualifying bare keys with the project", () => {
            const project = loadProject({ programDir: path.join(FIXTURES, "secret-output"), stack: "dev", config: { "aws:region": "ap-south-1" } });
            assert.equal(project.name, "secret-output");
            assert.deepEqual(project.config, { "secret-output:greeting": "hello", "aws:region": "ap-south-1" });
            assert.equal(project.main, path.join(FIXTURES, "secret-output"));
        });
        it("refuses an encrypted value it cannot decrypt, naming the key and the way out", () => {
            assert.throws(
                () => loadProject({ programDir: path.join(FIXTURES, "secret-output"), stack: "ci", config: {} }),
                /config secret-output:token in .*Pulumi\.ci\.yaml is encrypted and the offline plan cannot decrypt it; pass --config secret-output:token=<value>/,
            );
        });
        it("refuses a folder without Pulumi.yaml", () => {
            assert.throws(() => loadProject({ programDir: FIXTURES, stack: "dev", config: {} }), /no Pulumi.yaml in .*fixtures: pass the folder of a Pulumi program/);
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
            assert.match(out, /│ {2}├─ aws:acm:Certificate\s+site-certificate-certificate\s+domainName=example.com sub/);
            assert.ok(out.split("\n").every((line) => line.length <= 120), "every line fits 120 columns when not a terminal");
            assert.match(out, /aws:route53:Record\s+site-alias-www.example.com-a\S*\s+name=www.example.com type=/);
            assert.match(out, /aws:s3:Bucket\s+site-logs\s+\[retained on delete\]/);
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

        it("runs the folder named by `main`, not a sibling file of the same name", () => {
            const result = plan(path.join(FIXTURES, "sibling-json"), "--json");
            assert.equal(result.status, 0, result.stderr);
            const json = JSON.parse(result.stdout);
            assert.deepEqual(json.resources.map((r: { type: string }) => r.type), ["pulumi:pulumi:Stack", "aws:sns/topic:Topic"]);
            assert.match(json.outputs.topicName, /^alerts-[0-9a-f]{7}$/);
        });

        it("exits non-zero with the program's error message when the program fails", () => {
            const result = plan(path.join(FIXTURES, "bad-alias"));
            assert.equal(result.status, 2);
            assert.equal(result.stdout, "");
            assert.match(
                result.stderr,
                /error: aws-euc:cloudfront:Distribution 'site' has invalid arguments:\n {2}- aliases\[0\]: 'shop.example.org' is not inside hosted zone 'example.com'; use a zone that contains it or remove the alias/,
            );
        });
    });
});
