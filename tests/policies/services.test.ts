import * as assert from "node:assert/strict";
import { Pack, resource } from "./pack";

const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
const CERT = "aws:acm/certificate:Certificate";
const KEY = "aws:kms/key:Key";
const WORKSPACE = "aws:workspaces/workspace:Workspace";
const WS_DIRECTORY = "aws:workspaces/directory:Directory";
const FLEET = "aws:appstream/fleet:Fleet";
const BUILDER = "aws:appstream/imageBuilder:ImageBuilder";
const STACK = "aws:appstream/stack:Stack";

const badInputsRule = { name: "bad", priority: 1, statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesKnownBadInputsRuleSet" } } };
const KEY_POLICY = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        { Sid: "Root", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
        { Sid: "ViaWorkSpaces", Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:ViaService": "workspaces.eu-west-3.amazonaws.com" } } },
    ],
});
const secureDirectory = (): Record<string, any> => ({
    directoryId: "d-123",
    ipGroupIds: ["wsipg-1"],
    selfServicePermissions: { restartWorkspace: true, increaseVolumeSize: false, rebuildWorkspace: false, changeComputeType: false, switchRunningMode: false },
    workspaceCreationProperties: { userEnabledAsLocalAdministrator: false, enableInternetAccess: false },
    workspaceAccessProperties: {
        deviceTypeWindows: "ALLOW",
        deviceTypeOsx: "ALLOW",
        deviceTypeWeb: "ALLOW",
        deviceTypeIos: "DENY",
        deviceTypeAndroid: "DENY",
        deviceTypeLinux: "DENY",
        deviceTypeChromeos: "DENY",
        deviceTypeZeroclient: "DENY",
    },
});
const secureFleet = () => ({
    enableDefaultInternetAccess: false,
    vpcConfig: { subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] },
    maxUserDurationInSeconds: 28800,
    disconnectTimeoutInSeconds: 300,
    idleDisconnectTimeoutInSeconds: 600,
});

