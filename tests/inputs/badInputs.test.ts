import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { attempt, COMPONENTS, SUBNETS, withValue } from "./components";

/**
 * Plausible mistakes, one per row, each refused before anything is created: the component, the
 * argument changed from arguments that pass (its path as the user writes it), the value, and the
 * exact lines of the one `InputPropertiesError`. Issue 13's trial is in here: plain-JavaScript
 * typos, empty lists, malformed AWS identifiers, regions, time zones and retention values, a
 * hosted zone `{}` that used to crash after nine registrations.
 */
type BadInput = readonly [component: string, path: string, value: unknown, ...lines: string[]];

const S0 = SUBNETS[0];

const BAD_INPUTS: readonly BadInput[] = [
    ["Distribution", "alias", ["www.example.com"], "alias: `alias` is not an argument of aws-euc:cloudfront:Distribution; did you mean `aliases`?"],
    ["Distribution", "aliases", [], "aliases: must not be empty: list at least one"],
    ["Distribution", "aliases", "www.example.com", "aliases: 'www.example.com' must be a list"],
    ["Distribution", "origins.site.originShieldRegion", "eu-west-99", "origins.site.originShieldRegion: 'eu-west-99' has no Origin Shield; use the one nearest the origin among 'us-east-1', 'us-east-2', 'us-west-2', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'eu-central-1', 'eu-west-1', 'eu-west-2', 'sa-east-1'"],
    ["Distribution", "hostedZone", {}, "hostedZone: {} is not a valid value; use { id, name? } or { name }"],
    ["Distribution", "hostedZone", { id: "example.com" }, "hostedZone.id: 'example.com' must be a Route53 hosted zone id: 'Z' and up to 31 upper-case letters or digits, e.g. 'Z0123456789ABCDEFGHIJ'"],
    ["Distribution", "hostedZone", "example.com", "hostedZone: 'example.com' is not a valid value; use { id, name? } or { name }"],
    ["Distribution", "origins.site.s3.createBucketPolicy", "yes", "origins.site.s3.createBucketPolicy: 'yes' must be true or false"],
    ["Distribution", "origins.site.connectionAttempt", 2, "origins.site.connectionAttempt: `connectionAttempt` is not an argument of aws-euc:cloudfront:Distribution; did you mean `connectionAttempts`?"],
    ["Distribution", "origins", [], "origins: [] must be an object"],
    ["Distribution", "priceClass", "PriceClass_300", "priceClass: 'PriceClass_300' is not allowed; use one of 'PriceClass_All', 'PriceClass_200', 'PriceClass_100'"],
    ["Distribution", "ipv6", "true", "ipv6: 'true' must be true or false"],
    ["Distribution", "enabled", 1, "enabled: 1 must be true or false"],
    ["Distribution", "defaultBehavior.responseHeadersPolicy", { id: "" }, "defaultBehavior.responseHeadersPolicy.id: must not be empty"],
    ["Distribution", "defaultBehavior.cachePolicy", { id: "" }, "defaultBehavior.cachePolicy.id: must not be empty"],
    ["Distribution", "httpVersion", "http4", "httpVersion: 'http4' is not allowed; use one of 'http1.1', 'http2', 'http3', 'http2and3'"],
    ["Distribution", "comment", 42, "comment: 42 must be a string"],
    ["Distribution", "tags", { team: 5 }, "tags.team: 5 must be a string"],
    ["Distribution", "certificateArn", "arn:aws:iam::123456789012:role/site", "certificateArn: a certificate is only used with `aliases`; add the domain names it covers or remove it", "certificateArn: 'arn:aws:iam::123456789012:role/site' is not an ACM certificate ARN; CloudFront only uses ACM certificates in us-east-1 (arn:aws:acm:us-east-1:<account>:certificate/<id>)"],
    ["Distribution", "waf", true, "waf: true is not a valid value; use false or { webAclArn?, rateLimit?, managedRuleGroups?, logging? }"],
    ["Distribution", "waf.webAclArn", "my-web-acl", "waf.webAclArn: 'my-web-acl' is not a WAFv2 web ACL of scope CLOUDFRONT; use arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>"],
    ["Distribution", "waf.ratelimit", 100, "waf.ratelimit: `ratelimit` is not an argument of aws-euc:cloudfront:Distribution; did you mean `rateLimit`?"],
    ["Distribution", "monitoring.alarmTopicArn", "alarms", "monitoring.alarmTopicArn: 'alarms' must be an SNS topic in us-east-1, where CloudFront alarms live"],
    ["Distribution", "logging.expirationDays", "90", "logging.expirationDays: '90' must be a number"],
    ["Distribution", "logging.bucketName", "logs", "logging.bucketName: `bucketName` is not an argument of aws-euc:cloudfront:Distribution; did you mean `bucket`?"],
    ["Distribution", "securityHeaders.hstsMaxAge", 63072000, "securityHeaders.hstsMaxAge: `hstsMaxAge` is not an argument of aws-euc:cloudfront:Distribution; did you mean `hstsMaxAgeSeconds`?"],
    ["Distribution", "securityHeaders", true, "securityHeaders: true is not a valid value; use 'managed' or false or { policyId?, hstsMaxAgeSeconds?, hstsIncludeSubdomains?, hstsPreload?, frameOption?, referrerPolicy?, contentSecurityPolicy? }"],
    ["Distribution", "defaultBehavior.cachePolicy", { custom: { minTTL: 0 } }, "defaultBehavior.cachePolicy.custom.minTTL: `minTTL` is not an argument of aws-euc:cloudfront:Distribution; did you mean `minTtl`?"],
    ["Distribution", "defaultBehavior.cachePolicy", { name: "CachingDisabled" }, "defaultBehavior.cachePolicy: {\"name\":\"CachingDisabled\"} is not a valid value; use 'CachingOptimized', 'CachingOptimizedForUncompressedObjects', 'CachingDisabled', 'Elemental-MediaPackage', 'Amplify', 'UseOriginCacheControlHeaders', 'UseOriginCacheControlHeaders-QueryStrings' or { id } or { custom }"],
    ["Distribution", "defaultBehavior.functions", [{ eventType: "viewer-request", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:rewrite" }], "defaultBehavior.functions[0].functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:rewrite' must be an ARN of cloudfront, e.g. 'arn:aws:cloudfront::123456789012:function/rewrite'"],
    ["Distribution", "behaviors", [{ pathPattern: "/api/*", origin: "site", viewerProtocol: "https-only" }], "behaviors[0].viewerProtocol: `viewerProtocol` is not an argument of aws-euc:cloudfront:Distribution; did you mean `viewerProtocolPolicy`?"],
    ["Distribution", "behaviors", { pathPattern: "/api/*" }, "behaviors: {\"pathPattern\":\"/api/*\"} must be a list"],
    ["Distribution", "geoRestriction", { type: "block", countries: ["FR"] }, "geoRestriction.type: 'block' is not allowed; use one of 'allowlist', 'denylist'"],
    ["Distribution", "errorResponses", {}, "errorResponses: {} must be a list"],
    ["Distribution", "mediaStreaming", { origin: "site", manifestTTL: 5 }, "mediaStreaming.manifestTTL: `manifestTTL` is not an argument of aws-euc:cloudfront:Distribution; did you mean `manifestTtl`?"],
    ["Distribution", "distributionType", "RTMP", "distributionType: 'RTMP' is not allowed; use one of 'web', 'rtmp'"],
    ["Certificate", "hostedZoneId", "example.com", "hostedZoneId: 'example.com' must be a Route53 hosted zone id: 'Z' and up to 31 upper-case letters or digits, e.g. 'Z0123456789ABCDEFGHIJ'"],
    ["Certificate", "subjectAlternativeNames", "api.example.com", "subjectAlternativeNames: 'api.example.com' must be a list"],
    ["Certificate", "subjectAlternativeName", ["api.example.com"], "subjectAlternativeName: `subjectAlternativeName` is not an argument of aws-euc:cloudfront:Certificate; did you mean `subjectAlternativeNames`?"],
    ["Certificate", "validationTimeout", 45, "validationTimeout: 45 must be a string"],
    ["Certificate", "keyAlgorithm", "RSA_4096", "keyAlgorithm: 'RSA_4096' is not accepted by CloudFront; use one of 'RSA_2048', 'EC_prime256v1'"],
    ["Certificate", "domainName", undefined, "domainName: is required"],
    ["StreamingEnvironment", "network.vpcId", "vpc123", "network.vpcId: 'vpc123' must be a VPC id: 'vpc-' and 8 or 17 hexadecimal digits, e.g. 'vpc-0a1b2c3d4e5f67890'"],
    ["StreamingEnvironment", "network.subnetIds", ["my-subnet"], "network.subnetIds[0]: 'my-subnet' must be a subnet id: 'subnet-' and 8 or 17 hexadecimal digits, e.g. 'subnet-0a1b2c3d4e5f67890'"],
    ["StreamingEnvironment", "network.subnetIds", [S0, S0], "network.subnetIds[1]: 'subnet-0aaaaaaaaaaaaaaaa' is already listed at network.subnetIds[0]; list each once"],
    ["StreamingEnvironment", "network.securityGroupIds", ["default"], "network.securityGroupIds[0]: 'default' must be a security group id: 'sg-' and 8 or 17 hexadecimal digits, e.g. 'sg-0a1b2c3d4e5f67890'"],
    ["StreamingEnvironment", "fleet.scaling", { minCapacity: 1, maxCapacity: 4, schedules: [{ name: "day", schedule: "cron(0 8 ? * MON-FRI *)", timezone: "Paris", minCapacity: 2 }] }, "fleet.scaling.schedules[0].timezone: 'Paris' must be an IANA time zone name, e.g. 'Europe/Paris' or 'UTC'"],
    ["StreamingEnvironment", "fleet.instanceType", 5, "fleet.instanceType: 5 must be a string"],
    ["StreamingEnvironment", "fleet.capacity", { desiredInstance: 2 }, "fleet.capacity: {\"desiredInstance\":2} is not a valid value; use { desiredInstances } or { desiredSessions, maxSessionsPerInstance }"],
    ["StreamingEnvironment", "fleet.image", { latest: "^AppStream-WinServer2022-" }, "fleet.image: {\"latest\":\"^AppStream-WinServer2022-\"} is not a valid value; use { name } or { arn } or { latestMatching }"],
    ["StreamingEnvironment", "fleet.iamRoleArn", "arn:aws:iam::123456789012:user/streaming", "fleet.iamRoleArn: 'arn:aws:iam::123456789012:user/streaming' must be an ARN of iam, e.g. 'arn:aws:iam::123456789012:role/streaming'"],
    ["StreamingEnvironment", "fleet.streamView", "WINDOW", "fleet.streamView: 'WINDOW' is not allowed; use one of 'APP', 'DESKTOP'"],
    ["StreamingEnvironment", "fleet", "excel", "fleet: 'excel' must be an object"],
    ["StreamingEnvironment", "monitoring", true, "monitoring: true is not a valid value; use false or { capacityUtilizationPercent?, alarmTopicArn?, createAlarmTopic?, dashboard? }"],
    ["StreamingEnvironment", "stack.userSettings", { clipboard: true }, "stack.userSettings.clipboard: is not a user setting; use one of 'clipboardCopyFromLocal', 'clipboardCopyToLocal', 'fileUpload', 'fileDownload', 'printing', 'domainPasswordSignIn', 'domainSmartCardSignIn', 'autoTimeZoneRedirection'"],
    ["StreamingEnvironment", "users", { saml: { providerArn: "okta" } }, "users.saml.providerArn: 'okta' must be an ARN of iam, e.g. 'arn:aws:iam::123456789012:saml-provider/okta'"],
    ["StreamingEnvironment", "imageBuilder", { instanceTyp: "stream.standard.medium", image: { name: "AppStream-WinServer2022-06-17-2025" } }, "imageBuilder.instanceType: is required", "imageBuilder.instanceTyp: `instanceTyp` is not an argument of aws-euc:appstream:StreamingEnvironment; did you mean `instanceType`?"],
    ["StreamingEnvironment", "tags", "team=euc", "tags: 'team=euc' must be an object"],
    ["Fleet", "network.vpcId", "vpc-XYZ", "network.vpcId: 'vpc-XYZ' must be a VPC id: 'vpc-' and 8 or 17 hexadecimal digits, e.g. 'vpc-0a1b2c3d4e5f67890'"],
    ["Fleet", "capacity", { desiredInstances: "2" }, "capacity.desiredInstances: '2' must be a number"],
    ["Fleet", "domainJoin", { directoryName: 5, organizationalUnit: "OU=AppStream,DC=corp,DC=example,DC=com" }, "domainJoin.directoryName: 5 must be a string"],
    ["Fleet", "maxUserDuration", 3600, "maxUserDuration: `maxUserDuration` is not an argument of aws-euc:appstream:Fleet; did you mean `maxUserDurationInSeconds`?"],
    ["ImageBuilder", "privateStreamingEndpoint", { clientCidrBlocks: "10.0.0.0/8" }, "privateStreamingEndpoint.clientCidrBlocks: '10.0.0.0/8' must be a list"],
    ["ImageBuilder", "network.securityGroupIds", ["sg-12345"], "network.securityGroupIds[0]: 'sg-12345' must be a security group id: 'sg-' and 8 or 17 hexadecimal digits, e.g. 'sg-0a1b2c3d4e5f67890'"],
    ["ImageBuilder", "enableDefaultInternetAcces", true, "enableDefaultInternetAcces: `enableDefaultInternetAcces` is not an argument of aws-euc:appstream:ImageBuilder; did you mean `enableDefaultInternetAccess`?"],
    ["ImageBuilder", "iamRoleArn", "role/builder", "iamRoleArn: 'role/builder' must be an ARN of iam, e.g. 'arn:aws:iam::123456789012:role/streaming'"],
    ["Stack", "streamingEndpointIds", ["vpce-zzz"], "streamingEndpointIds[0]: 'vpce-zzz' must be a VPC endpoint id: 'vpce-' and 8 or 17 hexadecimal digits, e.g. 'vpce-0a1b2c3d4e5f67890'"],
    ["Stack", "streamingProtocol", "udp", "streamingProtocol: 'udp' is not allowed; use one of 'UDP', 'TCP'"],
    ["Stack", "storageConnectors", [{ type: "HOMEFOLDERS", domain: ["example.com"] }], "storageConnectors[0].domain: `domain` is not an argument of aws-euc:appstream:Stack; did you mean `domains`?"],
    ["Stack", "persistApplicationSettings", "yes", "persistApplicationSettings: 'yes' must be true or false"],
    ["Users", "saml", { providerArn: "arn:aws:iam::123456789012:role/okta" }, "saml.providerArn: 'arn:aws:iam::123456789012:role/okta' must be an ARN of iam, e.g. 'arn:aws:iam::123456789012:saml-provider/okta'"],
    ["Users", "users", [{ mail: "ana@example.com" }], "users[0].email: is required", "users[0].mail: `mail` is not an argument of aws-euc:appstream:Users; did you mean `email`?"],
    ["Users", "users", [{ email: "ana@example.com", sendEmailNotification: "no" }], "users[0].sendEmailNotification: 'no' must be true or false"],
    ["FleetMonitoring", "capacityUtilizationPercent", "90", "capacityUtilizationPercent: '90' must be a number"],
    ["FleetMonitoring", "alarmTopicArn", "arn:aws:sqs:eu-west-3:123456789012:alarms", "alarmTopicArn: 'arn:aws:sqs:eu-west-3:123456789012:alarms' is not an SNS topic ARN"],
    ["FleetMonitoring", "dashbord", false, "dashbord: `dashbord` is not an argument of aws-euc:appstream:FleetMonitoring; did you mean `dashboard`?"],
    ["DesktopEnvironment", "users", [], "users: must not be empty: list at least one"],
    ["DesktopEnvironment", "directory.network.subnetIds", [S0, S0], "directory.network.subnetIds[1]: 'subnet-0aaaaaaaaaaaaaaaa' is already listed at directory.network.subnetIds[0]; list each once"],
    ["DesktopEnvironment", "directory.logForwarding", { retentionInDays: 45 }, "directory.logForwarding.retentionInDays: 45 is not a CloudWatch Logs retention; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (days)"],
    ["DesktopEnvironment", "directory.network.vpcId", "vpc123", "directory.network.vpcId: 'vpc123' must be a VPC id: 'vpc-' and 8 or 17 hexadecimal digits, e.g. 'vpc-0a1b2c3d4e5f67890'"],
    ["DesktopEnvironment", "encryption", { existingKeyArn: "alias/workspaces" }, "encryption.existingKeyArn: 'alias/workspaces' is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)"],
    ["DesktopEnvironment", "desktops.bundle", {}, "desktops.bundle: {} is not a valid value; use { id } or { name, owner? }"],
    ["DesktopEnvironment", "provisionUsers", true, "provisionUsers: true must be an object"],
    ["DesktopEnvironment", "retainWorkspace", false, "retainWorkspace: `retainWorkspace` is not an argument of aws-euc:workspaces:DesktopEnvironment; did you mean `retainWorkspaces`?"],
    ["DesktopEnvironment", "directory.ipGroupIds", ["ipg-1"], "directory.ipGroupIds[0]: 'ipg-1' must be a WorkSpaces IP group id, e.g. 'wsipg-abc12345'"],
    ["DesktopEnvironment", "directory.creation", { customSecurityGroupId: "sg-zz" }, "directory.creation.customSecurityGroupId: 'sg-zz' must be a security group id: 'sg-' and 8 or 17 hexadecimal digits, e.g. 'sg-0a1b2c3d4e5f67890'"],
    ["DesktopEnvironment", "directory.radius", { servers: ["10.0.0.5"], sharedSecret: "s3cret", protocol: "EAP" }, "directory.radius.protocol: 'EAP' is not allowed; use one of 'PAP', 'CHAP', 'MS-CHAPv1', 'MS-CHAPv2'"],
    ["DesktopEnvironment", "monitoring", { alarmTopicArn: "sns" }, "monitoring.alarmTopicArn: 'sns' must be an ARN of sns, e.g. 'arn:aws:sns:us-east-1:123456789012:alarms'"],
    ["DesktopEnvironment", "users", [{ userName: "ana.silva", runningMode: "auto_stop" }], "users[0].runningMode: 'auto_stop' is not allowed; use one of 'AUTO_STOP', 'ALWAYS_ON'"],
    ["DesktopEnvironment", "desktops", { bundle: { id: "bundle-1" } }, "desktops.bundle.id: 'bundle-1' must be a WorkSpaces bundle id, e.g. 'wsb-abc12345'"],
    ["Directory", "directory", { existingId: "d-XYZ" }, "directory.existingId: 'd-XYZ' must be a directory id: 'd-' and hexadecimal digits, e.g. 'd-1234567890'"],
    ["Directory", "radius", { servers: ["10.0.0.5"], sharedSecret: "s3cret", port: "1812" }, "radius.port: '1812' must be a number"],
    ["Directory", "selfService", { restartWorkspaces: true }, "selfService.restartWorkspaces: is not a self-service permission; use one of 'restartWorkspace', 'increaseVolumeSize', 'changeComputeType', 'switchRunningMode', 'rebuildWorkspace'"],
    ["Directory", "network.subnetIds", S0, "network.subnetIds: 'subnet-0aaaaaaaaaaaaaaaa' must be a list"],
    ["EncryptionKey", "alias", 5, "alias: 5 must be a string"],
    ["EncryptionKey", "retainOnDelet", true, "retainOnDelet: `retainOnDelet` is not an argument of aws-euc:workspaces:EncryptionKey; did you mean `retainOnDelete`?"],
    ["Workspaces", "directoryId", "directory-1", "directoryId: 'directory-1' must be a directory id: 'd-' and hexadecimal digits, e.g. 'd-1234567890'"],
    ["Workspaces", "encryptionKeyArn", "arn:aws:kms:eu-west-3:123456789012:alias/workspaces", "encryptionKeyArn: 'arn:aws:kms:eu-west-3:123456789012:alias/workspaces' must be an ARN of kms, e.g. 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'"],
    ["Workspaces", "users", [{ userNme: "ana.silva" }], "users[0].userName: is required", "users[0].userNme: `userNme` is not an argument of aws-euc:workspaces:Workspaces; did you mean `userName`?"],
    ["Monitoring", "directoryId", "d-12", "directoryId: 'd-12' must be a directory id: 'd-' and hexadecimal digits, e.g. 'd-1234567890'"],
    ["Monitoring", "connectionFailures", "5", "connectionFailures: '5' must be a number"],
    ["DirectoryUsers", "directoryType", "AzureAD", "directoryType: 'AzureAD' has no user API: only AWS Managed Microsoft AD (with enableDirectoryDataAccess) can create users. With Simple AD or AD Connector the users must already exist (create them with Active Directory tools, or in the WorkSpaces console, which e-mails an invitation)"],
    ["DirectoryUsers", "users", {}, "users: {} must be a list"],
    ["DirectoryUsers", "directoryId", "corp.example.com", "directoryId: 'corp.example.com' must be a directory id: 'd-' and hexadecimal digits, e.g. 'd-1234567890'"],
    // Shrunk failures of the property tests (tests/inputs/properties.test.ts), kept as regressions.
    ["Distribution", "hostedZone", { name: 5 }, "hostedZone.name: 5 must be a string"],
    ["Distribution", "geoRestriction", { type: "allowlist" }, "geoRestriction.countries: is required"],
    ["Users", "users", [undefined], "users[0]: is undefined; remove it from the list or give a value"],
    ["Workspaces", "users", [undefined], "users[0]: is undefined; remove it from the list or give a value"],
    ["DesktopEnvironment", "users", [null], "users[0]: is null; remove it from the list or give a value"],
    ["Fleet", "network", undefined, "network: is required"],
    ["ImageBuilder", "network", undefined, "network: is required"],
    ["Workspaces", "defaults.bundle.name", "", "defaults.bundle.name: must not be empty"],
    ["Distribution", "aliases", pulumi.output(["www.example.com"]), "aliases: must be a plain value, not an Output or a Promise: it decides which resources are created, so it must be known while the program runs"],
];

describe("every bad input is refused once, by name, before anything is created", () => {
    it("covers at least 80 mistakes", () => assert.ok(BAD_INPUTS.length >= 80, `${BAD_INPUTS.length} rows`));

    for (const [component, path, value, ...lines] of BAD_INPUTS) {
        it(`${component}: ${path} = ${pulumi.Output.isInstance(value) ? "an Output" : (JSON.stringify(value) ?? "undefined")}`, async () => {
            const target = COMPONENTS[component];
            const result = await attempt(target, withValue(target.valid(), path, value));
            assert.ok(pulumi.InputPropertiesError.isInstance(result.error), `expected an InputPropertiesError, got ${result.error?.stack ?? "no error"}`);
            assert.equal(result.error.message, [`${target.type} 't' has invalid arguments:`, ...lines.map((l) => `  - ${l}`)].join("\n"));
            assert.deepEqual(
                result.error.errors.map((e) => e.propertyPath),
                lines.map((l) => l.slice(0, l.indexOf(": "))),
            );
            assert.equal(result.children, 0, "nothing is registered besides the component itself");
        });
    }

    it("the arguments each row starts from pass", async () => {
        for (const [name, target] of Object.entries(COMPONENTS)) {
            const result = await attempt(target, target.valid());
            assert.equal(result.error, undefined, `${name}: ${result.error?.message}`);
            assert.ok(result.children > 0, `${name} registers its resources`);
        }
    });
});
