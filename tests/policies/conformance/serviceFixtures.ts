import type { ControlCase, Fixture, Verdict } from "./fixtures";
import { resource } from "./fixtures";

const CERT = "aws:acm/certificate:Certificate";
const KEY = "aws:kms/key:Key";
const WORKSPACE = "aws:workspaces/workspace:Workspace";
const FLEET = "aws:appstream/fleet:Fleet";
const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
const WAF_LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
const ZONE = "aws:route53/zone:Zone";
const QUERY_LOG = "aws:route53/queryLog:QueryLog";

const securityHub = (service: string, id: string) => `https://docs.aws.amazon.com/securityhub/latest/userguide/${service}-controls.html#${service}-${id}`;
const checkovSource = (file: string) => `https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/${file}`;
const prowlerSource = (service: string, check: string) => `https://github.com/prowler-cloud/prowler/blob/master/prowler/providers/aws/services/${service}/${check}/${check}.py`;

const of = (type: string) => (condition: string, verdict: Verdict, props: Record<string, any>): Fixture => ({ condition, verdict, type, props });
const cert = of(CERT);
const key = of(KEY);
const workspace = of(WORKSPACE);
const fleet = of(FLEET);
const radius = of("aws:directoryservice/radiusSettings:RadiusSettings");

const ENCRYPTED = { userName: "ana", rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: true, volumeEncryptionKey: "arn:aws:kms:eu-west-3:123456789012:key/k" };
/** A fleet within every Prowler threshold: 8 h sessions, 5 min to reconnect, 10 min idle. */
const FLEET_WITHIN = { enableDefaultInternetAccess: false, maxUserDurationInSeconds: 28800, disconnectTimeoutInSeconds: 300, idleDisconnectTimeoutInSeconds: 600 };
const statement = (extra: Record<string, unknown>) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "S", Action: "kms:*", Resource: "*", ...extra }] });

const ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/a/1";
const acl = resource(WEB_ACL, { arn: ACL_ARN, scope: "CLOUDFRONT" }, "acl");
const publicZone = resource(ZONE, { name: "example.com", zoneId: "Z1" }, "zone");

