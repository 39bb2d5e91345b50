import * as assert from "node:assert/strict";
import { UNCLAIMED_CONTROLS } from "../../../policies/conformance";
import { ALL_POLICIES, POLICY_NAMES } from "../../../policies/library";
import { Pack } from "../pack";
import { CLOUDFRONT_CONTROLS, DIST, distribution, type ControlCase, type Fixture } from "./fixtures";
import { SERVICE_CONTROLS } from "./serviceFixtures";

const CASES: ControlCase[] = [...CLOUDFRONT_CONTROLS, ...SERVICE_CONTROLS];

/** Control ids a policy claims, from its tags (`securityhub:CloudFront.9`). */
function claimedBy(policy: (typeof ALL_POLICIES)[number]): string[] {
    return (policy.tags ?? []).filter((tag) => /^(securityhub|checkov|prowler):/.test(tag)).map((tag) => tag.slice(tag.indexOf(":") + 1));
}

function claimingPolicy(control: string): string {
    const policies = ALL_POLICIES.filter((p) => claimedBy(p).includes(control)).map((p) => p.name);
    assert.equal(policies.length, 1, `exactly one policy claims ${control}: ${policies.join(", ")}`);
    return policies[0];
}

async function verdictOf(pack: Pack, policy: string, fixture: Fixture): Promise<string[]> {
    const findings = fixture.stack ? await pack.checkStack(fixture.stack, policy) : await pack.check(fixture.type!, fixture.props!, policy);
    return findings.map(([, level, message]) => `${level}: ${message}`);
}

describe("policies decide like the controls they cite", function () {
    let pack: Pack;
    before(async () => {
        pack = await Pack.start();
        // Policies off by default are judged at the level a user would turn them on.
        await pack.configure({ "cloudfront-required-tags": "advisory", "acm-no-wildcard": "advisory" });
    });
    after(() => pack.stop());

    it("has fixtures for every control the pack claims, with at least one pass and one fail each", () => {
        const claimed = [...new Set(ALL_POLICIES.flatMap(claimedBy))].sort();
        assert.deepEqual(CASES.map((c) => c.control).sort(), claimed);
        for (const { control, fixtures, source } of CASES) {
            assert.match(source, /^https:\/\//, control);
            assert.ok(fixtures.some((f) => f.verdict === "pass") && fixtures.some((f) => f.verdict === "fail"), control);
        }
    });

    it("lists as unclaimed only controls the policy does not claim, for policies that exist", () => {
        for (const [name, { controls }] of Object.entries(UNCLAIMED_CONTROLS)) {
            assert.ok(POLICY_NAMES.includes(name), name);
            const policy = ALL_POLICIES.find((p) => p.name === name)!;
            assert.deepEqual(claimedBy(policy).filter((c) => controls.includes(c)), [], name);
        }
    });

    for (const { control, fixtures } of CASES) {
        for (const fixture of fixtures) {
            it(`${control}: ${fixture.condition} → ${fixture.verdict}`, async () => {
                const policy = claimingPolicy(control);
                const findings = await verdictOf(pack, policy, fixture);
                if (fixture.verdict === "pass") {
                    assert.deepEqual(findings, [], `${policy} passes`);
                } else {
                    assert.ok(findings.length > 0, `${policy} fails`);
                    assert.ok(!findings.some((f) => f.includes("can't run")), findings.join("\n"));
                }
            });
        }
    }

    describe("the stricter policies refuse what the control they do not claim accepts", () => {
        const cases: [policy: string, control: string, props: Record<string, any>, message: string][] = [
            [
                "cloudfront-origin-https-only",
                "CloudFront.9",
                distribution((p) => (p.origins[1].customOriginConfig.originProtocolPolicy = "match-viewer")),
                "custom origin 'api' uses originProtocolPolicy 'match-viewer'; use 'https-only'",
            ],
            ["cloudfront-origin-tls", "CloudFront.10", distribution((p) => (p.origins[1].customOriginConfig.originSslProtocols = ["TLSv1", "TLSv1.2"])), "custom origin 'api' offers TLSv1; offer TLSv1.2 only"],
            [
                "cloudfront-s3-origin-access-control",
                "CKV2_AWS_46",
                distribution((p) => (p.origins[0] = { originId: "site", domainName: "site.s3.amazonaws.com", s3OriginConfig: { originAccessIdentity: "origin-access-identity/cloudfront/E2" } })),
                "S3 origin 'site' uses a legacy origin access identity; use an Origin Access Control",
            ],
            ["cloudfront-minimum-tls", "CKV_AWS_174", distribution((p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.2_2018")), 'minimumProtocolVersion "TLSv1.2_2018" is not allowed; use one of TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025'],
        ];
        for (const [policy, control, props, message] of cases) {
            it(`${policy} (not claiming ${control})`, async () => {
                assert.deepEqual(await pack.check(DIST, props, policy), [[policy, "mandatory", message]]);
                assert.equal(UNCLAIMED_CONTROLS[policy].controls.includes(control), true);
            });
        }
    });
});
