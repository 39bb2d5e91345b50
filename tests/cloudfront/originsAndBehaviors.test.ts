import * as assert from "node:assert/strict";
import { cloudfront } from "../../components";
import { unwrap } from "../engine";
import { BUCKET_POLICY, CACHE_POLICY, HEADERS_POLICY, plan, SITE_BUCKET } from "./fixtures";

const MINIMAL_S3: cloudfront.DistributionArgs = { origins: { site: { s3: { bucket: SITE_BUCKET } } } };

const TWO_ORIGINS: cloudfront.DistributionArgs = {
    origins: {
        site: { s3: { bucket: SITE_BUCKET } },
        api: {
            http: { domainName: "api.example.net", readTimeout: 45, keepaliveTimeout: 10 },
            customHeaders: { "X-Origin-Verify": "s3cr3t" },
            originPath: "/v1",
            connectionAttempts: 2,
            connectionTimeout: 5,
        },
        backup: { http: { domainName: "backup.example.net" } },
    },
    originGroups: { "api-failover": { primary: "api", secondary: "backup", failoverStatusCodes: [500, 503] } },
    defaultBehavior: { origin: "site" },
};

describe("cloudfront.Distribution origins and behaviors", () => {
    it("configures custom origins https-only with TLSv1.2, timeouts, path and custom headers", async () => {
        const { engine } = await plan(TWO_ORIGINS);
        const origins = engine.inputsOf("cdn-distribution").origins;
        assert.deepEqual(origins.find((o: any) => o.originId === "api"), {
            originId: "api",
            domainName: "api.example.net",
            originPath: "/v1",
            connectionAttempts: 2,
            connectionTimeout: 5,
            customHeaders: [{ name: "X-Origin-Verify", value: "s3cr3t" }],
            customOriginConfig: {
                originProtocolPolicy: "https-only",
                httpsPort: 443,
                httpPort: 80,
                originSslProtocols: ["TLSv1.2"],
                originReadTimeout: 45,
                originKeepaliveTimeout: 10,
            },
        });
        assert.equal(origins.find((o: any) => o.originId === "backup").customOriginConfig.originReadTimeout, 30);
    });

    it("creates origin groups with failover status codes, and one bucket policy per S3 origin only", async () => {
        const { engine } = await plan(TWO_ORIGINS);
        assert.deepEqual(engine.inputsOf("cdn-distribution").originGroups, [
            { originId: "api-failover", failoverCriteria: { statusCodes: [500, 503] }, members: [{ originId: "api" }, { originId: "backup" }] },
        ]);
        assert.deepEqual(engine.ofType(BUCKET_POLICY, "cdn").map((r) => r.name).sort(), ["cdn-logs-policy", "cdn-site-bucket-policy"]);
    });

    it("skips the bucket policy when createBucketPolicy is false", async () => {
        const { engine } = await plan({ origins: { site: { s3: { bucket: SITE_BUCKET, createBucketPolicy: false } } } });
        assert.deepEqual(engine.ofType(BUCKET_POLICY, "cdn").map((r) => r.name), ["cdn-logs-policy"]);
    });

    it("orders path behaviors as given, with managed policies by name and custom ones created", async () => {
        const { engine, cdn } = await plan({
            ...TWO_ORIGINS,
            behaviors: [
                {
                    pathPattern: "/api/*",
                    origin: "api",
                    allowedMethods: "ALL",
                    cachePolicy: "CachingDisabled",
                    originRequestPolicy: "AllViewerExceptHostHeader",
                    responseHeadersPolicy: "CORS-and-SecurityHeadersPolicy",
                    compress: false,
                },
                {
                    pathPattern: "*.css",
                    origin: "site",
                    cachePolicy: { custom: { minTtl: 60, defaultTtl: 3600, maxTtl: 86400, queryStrings: ["v"] } },
                    functions: [{ eventType: "viewer-request", functionArn: "arn:aws:cloudfront::123456789012:function/rewrite" }],
                    edgeLambdas: [{ eventType: "origin-request", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:edge:3", includeBody: true }],
                },
            ],
        });
        const ordered = engine.inputsOf("cdn-distribution").orderedCacheBehaviors;
        assert.deepEqual(ordered.map((b: any) => b.pathPattern), ["/api/*", "*.css"]);
        assert.deepEqual(
            [ordered[0].targetOriginId, ordered[0].allowedMethods, ordered[0].cachePolicyId, ordered[0].originRequestPolicyId, ordered[0].responseHeadersPolicyId, ordered[0].compress],
            [
                "api",
                ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
                "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                "e61eb60c-9c35-4d20-a928-2b84e02af89c",
                false,
            ],
        );
        // The policy's name carries no '.': AWS takes letters, digits, '-' and '_' only.
        const custom = engine.get("cdn-cache-wildcard-css", CACHE_POLICY);
        assert.equal(ordered[1].cachePolicyId, custom.id);
        assert.deepEqual([custom.inputs.minTtl, custom.inputs.defaultTtl, custom.inputs.maxTtl], [60, 3600, 86400]);
        assert.deepEqual(custom.inputs.parametersInCacheKeyAndForwardedToOrigin.queryStringsConfig, { queryStringBehavior: "whitelist", queryStrings: { items: ["v"] } });
        assert.deepEqual(ordered[1].functionAssociations, [{ eventType: "viewer-request", functionArn: "arn:aws:cloudfront::123456789012:function/rewrite" }]);
        assert.deepEqual(ordered[1].lambdaFunctionAssociations, [{ eventType: "origin-request", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:edge:3", includeBody: true }]);
        assert.equal(ordered[1].responseHeadersPolicyId, engine.ofType(HEADERS_POLICY)[0].id);
        assert.equal(await unwrap(cdn.cachePolicies["wildcard.css"].id), custom.id);
    });

    it("sets the default root object only when an origin is S3 (unless given)", async () => {
        const http = await plan({ origins: { api: { http: { domainName: "api.example.net" } } } });
        assert.equal(http.engine.inputsOf("cdn-distribution").defaultRootObject, undefined);
        assert.equal(http.engine.ofType("aws:cloudfront/originAccessControl:OriginAccessControl").length, 0);
        const given = await plan({ origins: { site: { s3: { bucket: SITE_BUCKET } } }, defaultRootObject: "home.html" });
        assert.equal(given.engine.inputsOf("cdn-distribution").defaultRootObject, "home.html");
    });

    it("passes geo restriction, price class, HTTP version and custom error responses", async () => {
        const { engine } = await plan({
            origins: { site: { s3: { bucket: SITE_BUCKET } } },
            geoRestriction: { type: "allowlist", countries: ["FR", "BE"] },
            priceClass: "PriceClass_100",
            httpVersion: "http2",
            errorResponses: [{ errorCode: 404, responseCode: 200, responsePagePath: "/index.html", cachingMinTtl: 0 }, { errorCode: 503 }],
        });
        const inputs = engine.inputsOf("cdn-distribution");
        assert.deepEqual(inputs.restrictions, { geoRestriction: { restrictionType: "whitelist", locations: ["FR", "BE"] } });
        assert.equal(inputs.priceClass, "PriceClass_100");
        assert.equal(inputs.httpVersion, "http2");
        assert.deepEqual(inputs.customErrorResponses, [
            { errorCode: 404, responseCode: 200, responsePagePath: "/index.html", errorCachingMinTtl: 0 },
            { errorCode: 503, errorCachingMinTtl: 10 },
        ]);
        const deny = await plan({ ...MINIMAL_S3, geoRestriction: { type: "denylist", countries: ["KP"] } });
        assert.deepEqual(deny.engine.inputsOf("cdn-distribution").restrictions, { geoRestriction: { restrictionType: "blacklist", locations: ["KP"] } });
    });
});
