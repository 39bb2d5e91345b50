import * as assert from "node:assert/strict";
import { cloudfront } from "../../components";
import { CACHE_POLICY, errorOf, HEADERS_POLICY, plan, SITE_BUCKET } from "./fixtures";

describe("cloudfront.Distribution media streaming (the RTMP replacement)", () => {
    it("refuses the seed's RTMP distribution type, pointing at the media-streaming preset", () => {
        assert.equal(
            errorOf({ distributionType: "rtmp" }),
            "aws-euc:cloudfront:Distribution 'cdn' has invalid arguments:\n" +
                "  - distributionType: 'rtmp' is not available: AWS discontinued RTMP distributions on 2020-12-31. " +
                "Deliver media over HTTPS instead with `mediaStreaming` (HLS/DASH behaviors: short-TTL manifests, " +
                "long-TTL segments, CORS) on a 'web' distribution",
        );
    });

    it("adds manifest (short TTL) and segment (long TTL) behaviors with CORS, sharing two cache policies", async () => {
        const { engine } = await plan({
            origins: { media: { s3: { bucket: SITE_BUCKET } } },
            mediaStreaming: { origin: "media", manifestTtl: 5, corsAllowOrigins: ["https://player.example.com"] },
        });
        const [manifests, segments] = ["manifests", "segments"].map((kind) => engine.ofType(CACHE_POLICY).find((p) => p.name.startsWith(`aws-euc-media-${kind}-`))!);
        assert.deepEqual([manifests.inputs.minTtl, manifests.inputs.defaultTtl, manifests.inputs.maxTtl], [0, 5, 5]);
        assert.deepEqual([segments.inputs.defaultTtl, segments.inputs.maxTtl], [86400, 31536000]);
        const headers = engine.ofType(HEADERS_POLICY).find((p) => p.name.startsWith("aws-euc-media-headers-"))!;
        assert.deepEqual(headers.inputs.corsConfig.accessControlAllowOrigins, { items: ["https://player.example.com"] });
        assert.deepEqual(headers.inputs.corsConfig.accessControlAllowMethods, { items: ["GET", "HEAD", "OPTIONS"] });
        assert.equal(headers.inputs.securityHeadersConfig.strictTransportSecurity.accessControlMaxAgeSec, 63072000);

        const behaviors = engine.inputsOf("cdn-distribution").orderedCacheBehaviors;
        assert.deepEqual(behaviors.map((b: any) => b.pathPattern), [...cloudfront.MEDIA_PATH_PATTERNS]);
        assert.deepEqual(
            behaviors.map((b: any) => [b.pathPattern, b.cachePolicyId === manifests.id ? "manifest" : b.cachePolicyId === segments.id ? "segment" : "?"]),
            [["*.m3u8", "manifest"], ["*.mpd", "manifest"], ["*.ts", "segment"], ["*.m4s", "segment"], ["*.mp4", "segment"], ["*.vtt", "segment"]],
        );
        for (const b of behaviors) {
            assert.equal(b.responseHeadersPolicyId, headers.id);
            assert.equal(b.originRequestPolicyId, cloudfront.MANAGED_ORIGIN_REQUEST_POLICIES["CORS-S3Origin"]);
            assert.deepEqual(b.cachedMethods, ["GET", "HEAD", "OPTIONS"]);
            assert.equal(b.viewerProtocolPolicy, "redirect-to-https");
        }
        assert.equal(engine.ofType(CACHE_POLICY).length, 2);
    });

    it("forwards CORS headers to a custom media origin with the CORS-CustomOrigin policy", async () => {
        const { engine } = await plan({ origins: { media: { http: { domainName: "media.example.net" } } }, mediaStreaming: { origin: "media" } });
        const behaviors = engine.inputsOf("cdn-distribution").orderedCacheBehaviors;
        assert.equal(behaviors[0].originRequestPolicyId, cloudfront.MANAGED_ORIGIN_REQUEST_POLICIES["CORS-CustomOrigin"]);
    });
});
