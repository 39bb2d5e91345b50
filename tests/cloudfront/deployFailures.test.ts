import * as assert from "node:assert/strict";
import { cloudfront } from "../../components";
import { CACHE_POLICY, CERTIFICATE, errorOf, HEADERS_POLICY, MINIMAL, plan, SITE_BUCKET, startEngine, WEB_ACL } from "./fixtures";

const HEADER = "aws-euc:cloudfront:Distribution 'cdn' has invalid arguments:\n";
const ZONE = { hostedZone: { name: "example.com" } };

function rejects(args: Partial<cloudfront.DistributionArgs>, ...lines: string[]): void {
    assert.equal(errorOf(args), HEADER + lines.map((l) => `  - ${l}`).join("\n"));
}

describe("cloudfront.Distribution arguments that AWS would refuse at deploy time", () => {
    it("names WAF and policies without dots, so a component named after a domain deploys (1)", async () => {
        // The mock cloud refuses names with '.', so this plan settling is the proof.
        const { engine } = await plan(
            {
                ...MINIMAL,
                behaviors: [{ pathPattern: "*.jpg", cachePolicy: { custom: { defaultTtl: 60 } } }],
            },
            "www.example.com",
        );
        assert.deepEqual(engine.ofType(WEB_ACL).map((r) => r.name), ["www-example-com-waf"]);
        assert.deepEqual(engine.ofType(CACHE_POLICY).map((r) => r.name), ["www-example-com-cache-wildcard-jpg"]);
        assert.equal(engine.ofType(HEADERS_POLICY).length, 1);
    });

    it("cuts a cache policy comment to CloudFront's 128 characters (1)", async () => {
        const pattern = `/${"a".repeat(200)}/*`;
        const { engine } = await plan({ ...MINIMAL, behaviors: [{ pathPattern: pattern, cachePolicy: { custom: { defaultTtl: 60 } } }] });
        const comment: string = engine.ofType(CACHE_POLICY)[0].inputs.comment;
        assert.equal(comment.length, 128);
        assert.equal(comment, `cdn: /${"a".repeat(121)}…`);
    });

    it("reports path patterns whose AWS-safe policy names would collide (1)", () =>
        rejects(
            { behaviors: [{ pathPattern: "*.jpg", cachePolicy: { custom: {} } }, { pathPattern: "wildcard-jpg", cachePolicy: { custom: {} } }] },
            "behaviors[1].pathPattern: 'wildcard-jpg' names its cache policy like behavior '*.jpg' (key 'wildcard-jpg'); change one of the patterns or reuse a policy by { id }",
        ));

    it("refuses more aliases than ACM's 10 names per certificate, unless the quota is raised (2)", async () => {
        const aliases = Array.from({ length: 11 }, (_, i) => `s${i}.example.com`);
        rejects(
            { ...ZONE, aliases },
            'aliases: has 11 names, all on the created certificate; ACM allows 10 per certificate in this account: raise the quota "Domain names per ACM certificate" and set `certificateMaxNames`, use fewer names (a wildcard), or pass `certificateArn`',
        );
        startEngine();
        assert.doesNotThrow(() => new cloudfront.Distribution("cdn", { ...MINIMAL, ...ZONE, aliases, certificateMaxNames: 11 }));
        startEngine();
        assert.doesNotThrow(() => new cloudfront.Distribution("cdn", { ...MINIMAL, aliases, certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x" }));
        rejects({ ...ZONE, aliases: ["www.example.com"], certificateMaxNames: 101 }, "certificateMaxNames: 101 is out of range; use an integer from 1 to 100 names");
    });

    it("takes the first alias of at most 64 characters as the certificate's common name (2)", async () => {
        const long = `${"a".repeat(60)}.example.com`;
        const { engine } = await plan({ ...MINIMAL, ...ZONE, aliases: [long, "www.example.com"] });
        const cert = engine.get("cdn-certificate-certificate", CERTIFICATE);
        assert.deepEqual([cert.inputs.domainName, cert.inputs.subjectAlternativeNames], ["www.example.com", [long]]);
        rejects({ ...ZONE, aliases: [long] }, "aliases: every alias is longer than 64 characters, and a certificate's common name takes at most 64; add a shorter name or pass `certificateArn`");
    });

    it("refuses a CloudFront Function and a Lambda@Edge on the same viewer event (3)", () =>
        rejects(
            {
                defaultBehavior: {
                    functions: [{ eventType: "viewer-request", functionArn: "arn:aws:cloudfront::123456789012:function/f" }],
                    edgeLambdas: [
                        { eventType: "viewer-request", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:l:1" },
                        { eventType: "origin-request", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:l:1" },
                    ],
                },
            },
            "defaultBehavior.edgeLambdas[0].eventType: 'viewer-request' already runs a CloudFront Function (`functions`); CloudFront takes a Function or a Lambda@Edge per viewer event, not both",
        ));

    it("shares one security-headers policy among the distributions of a stack (4)", async () => {
        const engine = startEngine();
        const light: cloudfront.DistributionArgs = { ...MINIMAL, waf: false, logging: false };
        // 21 distributions would need 21 policies, one more than an account holds; the mock cloud counts them.
        for (let i = 1; i <= 21; i++) {
            new cloudfront.Distribution(`cdn${i}`, light);
        }
        await engine.settle();
        const [policy] = engine.ofType(HEADERS_POLICY);
        assert.equal(engine.ofType(HEADERS_POLICY).length, 1);
        assert.equal(policy.parent, engine.get("cdn1", cloudfront.DISTRIBUTION_TYPE).urn);
        const used = new Set(engine.ofType("aws:cloudfront/distribution:Distribution").map((d) => d.inputs.defaultCacheBehavior.responseHeadersPolicyId));
        assert.deepEqual([...used], [policy.id]);
    });

    it("creates a second policy only for different settings, and none for 'managed' (4)", async () => {
        const engine = startEngine();
        new cloudfront.Distribution("a", { ...MINIMAL, waf: false, logging: false });
        new cloudfront.Distribution("b", { ...MINIMAL, waf: false, logging: false, securityHeaders: { frameOption: "SAMEORIGIN" } });
        new cloudfront.Distribution("c", { ...MINIMAL, waf: false, logging: false, securityHeaders: "managed" });
        await engine.settle();
        assert.equal(engine.ofType(HEADERS_POLICY).length, 2);
        assert.equal(engine.get("c-distribution").inputs.defaultCacheBehavior.responseHeadersPolicyId, cloudfront.MANAGED_RESPONSE_HEADERS_POLICIES.SecurityHeadersPolicy);
    });

    it("shares the media-streaming policies among streaming distributions of a stack (4)", async () => {
        const engine = startEngine();
        for (const name of ["tv1", "tv2", "tv3"]) {
            new cloudfront.Distribution(name, { origins: { media: { s3: { bucket: SITE_BUCKET } } }, mediaStreaming: { origin: "media" }, waf: false, logging: false });
        }
        await engine.settle();
        assert.equal(engine.ofType(CACHE_POLICY).length, 2);
        assert.equal(engine.ofType(HEADERS_POLICY).length, 2, "the site's security headers and the media CORS headers");
    });

    it("refuses the ATP and ACFP rule groups without their configuration, and forwards it when given (5)", async () => {
        rejects(
            { waf: { managedRuleGroups: ["AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesATPRuleSet", { name: "AWSManagedRulesACFPRuleSet" }] } },
            "waf.managedRuleGroups[1]: 'AWSManagedRulesATPRuleSet' needs its configuration (the application's login or registration paths and fields): use { name: 'AWSManagedRulesATPRuleSet', managedRuleGroupConfigs: [{ awsManagedRulesAtpRuleSet: { … } }] }",
            "waf.managedRuleGroups[2].name: 'AWSManagedRulesACFPRuleSet' needs its configuration (the application's login or registration paths and fields): use { name: 'AWSManagedRulesACFPRuleSet', managedRuleGroupConfigs: [{ awsManagedRulesAcfpRuleSet: { … } }] }",
        );
        const configs = [{ awsManagedRulesAtpRuleSet: { loginPath: "/login" } }];
        const { engine } = await plan({ ...MINIMAL, waf: { managedRuleGroups: ["AWSManagedRulesKnownBadInputsRuleSet", { name: "AWSManagedRulesATPRuleSet", managedRuleGroupConfigs: configs }] } });
        assert.deepEqual(engine.inputsOf("cdn-waf").rules[1].statement.managedRuleGroupStatement, { vendorName: "AWS", name: "AWSManagedRulesATPRuleSet", managedRuleGroupConfigs: configs });
    });

    it("refuses empty query-string and cookie allow lists (6)", () =>
        rejects(
            { defaultBehavior: { cachePolicy: { custom: { queryStrings: [], cookies: [], headers: [] } } } },
            "defaultBehavior.cachePolicy.custom.queryStrings: [] is an empty allow list, which CloudFront refuses; use 'none' to leave them out of the cache key, or list names",
            "defaultBehavior.cachePolicy.custom.cookies: [] is an empty allow list, which CloudFront refuses; use 'none' to leave them out of the cache key, or list names",
        ));
});
