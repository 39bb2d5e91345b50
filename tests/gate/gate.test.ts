import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const PROGRAMS = path.join(__dirname, "programs");

function cli(...args: string[]) {
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "cli/main.ts", ...args], { cwd: ROOT, encoding: "utf8" });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
    resources: { type: string; name: string; inputs: Record<string, any> }[];
    outputs: Record<string, unknown>;
    policies: { violations: { policyName: string; level: string; message: string; urn: string }[] };
}

function checkJson(program: string, ...args: string[]): { status: number | null; report: JsonReport; stderr: string } {
    const result = cli("check", path.join(PROGRAMS, program), "--format", "json", ...args);
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    return { status: result.status, report: JSON.parse(result.stdout), stderr: result.stderr };
}

const resource = (report: JsonReport, type: string, name: string) => report.resources.find((r) => r.type === type && r.name === name)!;

describe("the gate on programs written without these components", () => {
    for (const program of fs.readdirSync(PROGRAMS).filter((name) => fs.existsSync(path.join(PROGRAMS, name, "expected.txt")))) {
        it(`${program}: the pack's verdicts are exactly those of its expectation file`, () => {
            const { report } = checkJson(program);
            const verdicts = [...new Set(report.policies.violations.map((v) => `${v.level} ${v.policyName} ${v.urn.split("::").pop()}`))].sort();
            assert.deepEqual(verdicts, fs.readFileSync(path.join(PROGRAMS, program, "expected.txt"), "utf8").trim().split("\n"));
        });
    }

    it("says which resource types no policy of the shipped pack judges", () => {
        const { report } = checkJson("edge-app");
        assert.deepEqual((report.policies as { uncheckedTypes?: string[] }).uncheckedTypes, [
            "aws:iam/rolePolicy:RolePolicy",
            "aws:lambda/function:Function",
            "aws:lambda/functionUrl:FunctionUrl",
        ]);
    });

    it("static site: explicit us-east-1 provider, template config defaults, the program's own output kept off stdout", () => {
        const { report, stderr } = checkJson("static-site");
        assert.match(stderr, /planning www\.example\.org/, "console.log of the program goes to stderr");
        assert.equal(report.outputs.url, "https://www.example.org", "domain from the template's config default");
        assert.equal(resource(report, "aws:s3/bucket:Bucket", "content").inputs.region, undefined);
        assert.match(String(report.outputs.certificateArn), /^arn:aws:acm:us-east-1:/, "the certificate's explicit provider is in us-east-1");
        const names = report.policies.violations.map((v) => v.policyName);
        assert.ok(!names.includes("acm-cloudfront-certificate-region"), "no false positive on the certificate's region");
        assert.ok(names.includes("cloudfront-s3-origin-access-control"), "a legacy origin access identity is a true weakness");
    });

    it("edge app: a Resource object as an input is sent as the resource's id, as the engine does", () => {
        const result = cli("plan", path.join(PROGRAMS, "edge-app"), "--json");
        assert.equal(result.status, 0, result.stderr);
        const plan = JSON.parse(result.stdout) as JsonReport;
        const policy = plan.resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy")!;
        assert.match(policy.inputs.role, /^server-[0-9a-f]{7}$/, "the role's id (its auto-name), not an object");
        const url = plan.resources.find((r) => r.type === "aws:lambda/functionUrl:FunctionUrl")!;
        assert.equal(url.inputs.authorizationType, "NONE");
        assert.match(String(plan.outputs.functionUrl), /^https:\/\/[a-j]+\.lambda-url\.us-west-2\.on\.aws\/$/);
    });

    it("a value known only after deployment reaches the pack as the engine's unknown: the policy says it cannot run", () => {
        const { status, report } = checkJson("unknown-waf");
        assert.equal(status, 1);
        const waf = report.policies.violations.find((v) => v.policyName === "cloudfront-waf-attached")!;
        assert.equal(waf.level, "advisory");
        assert.match(waf.message, /^can't run policy 'cloudfront-waf-attached' from policy pack 'aws-euc@v[\d.]+' during preview: string value at \.webAclId can't be known during preview$/);
    });

    it("a lookup the mock cloud cannot answer fails in one line naming it; --mocks answers it", () => {
        const failed = cli("plan", path.join(PROGRAMS, "unknown-waf"), "-c", "lookupVpc=true");
        assert.equal(failed.status, 2);
        assert.equal(
            failed.stderr.trim().split("\n").pop(),
            'error: lookup aws:ec2/getVpc:getVpc({"tags":{"Name":"shared"}}): the mock cloud has no answer for it; supply one with --mocks FILE, e.g. {"invokes": {"aws:ec2/getVpc:getVpc": {<result fields>}}}',
        );
        const answered = cli("plan", path.join(PROGRAMS, "unknown-waf"), "-c", "lookupVpc=true", "--mocks", path.join(PROGRAMS, "unknown-waf/mocks.yaml"), "--json");
        assert.equal(answered.status, 0, answered.stderr);
        const group = (JSON.parse(answered.stdout) as JsonReport).resources.find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup")!;
        assert.equal(group.inputs.vpcId, "vpc-0shared0000000000");
    });

    it("junit and markdown reports carry each violation with its level", () => {
        const junit = cli("check", path.join(PROGRAMS, "unknown-waf"), "--format", "junit");
        assert.equal(junit.status, 1);
        assert.match(junit.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="aws-euc policies \(policies\)" tests="\d+" failures="2" errors="0">/);
        assert.match(junit.stdout, /<testsuite name="cloudfront-access-logging" tests="1" failures="1" skipped="0" errors="0">\n {4}<testcase classname="cloudfront-access-logging" name="aws:cloudfront\/distribution:Distribution cdn"><failure message="standard logging is off \(loggingConfig.bucket is empty\) \(index.ts:\d+\)" type="mandatory">/);
        const markdown = cli("check", path.join(PROGRAMS, "unknown-waf"), "--format", "markdown");
        assert.equal(markdown.status, 1);
        assert.match(markdown.stdout, /^### aws-euc policy check — unknown-waf \(dev\): ❌ blocked$/m);
        assert.match(markdown.stdout, /^\| mandatory \| \[`cloudfront-access-logging`\]\(https:[^)]+\) \| `cdn` \(aws:cloudfront\/distribution:Distribution\) \| `index.ts:\d+` \| standard logging is off \(loggingConfig.bucket is empty\) \| CloudFront.5, CKV_AWS_86 \|$/m);
    });

    it("the resource graph in Mermaid and dot: parents solid, dependencies dashed", () => {
        const mermaid = cli("plan", path.join(PROGRAMS, "static-site"), "--graph", "mermaid");
        assert.equal(mermaid.status, 0, mermaid.stderr);
        const lines = mermaid.stdout.trim().split("\n");
        assert.equal(lines[0], "flowchart LR");
        const id = (name: string) => lines.find((l) => l.endsWith(`<br/>${name}"]`) || l.endsWith(`<br/>${name}")`))!.trim().split(/[[(]/)[0];
        assert.ok(lines.includes(`  ${id("static-site-dev")} --> ${id("cdn")}`), "the stack is the distribution's parent");
        assert.ok(lines.includes(`  ${id("validated")} -.-> ${id("certificate")}`), "the validation waits for the certificate");
        const dot = cli("plan", path.join(PROGRAMS, "static-site"), "--graph", "dot");
        assert.match(dot.stdout, /^digraph plan \{\n {2}rankdir=LR;/);
        assert.match(dot.stdout, /-> r\d+ \[style=dashed\];/);
    });
});
