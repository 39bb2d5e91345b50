import * as assert from "node:assert/strict";
import { cloudfront } from "../../components";
import { unwrap } from "../engine";
import { CERTIFICATE, errorOf, LOG_GROUP, MINIMAL, plan, RECORD, WAF_LOGGING, WEB_ACL } from "./fixtures";

const HEADER = "aws-euc:cloudfront:Distribution 'cdn' has invalid arguments:\n";
const VALIDATION = "aws:acm/certificateValidation:CertificateValidation";

function rejects(args: Partial<cloudfront.DistributionArgs>, ...lines: string[]): void {
    assert.equal(errorOf(args), HEADER + lines.map((l) => `  - ${l}`).join("\n"));
}

describe("cloudfront.Distribution for the team that runs it", () => {
    it("on external DNS: creates the certificate, writes no Route53 record, and outputs what to create (15)", async () => {
        const { engine, cdn } = await plan({ ...MINIMAL, aliases: ["example.org", "*.example.org", "www.example.org"], externalDns: true });
        assert.deepEqual(engine.ofType(RECORD), []);
        assert.deepEqual(engine.invokesOf("aws:route53/getZone:getZone"), []);
        const cert = engine.get("cdn-certificate-certificate", CERTIFICATE);
        const validation = engine.get("cdn-certificate-validation", VALIDATION);
        assert.equal(validation.inputs.validationRecordFqdns, undefined, "waits for records made elsewhere");
        assert.equal(engine.inputsOf("cdn-distribution").viewerCertificate.acmCertificateArn, validation.state.certificateArn, "the distribution waits for validation");
        const options = cert.state.domainValidationOptions as { domainName: string; resourceRecordName: string; resourceRecordValue: string }[];
        const byName = (name: string) => options.find((o) => o.domainName === name)!;
        const target = engine.get("cdn-distribution").state.domainName;
        assert.deepEqual(await unwrap(cdn.dnsRecords), [
            { name: byName("example.org").resourceRecordName, type: "CNAME", value: byName("example.org").resourceRecordValue },
            { name: byName("www.example.org").resourceRecordName, type: "CNAME", value: byName("www.example.org").resourceRecordValue },
            { name: "example.org", type: "CNAME", value: target },
            { name: "*.example.org", type: "CNAME", value: target },
            { name: "www.example.org", type: "CNAME", value: target },
        ]);
        assert.equal(await unwrap(cdn.url), "https://example.org");
    });

    it("outputs no DNS records to create when Route53 holds them (15)", async () => {
        const { cdn } = await plan({ ...MINIMAL, aliases: ["www.example.com"], hostedZone: { name: "example.com" } });
        assert.deepEqual(await unwrap(cdn.dnsRecords), []);
    });

    it("refuses external DNS together with a hosted zone, or without aliases (15)", () => {
        rejects({ aliases: ["www.example.com"], hostedZone: { name: "example.com" }, externalDns: true }, "externalDns: conflicts with `hostedZone`: the records go either into a Route53 zone or to your own DNS provider");
        rejects({ externalDns: true }, "externalDns: needs `aliases`: it is about the DNS of your own domain names");
    });

    it("exposes a standalone certificate's validation records without a zone (15)", async () => {
        const { engine } = await plan(MINIMAL);
        const cert = new cloudfront.Certificate("api", { domainName: "api.example.org" });
        await engine.settle();
        const [record] = await unwrap(cert.dnsValidationRecords);
        assert.equal(record.type, "CNAME");
        assert.match(record.name, /^_[0-9a-f]{32}\.api\.example\.org\.$/);
        assert.deepEqual(cert.validationRecords, []);
    });

    it("logs WAF requests to a created aws-waf-logs-* group in us-east-1 with auth headers redacted (16)", async () => {
        const { engine } = await plan(MINIMAL);
        const group = engine.get("cdn-waf-logs", LOG_GROUP);
        assert.deepEqual([group.inputs.region, group.inputs.namePrefix, group.inputs.retentionInDays], ["us-east-1", "aws-waf-logs-cdn-waf-", 90]);
        const logging = engine.get("cdn-waf-logging", WAF_LOGGING);
        assert.equal(logging.inputs.region, "us-east-1");
        assert.equal(logging.inputs.resourceArn, engine.get("cdn-waf", WEB_ACL).state.arn);
        assert.deepEqual(logging.inputs.logDestinationConfigs, [group.state.arn]);
        assert.deepEqual(logging.inputs.redactedFields, [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }]);
    });

    it("logs WAF requests to a given destination, or not at all on `logging: false` (16)", async () => {
        const firehose = "arn:aws:firehose:us-east-1:123456789012:deliverystream/aws-waf-logs-central";
        const given = await plan({ ...MINIMAL, waf: { logging: { destinationArn: firehose, redactedHeaders: ["x-api-key"] } } });
        assert.deepEqual(given.engine.ofType(LOG_GROUP), []);
        assert.deepEqual(given.engine.inputsOf("cdn-waf-logging").logDestinationConfigs, [firehose]);
        assert.deepEqual(given.engine.inputsOf("cdn-waf-logging").redactedFields, [{ singleHeader: { name: "x-api-key" } }]);
        const off = await plan({ ...MINIMAL, waf: { logging: false } });
        assert.deepEqual(off.engine.ofType(WAF_LOGGING), []);
        rejects(
            { waf: { logging: { destinationArn: "arn:aws:logs:us-east-1:123456789012:log-group:waf", retentionDays: 10 } } },
            "waf.logging.retentionDays: conflicts with `waf.logging.destinationArn`: an existing resource is used as it is, so its options cannot be set here",
            "waf.logging.retentionDays: 10 is not allowed; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
            "waf.logging.destinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:waf' is not a WAF log destination; use a log group or Firehose stream in us-east-1 or an S3 bucket, named 'aws-waf-logs-…'",
        );
    });

    it("delivers access logs with standard logging v2, without a legacy bucket (16)", async () => {
        const destination = "arn:aws:logs:us-east-1:123456789012:log-group:cloudfront-access";
        const { engine, cdn } = await plan({ ...MINIMAL, logging: { delivery: { destinationArn: destination, recordFields: ["timestamp", "c-ip", "sc-status"] } } });
        assert.deepEqual(engine.ofType("aws:s3/bucket:Bucket"), []);
        assert.equal(engine.inputsOf("cdn-distribution").loggingConfig, undefined);
        const source = engine.get("cdn-access-logs", "aws:cloudwatch/logDeliverySource:LogDeliverySource");
        assert.deepEqual([source.inputs.region, source.inputs.logType, source.inputs.resourceArn], ["us-east-1", "ACCESS_LOGS", await unwrap(cdn.arn)]);
        const target = engine.get("cdn-access-logs-to", "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination");
        assert.deepEqual([target.inputs.region, target.inputs.outputFormat, target.inputs.deliveryDestinationConfiguration], ["us-east-1", "json", { destinationResourceArn: destination }]);
        assert.match(target.state.arn, /^arn:aws:logs:us-east-1:123456789012:delivery-destination:cdn-access-logs-to-[0-9a-f]{7}$/);
        assert.equal(target.state.deliveryDestinationType, "CWL");
        const delivery = engine.get("cdn-access-logs-delivery", "aws:cloudwatch/logDelivery:LogDelivery");
        assert.deepEqual(
            [delivery.inputs.deliverySourceName, delivery.inputs.deliveryDestinationArn, delivery.inputs.recordFields],
            [source.state.name, target.state.arn, ["timestamp", "c-ip", "sc-status"]],
        );
    });

    it("names the logs v2 resources within AWS's 60 characters, even for a long component name (16)", async () => {
        const name = `www.${"very-long-".repeat(6)}example.com`;
        const { engine } = await plan({ ...MINIMAL, logging: { delivery: { destinationArn: "arn:aws:s3:::org-logs" } } }, name);
        const source = engine.ofType("aws:cloudwatch/logDeliverySource:LogDeliverySource")[0];
        assert.equal(source.name, "www-very-long-very-long-very-l-access-logs");
        assert.ok(source.state.name.length <= 60, source.state.name);
    });

    it("refuses logs v2 to a wrong destination or format, and mixed with legacy options (16)", () =>
        rejects(
            { logging: { delivery: { destinationArn: "arn:aws:logs:eu-west-3:123456789012:log-group:x", outputFormat: "parquet" }, prefix: "cf/" } },
            "logging.prefix: conflicts with `logging.delivery`: an existing resource is used as it is, so its options cannot be set here",
            "logging.delivery.destinationArn: 'arn:aws:logs:eu-west-3:123456789012:log-group:x' is not a log destination; use an S3 bucket ARN, or a CloudWatch Logs log group or Firehose stream ARN in us-east-1",
            "logging.delivery.outputFormat: 'parquet' is only delivered to S3; use 'json', 'w3c', 'plain' for CloudWatch Logs",
        ));

    it("outputs the invalidation command for after a content change (18)", async () => {
        const { cdn } = await plan(MINIMAL);
        const id = await unwrap(cdn.id);
        assert.equal(await unwrap(cdn.invalidationCommand), `aws cloudfront create-invalidation --distribution-id ${id} --paths '/*'`);
        assert.equal(await unwrap(cloudfront.invalidationCommand("E123", ["/index.html", "/img/*"])), "aws cloudfront create-invalidation --distribution-id E123 --paths '/index.html' '/img/*'");
        assert.throws(() => cloudfront.invalidationCommand("E123", ["index.html", "/a*/b"]), {
            message: `invalidation paths must start with '/' and may end with one '*'; got ["index.html","/a*/b"]`,
        });
    });

    it("draws a dashboard in us-east-1 of traffic, error rates and WAF decisions (18)", async () => {
        const { engine, cdn } = await plan({ ...MINIMAL, monitoring: {} });
        const id = await unwrap(cdn.id);
        const dashboard = engine.get("cdn-dashboard", "aws:cloudwatch/dashboard:Dashboard");
        assert.equal(dashboard.inputs.region, "us-east-1");
        assert.equal(dashboard.inputs.dashboardName, `cloudfront-${id}`);
        const body = JSON.parse(dashboard.inputs.dashboardBody);
        // WAF publishes under the web ACL's metric name (visibilityConfig.metricName), not its resource name.
        const aclName = engine.get("cdn-waf", WEB_ACL).inputs.visibilityConfig.metricName;
        assert.deepEqual(
            body.widgets.map((w: any) => [w.properties.title, w.properties.region, w.properties.metrics.map((m: any[]) => m[1])]),
            [
                ["Requests and bytes", "us-east-1", ["Requests", "BytesDownloaded"]],
                ["Error rates (%)", "us-east-1", ["4xxErrorRate", "5xxErrorRate", "TotalErrorRate"]],
                ["WAF allowed and blocked", "us-east-1", ["AllowedRequests", "BlockedRequests", "CountedRequests"]],
            ],
        );
        assert.deepEqual(body.widgets[0].properties.metrics[0].slice(2, 6), ["DistributionId", id, "Region", "Global"]);
        assert.deepEqual(body.widgets[2].properties.metrics[0].slice(2, 4), ["WebACL", aclName]);
        const none = await plan({ ...MINIMAL, monitoring: { dashboard: false } });
        assert.deepEqual(none.engine.ofType("aws:cloudwatch/dashboard:Dashboard"), []);
    });
});
