import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
// A value AWS computes at deployment (the mock cloud answers no `version`): unknown in a preview.
const parameter = new aws.ssm.Parameter("acl", { type: "String", value: "placeholder" });
const webAclId = parameter.version.apply((v) => `arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/${v}`);

if (config.getBoolean("lookupVpc")) {
    // Not a lookup the mock cloud knows: it needs --mocks.
    const vpc = aws.ec2.getVpcOutput({ tags: { Name: "shared" } });
    new aws.ec2.SecurityGroup("web", { vpcId: vpc.id });
}

new aws.cloudfront.Distribution("cdn", {
    enabled: true,
    webAclId,
    origins: [{ originId: "web", domainName: "origin.example.com", customOriginConfig: { originProtocolPolicy: "https-only", httpPort: 80, httpsPort: 443, originSslProtocols: ["TLSv1.2"] } }],
    defaultCacheBehavior: { targetOriginId: "web", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6" },
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: { cloudfrontDefaultCertificate: true },
});
