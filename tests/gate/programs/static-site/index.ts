import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const domain = config.require("domain");
const subdomain = config.get("subdomain") ?? "www";
const fqdn = `${subdomain}.${domain}`;

// CloudFront needs its certificate in us-east-1: an explicit provider, as many programs do it.
const east = new aws.Provider("east", { region: "us-east-1" });
const zone = aws.route53.getZoneOutput({ name: domain });

const certificate = new aws.acm.Certificate("certificate", { domainName: fqdn, validationMethod: "DNS" }, { provider: east });
const validation = new aws.route53.Record("validation", {
    zoneId: zone.zoneId,
    name: certificate.domainValidationOptions[0].resourceRecordName,
    type: certificate.domainValidationOptions[0].resourceRecordType,
    records: [certificate.domainValidationOptions[0].resourceRecordValue],
    ttl: 60,
});
const validated = new aws.acm.CertificateValidation("validated", { certificateArn: certificate.arn, validationRecordFqdns: [validation.fqdn] }, { provider: east });

const content = new aws.s3.Bucket("content");
const identity = new aws.cloudfront.OriginAccessIdentity("identity", { comment: "site" });
new aws.s3.BucketPolicy("content-policy", {
    bucket: content.id,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: identity.iamArn }, Action: "s3:GetObject", Resource: pulumi.interpolate`${content.arn}/*` }],
    }),
});

const distribution = new aws.cloudfront.Distribution("cdn", {
    enabled: true,
    aliases: [fqdn],
    defaultRootObject: "index.html",
    origins: [{ originId: "content", domainName: content.bucketRegionalDomainName, s3OriginConfig: { originAccessIdentity: identity.cloudfrontAccessIdentityPath } }],
    defaultCacheBehavior: {
        targetOriginId: "content",
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
        cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6",
    },
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: { acmCertificateArn: validated.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
    priceClass: "PriceClass_100",
});

// The record name relative to the zone, as Route53 allows; IPv6 is off (the provider's default), so no AAAA.
new aws.route53.Record("site", {
    zoneId: zone.zoneId,
    name: subdomain,
    type: "A",
    aliases: [{ name: distribution.domainName, zoneId: distribution.hostedZoneId, evaluateTargetHealth: false }],
});

console.log(`planning ${fqdn}`); // a program's own output must not reach --json
export const url = pulumi.interpolate`https://${fqdn}`;
export const certificateArn = certificate.arn;
