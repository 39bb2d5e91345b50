import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { policyTable } from "../../plan/policyTable";
import { ALL_POLICIES, awsEucPolicies, POLICY_NAMES } from "../../policies/library";

const SERVICES = ["cloudfront", "waf", "acm", "route53", "s3", "iam", "kms", "workspaces", "directoryservice", "appstream"];

describe("policy library (pulumi-aws-euc/policies)", () => {
    it("names every policy in kebab case, prefixed by its service, once", () => {
        assert.equal(new Set(POLICY_NAMES).size, POLICY_NAMES.length);
        for (const name of POLICY_NAMES) {
            assert.match(name, /^[a-z0-9]+(-[a-z0-9]+)+$/, name);
            assert.ok(SERVICES.includes(name.split("-")[0]), name);
        }
        assert.equal(POLICY_NAMES.length, 64);
    });

    it("documents every policy: description with its control ids, severity, tags, remediation steps, url, level", () => {
        for (const policy of ALL_POLICIES) {
            assert.ok(policy.description.length > 20, policy.name);
            assert.ok(["low", "medium", "high", "critical"].includes(policy.severity!), policy.name);
            assert.ok(policy.remediationSteps && policy.remediationSteps.length > 10, policy.name);
            assert.match(policy.url!, /^https:\/\//, policy.name);
            assert.ok(["advisory", "mandatory", "disabled"].includes(policy.enforcementLevel!), policy.name);
            const controls = policy.tags!.filter((t) => /^(securityhub|checkov|prowler):/.test(t));
            for (const control of controls) {
                assert.ok(policy.description.includes(control.split(":")[1]), `${policy.name} describes ${control}`);
            }
            if (controls.some((t) => t.startsWith("securityhub:"))) {
                assert.equal(policy.framework?.name, "AWS Foundational Security Best Practices", policy.name);
            }
        }
    });

    it("gives every threshold or allow-list policy a config schema with defaults", () => {
        const configurable = ALL_POLICIES.filter((p) => p.configSchema).map((p) => p.name).sort();
        assert.deepEqual(configurable, [
            "appstream-session-timeouts",
            "appstream-stack-clipboard",
            "appstream-stack-file-download",
            "cloudfront-hsts",
            "cloudfront-minimum-tls",
            "cloudfront-required-tags",
            "kms-deletion-window",
            "s3-log-bucket-retained",
            "workspaces-device-types",
            "workspaces-self-service-permissions",
        ]);
        for (const policy of ALL_POLICIES.filter((p) => p.configSchema)) {
            for (const [key, schema] of Object.entries(policy.configSchema!.properties)) {
                assert.notEqual((schema as { default?: unknown }).default, undefined, `${policy.name}.${key} has a default`);
            }
        }
    });

    it("returns the policies with levels chosen per policy and an `all` default", () => {
        const levels = (policies: ReturnType<typeof awsEucPolicies>) => Object.fromEntries(policies.map((p) => [p.name, p.enforcementLevel]));
        const defaults = levels(awsEucPolicies());
        assert.equal(defaults["cloudfront-viewer-https"], "mandatory");
        assert.equal(defaults["cloudfront-origin-failover"], "advisory");
        assert.equal(defaults["cloudfront-required-tags"], "disabled");
        const chosen = levels(awsEucPolicies({ all: "advisory", "cloudfront-waf-attached": "mandatory" }));
        assert.deepEqual([...new Set(Object.entries(chosen).filter(([n]) => n !== "cloudfront-waf-attached").map(([, l]) => l))], ["advisory"]);
        assert.equal(chosen["cloudfront-waf-attached"], "mandatory");
    });

    it("rejects an unknown enforcement level, for `all` as for one policy", () => {
        assert.throws(() => awsEucPolicies({ all: "mandtory" as never }), /^Error: unknown enforcement level\(s\) all: "mandtory"; use advisory, mandatory, remediate, disabled$/);
        assert.throws(() => awsEucPolicies({ "cloudfront-hsts": "block" as never }), /cloudfront-hsts: "block"/);
    });

    it("rejects an unknown policy name instead of silently ignoring it", () => {
        assert.throws(() => awsEucPolicies({ "cloudfront-waf": "disabled" }), /^Error: unknown policy name\(s\) 'cloudfront-waf'; known: cloudfront-viewer-https, /);
    });
});

describe("README policy table", () => {
    it("lists every policy exactly as `npm run docs:policies` prints it", () => {
        const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");
        const table = /<!-- policy-table:start[^>]*-->\n([\s\S]*?)\n<!-- policy-table:end -->/.exec(readme)?.[1];
        assert.equal(table, policyTable());
    });
});