/** ACM, KMS, WorkSpaces, AppStream, WAF and Route 53 controls, condition by condition. */
export const SERVICE_CONTROLS: ControlCase[] = [
    {
        control: "ACM.2",
        source: securityHub("acm", "2"),
        fixtures: [
            cert("RSA key of 1024 bits", "fail", { domainName: "example.com", validationMethod: "DNS", keyAlgorithm: "RSA_1024" }),
            cert("RSA key of 2048 bits", "pass", { domainName: "example.com", validationMethod: "DNS", keyAlgorithm: "RSA_2048" }),
            cert("an EC key (not RSA)", "pass", { domainName: "example.com", validationMethod: "DNS", keyAlgorithm: "EC_prime256v1" }),
        ],
    },
    {
        control: "CKV_AWS_234",
        source: checkovSource("resource/aws/ACMCertSetLoggingPreference.py"),
        fixtures: [
            cert("logging preference DISABLED", "fail", { domainName: "example.com", options: { certificateTransparencyLoggingPreference: "DISABLED" } }),
            cert("logging preference ENABLED", "pass", { domainName: "example.com", options: { certificateTransparencyLoggingPreference: "ENABLED" } }),
            cert("no options block", "pass", { domainName: "example.com" }),
        ],
    },
    {
        control: "CKV2_AWS_71",
        source: checkovSource("graph_checks/aws/ACMWildcardDomainName.yaml"),
        fixtures: [
            cert("domain_name with a wildcard", "fail", { domainName: "*.example.com" }),
            cert("a subject alternative name with a wildcard", "fail", { domainName: "example.com", subjectAlternativeNames: ["*.example.com"] }),
            cert("no wildcard", "pass", { domainName: "example.com", subjectAlternativeNames: ["www.example.com"] }),
        ],
    },
    {
        control: "KMS.4",
        source: securityHub("kms", "4"),
        fixtures: [
            key("symmetric key without rotation", "fail", { enableKeyRotation: false }),
            key("symmetric key with rotation", "pass", { enableKeyRotation: true }),
            key("asymmetric key (not evaluated)", "pass", { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" }),
        ],
    },
    {
        control: "KMS.5",
        source: securityHub("kms", "5"),
        fixtures: [
            key("policy allows Principal '*' without a condition", "fail", { enableKeyRotation: true, policy: statement({ Effect: "Allow", Principal: "*" }) }),
            key("policy allows the account only", "pass", { enableKeyRotation: true, policy: statement({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" } }) }),
            key("'*' limited by a condition", "pass", { enableKeyRotation: true, policy: statement({ Effect: "Allow", Principal: { AWS: "*" }, Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } } }) }),
        ],
    },
    {
        control: "CKV_AWS_33",
        source: checkovSource("resource/aws/KMSKeyWildcardPrincipal.py"),
        fixtures: [
            key("Principal '*'", "fail", { policy: statement({ Effect: "Allow", Principal: "*" }) }),
            key("Principal { AWS: '*' }", "fail", { policy: statement({ Effect: "Allow", Principal: { AWS: "*" } }) }),
            key("Principal { AWS: ['*'] }", "fail", { policy: statement({ Effect: "Allow", Principal: { AWS: ["*"] } }) }),
            key("'*' in a Deny statement", "pass", { policy: statement({ Effect: "Deny", Principal: "*" }) }),
            key("'*' with a Condition", "pass", { policy: statement({ Effect: "Allow", Principal: "*", Condition: { StringEquals: { "kms:CallerAccount": "123456789012" } } }) }),
            key("no policy", "pass", {}),
        ],
    },
    {
        control: "WorkSpaces.1",
        source: securityHub("workspaces", "1"),
        fixtures: [workspace("user volume not encrypted", "fail", { ...ENCRYPTED, userVolumeEncryptionEnabled: false }), workspace("user volume encrypted", "pass", ENCRYPTED)],
    },
    {
        control: "CKV_AWS_155",
        source: checkovSource("resource/aws/WorkspaceUserVolumeEncrypted.py"),
        fixtures: [workspace("user_volume_encryption_enabled unset", "fail", { ...ENCRYPTED, userVolumeEncryptionEnabled: undefined }), workspace("user_volume_encryption_enabled true", "pass", ENCRYPTED)],
    },
    {
        control: "WorkSpaces.2",
        source: securityHub("workspaces", "2"),
        fixtures: [workspace("root volume not encrypted", "fail", { ...ENCRYPTED, rootVolumeEncryptionEnabled: false }), workspace("root volume encrypted", "pass", ENCRYPTED)],
    },
    {
        control: "CKV_AWS_156",
        source: checkovSource("resource/aws/WorkspaceRootVolumeEncrypted.py"),
        fixtures: [workspace("root_volume_encryption_enabled unset", "fail", { ...ENCRYPTED, rootVolumeEncryptionEnabled: undefined }), workspace("root_volume_encryption_enabled true", "pass", ENCRYPTED)],
    },
    {
        control: "appstream_fleet_default_internet_access_disabled",
        source: prowlerSource("appstream", "appstream_fleet_default_internet_access_disabled"),
        fixtures: [fleet("default internet access enabled", "fail", { ...FLEET_WITHIN, enableDefaultInternetAccess: true }), fleet("default internet access disabled", "pass", FLEET_WITHIN)],
    },
    {
        control: "appstream_fleet_maximum_session_duration",
        source: prowlerSource("appstream", "appstream_fleet_maximum_session_duration"),
        fixtures: [
            fleet("sessions of exactly 10 hours (not less)", "fail", { ...FLEET_WITHIN, maxUserDurationInSeconds: 36000 }),
            fleet("sessions of 24 hours", "fail", { ...FLEET_WITHIN, maxUserDurationInSeconds: 86400 }),
            fleet("left out: AWS applies 16 hours", "fail", { ...FLEET_WITHIN, maxUserDurationInSeconds: undefined }),
            fleet("sessions just under 10 hours", "pass", { ...FLEET_WITHIN, maxUserDurationInSeconds: 35999 }),
        ],
    },
    {
        control: "appstream_fleet_session_disconnect_timeout",
        source: prowlerSource("appstream", "appstream_fleet_session_disconnect_timeout"),
        fixtures: [
            fleet("reconnect window over 5 minutes", "fail", { ...FLEET_WITHIN, disconnectTimeoutInSeconds: 301 }),
            fleet("left out: AWS applies 15 minutes", "fail", { ...FLEET_WITHIN, disconnectTimeoutInSeconds: undefined }),
            fleet("reconnect window of exactly 5 minutes", "pass", FLEET_WITHIN),
        ],
    },
    {
        control: "appstream_fleet_session_idle_disconnect_timeout",
        source: prowlerSource("appstream", "appstream_fleet_session_idle_disconnect_timeout"),
        fixtures: [
            fleet("idle timeout over 10 minutes", "fail", { ...FLEET_WITHIN, idleDisconnectTimeoutInSeconds: 601 }),
            fleet("idle timeout 0 (never)", "fail", { ...FLEET_WITHIN, idleDisconnectTimeoutInSeconds: 0 }),
            fleet("left out: AWS applies 0", "fail", { ...FLEET_WITHIN, idleDisconnectTimeoutInSeconds: undefined }),
            fleet("idle timeout of exactly 10 minutes", "pass", FLEET_WITHIN),
        ],
    },
    {
        control: "directoryservice_radius_server_security_protocol",
        source: prowlerSource("directoryservice", "directoryservice_radius_server_security_protocol"),
        fixtures: [
            radius("RADIUS with PAP", "fail", { directoryId: "d-1", authenticationProtocol: "PAP" }),
            radius("RADIUS with MS-CHAPv1", "fail", { directoryId: "d-1", authenticationProtocol: "MS-CHAPv1" }),
            radius("RADIUS with MS-CHAPv2", "pass", { directoryId: "d-1", authenticationProtocol: "MS-CHAPv2" }),
        ],
    },
    {
        control: "WAF.11",
        source: securityHub("waf", "11"),
        fixtures: [
            { condition: "a web ACL without logging", verdict: "fail", stack: [acl] },
            { condition: "a web ACL with a logging configuration", verdict: "pass", stack: [acl, resource(WAF_LOGGING, { resourceArn: ACL_ARN }, "acl-logs")] },
        ],
    },
    {
        control: "Route53.2",
        source: securityHub("route53", "2"),
        fixtures: [
            { condition: "a public zone without query logging", verdict: "fail", stack: [publicZone] },
            { condition: "a public zone with query logging", verdict: "pass", stack: [publicZone, resource(QUERY_LOG, { zoneId: "Z1", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/example.com" }, "log")] },
            { condition: "a private zone (does not apply)", verdict: "pass", stack: [resource(ZONE, { name: "corp.internal", zoneId: "Z2", vpcs: [{ vpcId: "vpc-0123456789abcdef0" }] }, "private")] },
        ],
    },
];
