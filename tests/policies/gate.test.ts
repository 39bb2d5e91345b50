import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { readPolicyConfig } from "../../plan/policyConfig";
import { Pack } from "./pack";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(__dirname, "fixtures");

function check(...args: string[]) {
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "cli/main.ts", "check", "--policy-pack", "policies", ...args], {
        cwd: ROOT,
        encoding: "utf8",
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Every folder of examples/ with a Pulumi.yaml of a Node.js program (the offline plan runs those;
 * the Python and YAML examples are checked in tests/provider): the secure-by-default test grows with them.
 */
function examples(): string[] {
    const dir = path.join(ROOT, "examples");
    return fs
        .readdirSync(dir)
        .filter((name) => fs.existsSync(path.join(dir, name, "Pulumi.yaml")))
        .filter((name) => /^runtime:\s*(nodejs|\n\s+name:\s*nodejs)/m.test(fs.readFileSync(path.join(dir, name, "Pulumi.yaml"), "utf8")))
        .map((name) => path.join("examples", name));
}

describe("offline policy gate", () => {
    for (const example of examples()) {
        it(`${example} passes the pack with zero mandatory violations`, () => {
            const result = check(example, "--json");
            assert.equal(result.status, 0, result.stdout.slice(-2000) + result.stderr);
            const report = JSON.parse(result.stdout).policies;
            assert.equal(report.mandatory, 0);
            assert.deepEqual(report.violations.filter((v: { level: string }) => v.level === "mandatory"), []);
        });
    }

    it("`npm run check` reports the CloudFront example clean: 0 mandatory, 0 advisory", () => {
        const result = spawnSync("npm", ["run", "check", "--silent", "--", "examples/cloudfront-static-site"], { cwd: ROOT, encoding: "utf8" });
        assert.equal(result.status, 0, result.stderr);
        const [verdict, blank, ...unchecked] = result.stdout.trimEnd().split("\n");
        assert.equal(verdict, "Policies (pack policies): 0 mandatory, 0 advisory violation(s)");
        assert.equal(blank, "");
        // The shipped pack also says what it did not judge, so that a clean report is not read as "all secure".
        assert.match(unchecked.join(" "), /^Not judged by any policy of this pack \(a clean report says nothing about them\): aws:acm:CertificateValidation, .*aws:s3:BucketObjectv2, /);
    });

    it("`npm run check` groups violations by resource with levels and control ids", () => {
        const result = spawnSync("npm", ["run", "check", "--silent", "--", "examples/cloudfront-static-site", "--policy-config", path.join(FIXTURES, "tags.json")], { cwd: ROOT, encoding: "utf8" });
        assert.equal(result.status, 0, result.stderr);
        assert.match(
            result.stdout,
            new RegExp(
                [
                    "^Policies \\(pack policies\\): 0 mandatory, 2 advisory violation\\(s\\)",
                    "",
                    " {2}aws:cloudfront:ResponseHeadersPolicy {2}aws-euc-security-headers-[0-9a-f]{8}",
                    " {4}\\[advisory\\] cloudfront-hsts: Strict-Transport-Security max-age 63072000 is below 94608000 seconds",
                    "",
                    " {2}aws:cloudfront:Distribution {2}site-distribution",
                    " {4}\\[advisory\\] cloudfront-required-tags: missing tag keys: owner {2}\\(Security Hub CloudFront.14\\)",
                    "",
                    "Not judged by any policy of this pack",
                ].join("\n"),
            ),
        );
    });

    it("honours a policy config file and exits 1 on a mandatory violation", () => {
        const result = check("examples/cloudfront-static-site", "--policy-config", path.join(FIXTURES, "strict.json"));
        assert.equal(result.status, 1);
        assert.match(result.stdout, /^Policies \(pack policies\): 1 mandatory, 0 advisory violation\(s\)$/m);
        assert.match(result.stdout, /^ {4}\[mandatory\] cloudfront-hsts: Strict-Transport-Security max-age 63072000 is below 94608000 seconds$/m);
    });

    it("rejects a bad policy config file with every problem named", () => {
        const result = check("examples/cloudfront-static-site", "--policy-config", path.join(FIXTURES, "bad.json"));
        assert.equal(result.status, 2, "a configuration error, not a violation");
        assert.equal(result.stdout, "");
        const lines = result.stderr.trim().split("\n");
        assert.match(lines[0], /^error: policy config .*bad\.json is invalid:$/);
        assert.match(lines[1], /^ {2}- unknown policy 'cloudfront-waf-atached'; known: cloudfront-viewer-https, .*directoryservice-protected$/);
        assert.deepEqual(lines.slice(2), [
            "  - 'cloudfront-hsts' has enforcement level \"block\"; use advisory, mandatory, remediate, disabled",
            "  - 'cloudfront-hsts'.minimumMaxAgeSeconds must be integer",
            "  - 'kms-deletion-window' must NOT have additional properties 'maximumDays'",
            "  - 'kms-deletion-window'.minimumDays must be >= 7",
        ]);
    });

    it("rejects a policy config file that is not JSON", () => {
        assert.throws(() => readPolicyConfig(path.join(FIXTURES, "missing.json"), []), /^Error: policy config .*missing\.json is not readable JSON: ENOENT/);
        assert.throws(() => readPolicyConfig(path.join(ROOT, "README.md"), []), /is not readable JSON: Unexpected token/);
    });

    it("serves the pack over gRPC: GetAnalyzerInfo lists all 64 policies with their levels", async () => {
        const pack = await Pack.start();
        try {
            assert.equal(pack.policies.length, 64);
            assert.deepEqual(
                pack.policies.filter((p) => p.level === "disabled").map((p) => p.name),
                ["cloudfront-required-tags", "acm-no-wildcard", "kms-protected", "workspaces-protected", "directoryservice-protected"],
            );
        } finally {
            pack.stop();
        }
    });
});
