import * as assert from "node:assert/strict";
import { cloudfront } from "../../components";
import { unwrap } from "../engine";
import { CERTIFICATE, MINIMAL, plan, RECORD, startEngine, ZONE_ID } from "./fixtures";

const SITE = { ...MINIMAL, aliases: ["example.com", "www.example.com"], hostedZone: { name: "example.com" } };

describe("cloudfront.Distribution with aliases and a hosted zone", () => {
    it("creates a DNS-validated certificate in us-east-1 for all aliases and serves it with SNI and TLSv1.2_2021", async () => {
        const { engine, cdn } = await plan(SITE);
        const cert = engine.get("cdn-certificate-certificate", CERTIFICATE);
        assert.equal(cert.parent, engine.get("cdn-certificate", cloudfront.CERTIFICATE_TYPE).urn);
        assert.deepEqual(
            [cert.inputs.region, cert.inputs.domainName, cert.inputs.subjectAlternativeNames, cert.inputs.validationMethod, cert.inputs.keyAlgorithm],
            ["us-east-1", "example.com", ["www.example.com"], "DNS", "RSA_2048"],
        );
        assert.deepEqual(cert.inputs.options, { certificateTransparencyLoggingPreference: "ENABLED" });
        const validation = engine.get("cdn-certificate-validation", "aws:acm/certificateValidation:CertificateValidation");
        assert.equal(validation.inputs.region, "us-east-1");
        assert.equal(validation.inputs.certificateArn, cert.state.arn);
        assert.deepEqual(validation.options.customTimeouts, { create: "45m", update: undefined, delete: undefined });
        assert.deepEqual(engine.inputsOf("cdn-distribution").viewerCertificate, {
            acmCertificateArn: cert.state.arn,
            sslSupportMethod: "sni-only",
            minimumProtocolVersion: "TLSv1.2_2021",
        });
        assert.equal(await unwrap(cdn.certificateArn), cert.state.arn);
        assert.equal(await unwrap(cdn.url), "https://example.com");
    });

    it("looks the zone up once by name and writes validation records into it", async () => {
        const { engine } = await plan(SITE);
        assert.deepEqual(engine.invokesOf("aws:route53/getZone:getZone").map((i) => i.args), [{ name: "example.com", privateZone: false }]);
        for (const record of engine.ofType(RECORD)) {
            assert.equal(record.inputs.zoneId, ZONE_ID, record.name);
        }
    });

    it("writes one validation record for example.com and *.example.com (de-duplicated) and one for www", async () => {
        const { engine } = await plan({ ...SITE, aliases: ["example.com", "*.example.com", "www.example.com"] });
        const cert = engine.get("cdn-certificate-certificate");
        const records = engine.ofType(RECORD, "cdn-certificate");
        assert.deepEqual(records.map((r) => r.name), ["cdn-certificate-validation-example.com", "cdn-certificate-validation-www.example.com"]);
        const options = cert.state.domainValidationOptions as { domainName: string; resourceRecordName: string; resourceRecordValue: string }[];
        const apex = options.find((o) => o.domainName === "example.com")!;
        assert.deepEqual(
            { name: records[0].inputs.name, type: records[0].inputs.type, records: records[0].inputs.records, ttl: records[0].inputs.ttl },
            { name: apex.resourceRecordName, type: "CNAME", records: [apex.resourceRecordValue], ttl: 60 },
        );
        assert.equal(records[0].inputs.allowOverwrite, true);
        assert.deepEqual(
            engine.get("cdn-certificate-validation", "aws:acm/certificateValidation:CertificateValidation").inputs.validationRecordFqdns,
            records.map((r) => r.state.fqdn),
        );
    });

    it("creates A and AAAA alias records for every alias, pointing at the distribution", async () => {
        const { engine } = await plan(SITE);
        const distribution = engine.get("cdn-distribution").state;
        const aliases = engine.ofType(RECORD, "cdn").map((r) => [r.name, r.inputs.name, r.inputs.type, r.inputs.aliases]);
        const target = [{ name: distribution.domainName, zoneId: "Z2FDTNDATAQYW2", evaluateTargetHealth: false }];
        assert.deepEqual(aliases, [
            ["cdn-alias-example.com-a", "example.com", "A", target],
            ["cdn-alias-example.com-aaaa", "example.com", "AAAA", target],
            ["cdn-alias-www.example.com-a", "www.example.com", "A", target],
            ["cdn-alias-www.example.com-aaaa", "www.example.com", "AAAA", target],
        ]);
    });

    it("creates only A records when IPv6 is off", async () => {
        const { engine } = await plan({ ...SITE, ipv6: false });
        assert.deepEqual(engine.ofType(RECORD, "cdn").map((r) => r.inputs.type), ["A", "A"]);
        assert.equal(engine.inputsOf("cdn-distribution").isIpv6Enabled, false);
    });

    it("keeps the other records' names when an alias is removed", async () => {
        const before = (await plan({ ...SITE, aliases: ["a.example.com", "b.example.com", "c.example.com"] })).engine.ofType(RECORD, "cdn").map((r) => r.name).sort();
        const after = (await plan({ ...SITE, aliases: ["a.example.com", "c.example.com"] })).engine.ofType(RECORD, "cdn").map((r) => r.name).sort();
        assert.deepEqual(after, before.filter((n) => !n.includes("b.example.com")));
    });

    it("uses a zone given by id without a lookup", async () => {
        const { engine } = await plan({ ...SITE, hostedZone: { id: "ZGIVEN", name: "example.com" } });
        assert.deepEqual(engine.invokesOf("aws:route53/getZone:getZone"), []);
        assert.deepEqual([...new Set(engine.ofType(RECORD).map((r) => r.inputs.zoneId))], ["ZGIVEN"]);
    });

    it("uses an existing us-east-1 certificate instead of creating one, and still writes alias records", async () => {
        const arn = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
        const { engine, cdn } = await plan({ ...SITE, certificateArn: arn, minimumProtocolVersion: "TLSv1.3_2025" });
        assert.deepEqual(engine.ofType(CERTIFICATE), []);
        assert.deepEqual(engine.inputsOf("cdn-distribution").viewerCertificate, { acmCertificateArn: arn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.3_2025" });
        assert.equal(engine.ofType(RECORD, "cdn").length, 4);
        assert.equal(await unwrap(cdn.certificateArn), arn);
    });

    it("passes a configurable validation timeout to the CertificateValidation", async () => {
        const { engine } = await plan({ ...SITE, certificateValidationTimeout: "2h" });
        assert.equal(engine.get("cdn-certificate-validation", "aws:acm/certificateValidation:CertificateValidation").options.customTimeouts?.create, "2h");
    });

    it("is also usable on its own as cloudfront.Certificate", async () => {
        const engine = startEngine();
        const cert = new cloudfront.Certificate("api", { domainName: "*.example.com", subjectAlternativeNames: ["example.com"], hostedZoneId: ZONE_ID, keyAlgorithm: "EC_prime256v1" });
        await engine.settle();
        assert.equal(engine.ofType(RECORD, "api").length, 1);
        assert.equal(engine.inputsOf("api-certificate").keyAlgorithm, "EC_prime256v1");
        assert.match(await unwrap(cert.arn), /^arn:aws:acm:us-east-1:/);
    });
});
