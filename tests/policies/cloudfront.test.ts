import * as assert from "node:assert/strict";
import { Pack } from "./pack";
import { distribution } from "./conformance/fixtures";

const DIST = "aws:cloudfront/distribution:Distribution";
const HEADERS = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";

/** A distribution that passes every CloudFront policy. */
const secure = (): Record<string, any> => distribution();

function change(edit: (props: Record<string, any>) => void): Record<string, any> {
    const props = secure();
    edit(props);
    return props;
}

describe("policies: CloudFront", function () {
    let pack: Pack;
    before(async () => (pack = await Pack.start()));
    after(() => pack.stop());
    afterEach(() => pack.configure({}));

    it("a secure distribution violates nothing", async () => {
        assert.deepEqual(await pack.check(DIST, secure()), []);
    });

    const cases: [string, (p: Record<string, any>) => void, string, string][] = [
        ["cloudfront-viewer-https", (p) => (p.orderedCacheBehaviors[0].viewerProtocolPolicy = "allow-all"), "mandatory", "behavior '/api/*' allows plain HTTP (viewerProtocolPolicy 'allow-all'); use 'redirect-to-https' or 'https-only'"],
        ["cloudfront-minimum-tls", (p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.1_2016"), "mandatory", 'minimumProtocolVersion "TLSv1.1_2016" is not allowed; use one of TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025'],
        ["cloudfront-custom-certificate", (p) => (p.viewerCertificate = { cloudfrontDefaultCertificate: true }), "mandatory", "aliases www.example.com are served with the default *.cloudfront.net certificate; set viewerCertificate.acmCertificateArn"],
        ["cloudfront-sni", (p) => (p.viewerCertificate.sslSupportMethod = "vip"), "advisory", 'sslSupportMethod is "vip"; use \'sni-only\''],
        ["cloudfront-waf-attached", (p) => delete p.webAclId, "mandatory", "no web ACL is attached (webAclId is empty)"],
        ["cloudfront-access-logging", (p) => delete p.loggingConfig, "mandatory", "standard logging is off (loggingConfig.bucket is empty)"],
        ["cloudfront-s3-origin-access-control", (p) => (p.origins[0] = { originId: "site", domainName: "site.s3.amazonaws.com", s3OriginConfig: { originAccessIdentity: "origin-access-identity/cloudfront/E2" } }), "mandatory", "S3 origin 'site' uses a legacy origin access identity; use an Origin Access Control"],
        ["cloudfront-origin-https-only", (p) => (p.origins[1].customOriginConfig.originProtocolPolicy = "match-viewer"), "mandatory", "custom origin 'api' uses originProtocolPolicy 'match-viewer'; use 'https-only'"],
        ["cloudfront-origin-tls", (p) => (p.origins[1].customOriginConfig.originSslProtocols = ["TLSv1", "TLSv1.2"]), "mandatory", "custom origin 'api' offers TLSv1; offer TLSv1.2 only"],
        ["cloudfront-default-root-object", (p) => delete p.defaultRootObject, "mandatory", "an S3 origin is served without a default root object"],
        ["cloudfront-lambda-url-origin-access-control", (p) => p.origins.push({ originId: "fn", domainName: "abc123.lambda-url.us-east-1.on.aws", customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }), "mandatory", "Lambda function URL origin 'fn' has no Origin Access Control"],
        ["cloudfront-origin-failover", (p) => (p.originGroups = []), "advisory", "no origin group: an origin outage makes the distribution fail"],
        ["cloudfront-geo-restriction", (p) => (p.restrictions.geoRestriction = { restrictionType: "none" }), "advisory", "no geographic restriction"],
        ["cloudfront-response-headers-policy", (p) => delete p.defaultCacheBehavior.responseHeadersPolicyId, "mandatory", "the default behavior has no response headers policy"],
    ];
    for (const [policy, edit, level, message] of cases) {
        it(`${policy} reports a ${level} violation`, async () => {
            assert.deepEqual(await pack.check(DIST, change(edit), policy), [[policy, level, message]]);
        });
    }

    it("cloudfront-s3-origin-access-control also catches an S3 origin with no access control at all, but not a website endpoint", async () => {
        const props = change((p) => delete p.origins[0].originAccessControlId);
        assert.deepEqual(await pack.check(DIST, props, "cloudfront-s3-origin-access-control"), [["cloudfront-s3-origin-access-control", "mandatory", "S3 origin 'site' has no Origin Access Control; the bucket would have to be public"]]);
        const website = change((p) => (p.origins[0] = { originId: "site", domainName: "site.s3-website.eu-west-3.amazonaws.com", customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }));
        assert.deepEqual(await pack.check(DIST, website, "cloudfront-s3-origin-access-control"), []);
    });

    it("the mandatory TLS and SNI checks do not apply to the default *.cloudfront.net certificate; two advisories say it accepts TLSv1", async () => {
        const props = change((p) => {
            p.aliases = [];
            p.viewerCertificate = { cloudfrontDefaultCertificate: true, minimumProtocolVersion: "TLSv1" };
        });
        assert.deepEqual(await pack.check(DIST, props), [
            ["cloudfront-default-certificate", "advisory", "the distribution uses the default *.cloudfront.net certificate"],
            ["cloudfront-viewer-tls12", "advisory", "the default *.cloudfront.net certificate accepts TLSv1 and TLSv1.1; serve your own certificate with 'TLSv1.2_2021' or newer"],
        ]);
    });

    it("cloudfront-hsts checks response headers policies against a configurable minimum", async () => {
        const policy = (age: number) => ({ securityHeadersConfig: { strictTransportSecurity: { accessControlMaxAgeSec: age, includeSubdomains: true, override: true } } });
        assert.deepEqual(await pack.check(HEADERS, policy(63072000), "cloudfront-hsts"), []);
        assert.deepEqual(await pack.check(HEADERS, policy(86400), "cloudfront-hsts"), [["cloudfront-hsts", "mandatory", "Strict-Transport-Security max-age 86400 is below 31536000 seconds"]]);
        assert.deepEqual(await pack.check(HEADERS, { securityHeadersConfig: {} }, "cloudfront-hsts"), [["cloudfront-hsts", "mandatory", "the policy sends no Strict-Transport-Security header"]]);
        await pack.configure({ "cloudfront-hsts": { minimumMaxAgeSeconds: 3600 } });
        assert.deepEqual(await pack.check(HEADERS, policy(86400), "cloudfront-hsts"), []);
    });

    it("cloudfront-minimum-tls takes its allow-list from config", async () => {
        await pack.configure({ "cloudfront-minimum-tls": { allowedVersions: ["TLSv1.3_2025"] } });
        assert.deepEqual(await pack.check(DIST, secure(), "cloudfront-minimum-tls"), [["cloudfront-minimum-tls", "mandatory", 'minimumProtocolVersion "TLSv1.2_2021" is not allowed; use one of TLSv1.3_2025']]);
    });

    it("cloudfront-required-tags is off by default and checks the configured keys when enabled", async () => {
        assert.deepEqual(await pack.check(DIST, secure(), "cloudfront-required-tags"), []);
        await pack.configure({ "cloudfront-required-tags": { enforcementLevel: "mandatory", requiredTags: ["team", "cost-center"] } });
        assert.deepEqual(await pack.check(DIST, secure(), "cloudfront-required-tags"), [["cloudfront-required-tags", "mandatory", "missing tag keys: cost-center"]]);
    });

    it("remediates viewer HTTPS, minimum TLS and origin TLS (at level remediate) without touching anything else", async () => {
        await pack.configure({ "cloudfront-viewer-https": "remediate", "cloudfront-minimum-tls": "remediate", "cloudfront-origin-tls": "remediate" });
        const http = await pack.remediate(DIST, change((p) => (p.defaultCacheBehavior.viewerProtocolPolicy = "allow-all")), "cloudfront-viewer-https");
        assert.deepEqual(http, secure());
        const tls = await pack.remediate(DIST, change((p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1")), "cloudfront-minimum-tls");
        assert.deepEqual(tls, secure());
        const origin = await pack.remediate(DIST, change((p) => (p.origins[1].customOriginConfig.originSslProtocols = ["SSLv3", "TLSv1.2"])), "cloudfront-origin-tls");
        assert.deepEqual(origin, secure());
        assert.equal(await pack.remediate(DIST, secure(), "cloudfront-viewer-https"), undefined);
    });

    it("does not fail mandatory on values unknown during preview", async () => {
        const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        const findings = await pack.check(DIST, change((p) => (p.webAclId = unknown)), "cloudfront-waf-attached");
        assert.deepEqual(findings.map(([policy, level]) => [policy, level]), [["cloudfront-waf-attached", "advisory"]]);
        assert.match(findings[0][2], /can't run policy 'cloudfront-waf-attached' .* during preview: string value at .webAclId can't be known during preview/);
    });
});