describe("policies: WAF, ACM, KMS, WorkSpaces, AppStream (per resource)", function () {
    let pack: Pack;
    before(async () => (pack = await Pack.start()));
    after(() => pack.stop());
    afterEach(() => pack.configure({}));

    const cases: [policy: string, type: string, compliant: Record<string, unknown>, violating: Record<string, unknown>, level: string, message: string][] = [
        ["waf-known-bad-inputs", WEB_ACL, { scope: "CLOUDFRONT", rules: [badInputsRule] }, { scope: "CLOUDFRONT", rules: [] }, "mandatory", "the web ACL does not run AWSManagedRulesKnownBadInputsRuleSet"],
        ["acm-dns-validation", CERT, { domainName: "example.com", validationMethod: "DNS" }, { domainName: "example.com", validationMethod: "EMAIL" }, "mandatory", 'validationMethod is "EMAIL"; use \'DNS\''],
        ["acm-rsa-key-length", CERT, { domainName: "example.com", keyAlgorithm: "RSA_2048" }, { domainName: "example.com", keyAlgorithm: "RSA_1024" }, "mandatory", "keyAlgorithm RSA_1024 is too weak; use RSA_2048 or stronger, or an EC key"],
        ["acm-transparency-logging", CERT, { domainName: "example.com", options: { certificateTransparencyLoggingPreference: "ENABLED" } }, { domainName: "example.com", options: { certificateTransparencyLoggingPreference: "DISABLED" } }, "mandatory", "certificate transparency logging is disabled"],
        ["kms-key-rotation", KEY, { enableKeyRotation: true }, { enableKeyRotation: false }, "mandatory", "automatic key rotation is off"],
        ["kms-deletion-window", KEY, { deletionWindowInDays: 30 }, { deletionWindowInDays: 7 }, "mandatory", "deletionWindowInDays 7 is below 30"],
        ["kms-no-public-principal", KEY, { policy: KEY_POLICY }, { policy: JSON.stringify({ Statement: [{ Sid: "Open", Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }] }) }, "mandatory", 'statement "Open" allows everyone without a condition'],
        ["kms-no-lockout-bypass", KEY, { bypassPolicyLockoutSafetyCheck: false }, { bypassPolicyLockoutSafetyCheck: true }, "mandatory", "bypassPolicyLockoutSafetyCheck is true: the key could become unmanageable"],
        ["workspaces-volume-encryption", WORKSPACE, { userName: "ana", rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: true, volumeEncryptionKey: "arn:aws:kms:eu-west-3:123456789012:key/k" }, { userName: "ana", rootVolumeEncryptionEnabled: true }, "mandatory", "user volume of 'ana' not encrypted"],
        ["workspaces-customer-managed-key", WORKSPACE, { userName: "ana", volumeEncryptionKey: "arn:aws:kms:eu-west-3:123456789012:key/k" }, { userName: "ana", volumeEncryptionKey: "alias/aws/workspaces" }, "advisory", "'ana' uses the AWS-managed key alias/aws/workspaces"],
        ["workspaces-auto-stop", WORKSPACE, { userName: "ana", workspaceProperties: { runningMode: "AUTO_STOP" } }, { userName: "ana", workspaceProperties: { runningMode: "ALWAYS_ON" } }, "advisory", "'ana' runs in ALWAYS_ON mode"],
        ["workspaces-ip-access-group", WS_DIRECTORY, secureDirectory(), { ...secureDirectory(), ipGroupIds: [] }, "advisory", "no IP access control group: any IP address may connect"],
        ["workspaces-no-local-admin", WS_DIRECTORY, secureDirectory(), { ...secureDirectory(), workspaceCreationProperties: { enableInternetAccess: false } }, "mandatory", "users are local administrators of new workspaces (userEnabledAsLocalAdministrator is not false; AWS's default is true)"],
        ["workspaces-no-default-internet", WS_DIRECTORY, secureDirectory(), { ...secureDirectory(), workspaceCreationProperties: { userEnabledAsLocalAdministrator: false, enableInternetAccess: true } }, "mandatory", "enableInternetAccess is true: workspaces get public IP addresses"],
        ["workspaces-self-service-permissions", WS_DIRECTORY, secureDirectory(), { ...secureDirectory(), selfServicePermissions: undefined }, "mandatory", "self-service permissions outside the allow-list: increaseVolumeSize, rebuildWorkspace"],
        ["workspaces-device-types", WS_DIRECTORY, secureDirectory(), { ...secureDirectory(), workspaceAccessProperties: { deviceTypeWindows: "ALLOW", deviceTypeZeroclient: "ALLOW", deviceTypeChromeos: "ALLOW" } }, "mandatory", "device types allowed outside the allow-list: deviceTypeChromeos, deviceTypeZeroclient"],
        ["appstream-no-default-internet", BUILDER, { enableDefaultInternetAccess: false, vpcConfig: { subnetIds: ["subnet-a"] } }, { enableDefaultInternetAccess: true, vpcConfig: { subnetIds: ["subnet-a"] } }, "mandatory", "enableDefaultInternetAccess is true"],
        ["appstream-in-vpc", FLEET, secureFleet(), { ...secureFleet(), vpcConfig: undefined }, "mandatory", "no VPC subnets (vpcConfig.subnetIds is empty)"],
        ["appstream-session-timeouts", FLEET, secureFleet(), { ...secureFleet(), maxUserDurationInSeconds: 86400 }, "mandatory", "maxUserDurationInSeconds 86400 exceeds 36000"],
        ["appstream-stack-file-download", STACK, { userSettings: [{ action: "FILE_DOWNLOAD", permission: "DISABLED" }, { action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", permission: "DISABLED" }] }, { userSettings: [{ action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", permission: "DISABLED" }] }, "advisory", "users can download files to their device (FILE_DOWNLOAD is enabled)"],
        ["appstream-stack-clipboard", STACK, { userSettings: [{ action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", permission: "DISABLED" }] }, { userSettings: [{ action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", permission: "ENABLED" }] }, "advisory", "users can copy from the session to their device (CLIPBOARD_COPY_TO_LOCAL_DEVICE is enabled)"],
    ];
    for (const [policy, type, compliant, violating, level, message] of cases) {
        it(`${policy}: compliant passes, non-compliant is ${level}`, async () => {
            assert.deepEqual(await pack.check(type, compliant, policy), []);
            assert.deepEqual(await pack.check(type, violating, policy), [[policy, level, message]]);
        });
    }

    it("acm-no-wildcard is off by default and advisory when enabled", async () => {
        const wildcard = { domainName: "*.example.com", validationMethod: "DNS" };
        assert.deepEqual(await pack.check(CERT, wildcard, "acm-no-wildcard"), []);
        await pack.configure({ "acm-no-wildcard": "advisory" });
        assert.deepEqual(await pack.check(CERT, wildcard, "acm-no-wildcard"), [["acm-no-wildcard", "advisory", "wildcard names: *.example.com"]]);
    });

    it("skips what does not apply: regional web ACLs, imported certificates, asymmetric keys", async () => {
        assert.deepEqual(await pack.check(WEB_ACL, { scope: "REGIONAL", rules: [] }, "waf-known-bad-inputs"), []);
        assert.deepEqual(await pack.check(CERT, { certificateBody: "-----BEGIN", privateKey: "k", validationMethod: undefined }, "acm-dns-validation"), []);
        assert.deepEqual(await pack.check(KEY, { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" }, "kms-key-rotation"), []);
        assert.deepEqual(await pack.check(KEY, { keySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" }, "kms-key-rotation"), []);
    });

    it("treats a device type left out as allowed (AWS's default), and an idle timeout of 0 as unlimited", async () => {
        assert.deepEqual(await pack.check(WS_DIRECTORY, { ...secureDirectory(), workspaceAccessProperties: undefined }, "workspaces-device-types"), [
            ["workspaces-device-types", "mandatory", "device types allowed outside the allow-list: deviceTypeChromeos, deviceTypeZeroclient"],
        ]);
        assert.deepEqual(await pack.check(FLEET, { ...secureFleet(), idleDisconnectTimeoutInSeconds: 0 }, "appstream-session-timeouts"), [
            ["appstream-session-timeouts", "mandatory", "idleDisconnectTimeoutInSeconds is 0: idle users are never disconnected; use at most 600"],
        ]);
    });

    it("takes thresholds and allow-lists from config", async () => {
        await pack.configure({
            "kms-deletion-window": { minimumDays: 7 },
            "appstream-session-timeouts": { maxUserDurationInSeconds: 90000 },
            "workspaces-device-types": { allowed: ["deviceTypeWindows", "deviceTypeZeroclient"] },
            "appstream-stack-file-download": { allowFileDownload: true },
        });
        assert.deepEqual(await pack.check(KEY, { deletionWindowInDays: 7 }, "kms-deletion-window"), []);
        assert.deepEqual(await pack.check(FLEET, { ...secureFleet(), maxUserDurationInSeconds: 86400 }, "appstream-session-timeouts"), []);
        const onlyZeroAndWeb = { ...secureDirectory().workspaceAccessProperties, deviceTypeWindows: "DENY", deviceTypeOsx: "DENY", deviceTypeZeroclient: "ALLOW", deviceTypeWeb: "ALLOW" };
        assert.deepEqual(await pack.check(WS_DIRECTORY, { ...secureDirectory(), workspaceAccessProperties: onlyZeroAndWeb }, "workspaces-device-types"), [
            ["workspaces-device-types", "mandatory", "device types allowed outside the allow-list: deviceTypeWeb"],
        ]);
        assert.deepEqual(await pack.check(STACK, { userSettings: [] }, "appstream-stack-file-download"), []);
    });

    it("remediates key rotation, deletion window, transparency logging and session timeouts", async () => {
        await pack.configure({ "kms-key-rotation": "remediate", "kms-deletion-window": "remediate", "acm-transparency-logging": "remediate", "appstream-session-timeouts": "remediate" });
        assert.deepEqual(await pack.remediate(KEY, { description: "k", enableKeyRotation: false }, "kms-key-rotation"), { description: "k", enableKeyRotation: true });
        assert.deepEqual(await pack.remediate(KEY, { deletionWindowInDays: 10, enableKeyRotation: true }, "kms-deletion-window"), { deletionWindowInDays: 30, enableKeyRotation: true });
        assert.deepEqual(
            await pack.remediate(CERT, { domainName: "example.com", options: { certificateTransparencyLoggingPreference: "DISABLED" } }, "acm-transparency-logging"),
            { domainName: "example.com", options: { certificateTransparencyLoggingPreference: "ENABLED" } },
        );
        assert.deepEqual(
            await pack.remediate(FLEET, { ...secureFleet(), maxUserDurationInSeconds: 90000, idleDisconnectTimeoutInSeconds: 3600 }, "appstream-session-timeouts"),
            { ...secureFleet(), maxUserDurationInSeconds: 35940, idleDisconnectTimeoutInSeconds: 600 },
        );
    });
});

describe("policies: relations across the stack", function () {
    let pack: Pack;
    before(async () => (pack = await Pack.start()));
    after(() => pack.stop());

    const DIST = "aws:cloudfront/distribution:Distribution";
    const RECORD = "aws:route53/record:Record";
    const distribution = (props: Record<string, unknown> = {}) =>
        resource(DIST, { domainName: "d111.cloudfront.net", aliases: ["www.example.com"], isIpv6Enabled: true, viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/c" }, ...props }, "cdn");
    const record = (name: string, type: string, target = "d111.cloudfront.net", zoneId = "Z2FDTNDATAQYW2") =>
        resource(RECORD, { zoneId: "ZMINE", name, type, aliases: [{ name: target, zoneId, evaluateTargetHealth: false }] }, `${name}-${type}`);

    it("acm-cloudfront-certificate-region: a distribution's certificate must be in us-east-1", async () => {
        assert.deepEqual(await pack.checkStack([distribution()], "acm-cloudfront-certificate-region"), []);
        const elsewhere = distribution({ viewerCertificate: { acmCertificateArn: "arn:aws:acm:eu-west-3:123456789012:certificate/c" } });
        assert.deepEqual(await pack.checkStack([elsewhere], "acm-cloudfront-certificate-region"), [
            ["acm-cloudfront-certificate-region", "mandatory", "distribution 'cdn' uses certificate arn:aws:acm:eu-west-3:123456789012:certificate/c from eu-west-3; CloudFront only reads certificates in us-east-1"],
        ]);
    });

    it("route53-cloudfront-alias-target: aliases must use the CloudFront zone and a distribution of the stack serving the name", async () => {
        assert.deepEqual(await pack.checkStack([distribution(), record("www.example.com", "A")], "route53-cloudfront-alias-target"), []);
        assert.deepEqual(
            await pack.checkStack([distribution(), record("old.example.com", "A", "d999.cloudfront.net"), record("www.example.com", "AAAA", "d111.cloudfront.net", "ZWRONG"), record("api.example.com", "A")], "route53-cloudfront-alias-target"),
            [
                ["route53-cloudfront-alias-target", "mandatory", "record 'old.example.com' aliases d999.cloudfront.net, which is no distribution of this stack (a dangling record)"],
                ["route53-cloudfront-alias-target", "mandatory", "record 'www.example.com' aliases d111.cloudfront.net through zone ZWRONG; CloudFront aliases use Z2FDTNDATAQYW2"],
                ["route53-cloudfront-alias-target", "mandatory", "record 'api.example.com' points at distribution 'cdn', which does not list it in its aliases"],
            ],
        );
    });

    it("route53-alias-aaaa-pair: an A alias to an IPv6 distribution needs its AAAA pair (advisory)", async () => {
        assert.deepEqual(await pack.checkStack([distribution(), record("www.example.com", "A"), record("www.example.com", "AAAA")], "route53-alias-aaaa-pair"), []);
        assert.deepEqual(await pack.checkStack([distribution(), record("www.example.com", "A")], "route53-alias-aaaa-pair"), [
            ["route53-alias-aaaa-pair", "advisory", "A record 'www.example.com' has no AAAA pair; IPv6 viewers cannot reach the distribution by name"],
        ]);
        assert.deepEqual(await pack.checkStack([distribution({ isIpv6Enabled: false }), record("www.example.com", "A")], "route53-alias-aaaa-pair"), []);
    });

    it("route53-query-logging: public zones of the stack should log queries (advisory)", async () => {
        const zone = resource("aws:route53/zone:Zone", { name: "example.com", zoneId: "Z1" }, "zone");
        const privateZone = resource("aws:route53/zone:Zone", { name: "corp.internal", zoneId: "Z2", vpcs: [{ vpcId: "vpc-0123456789abcdef0" }] }, "private");
        const log = resource("aws:route53/queryLog:QueryLog", { zoneId: "Z1", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/example.com" }, "log");
        assert.deepEqual(await pack.checkStack([zone, privateZone, log], "route53-query-logging"), []);
        assert.deepEqual(await pack.checkStack([zone, privateZone], "route53-query-logging"), [["route53-query-logging", "advisory", "public zone 'example.com' has no query logging"]]);
    });

    it("waf-logging: every web ACL should have a logging configuration (advisory)", async () => {
        const acl = resource("aws:wafv2/webAcl:WebAcl", { arn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/a/1", scope: "CLOUDFRONT" }, "acl");
        const logging = resource("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", { resourceArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/a/1" }, "acl-logs");
        assert.deepEqual(await pack.checkStack([acl, logging], "waf-logging"), []);
        assert.deepEqual(await pack.checkStack([acl], "waf-logging"), [["waf-logging", "advisory", "web ACL 'acl' has no logging configuration"]]);
    });

    it("directoryservice-radius-mfa and -log-forwarding: directories used by WorkSpaces (advisory)", async () => {
        const ad = resource("aws:directoryservice/directory:Directory", { id: "d-1", name: "corp.example.com", type: "MicrosoftAD" }, "ad");
        const registration = resource("aws:workspaces/directory:Directory", { directoryId: "d-1" }, "ws");
        const radius = resource("aws:directoryservice/radiusSettings:RadiusSettings", { directoryId: "d-1" }, "mfa");
        const logs = resource("aws:directoryservice/logSubscription:LogSubscription", { directoryId: "d-1", logGroupName: "/aws/directoryservice/d-1" }, "logs");
        assert.deepEqual(await pack.checkStack([ad, registration, radius, logs], "directoryservice-radius-mfa"), []);
        assert.deepEqual(await pack.checkStack([ad, registration, radius, logs], "directoryservice-log-forwarding"), []);
        assert.deepEqual(await pack.checkStack([ad, registration], "directoryservice-radius-mfa"), [
            ["directoryservice-radius-mfa", "advisory", "directory 'corp.example.com' is used by WorkSpaces without RADIUS MFA"],
        ]);
        assert.deepEqual(await pack.checkStack([ad, registration], "directoryservice-log-forwarding"), [
            ["directoryservice-log-forwarding", "advisory", "Managed AD 'corp.example.com' does not forward its logs"],
        ]);
    });
});
