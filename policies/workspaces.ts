import type { Policies } from "@pulumi/policy/policy";
import { resourcePolicy, securityHubUrl } from "./define";

const WORKSPACE = "aws:workspaces/workspace:Workspace";
const DIRECTORY = "aws:workspaces/directory:Directory";

/** Self-service actions a user may take by default: restart only. */
export const DEFAULT_SELF_SERVICE = ["restartWorkspace"];
/** Clients the seed procedure names: Windows, macOS, iPad (iOS), Fire/Android and web browsers, plus Linux. */
export const DEFAULT_DEVICE_TYPES = ["deviceTypeWindows", "deviceTypeOsx", "deviceTypeIos", "deviceTypeAndroid", "deviceTypeWeb", "deviceTypeLinux"];

const ALL_DEVICE_TYPES = [...DEFAULT_DEVICE_TYPES, "deviceTypeChromeos", "deviceTypeZeroclient"];

const stringList = (defaults: string[]) => ({ type: "array" as const, items: { type: "string" as const }, default: defaults });

export const workspacesPolicies: Policies = [
    resourcePolicy({
        name: "workspaces-volume-encryption",
        description: "WorkSpaces root and user volumes must be encrypted with a KMS key",
        severity: "medium",
        controls: { securityHub: ["WorkSpaces.1", "WorkSpaces.2"], checkov: ["CKV_AWS_155", "CKV_AWS_156"] },
        remediationSteps: "Set rootVolumeEncryptionEnabled and userVolumeEncryptionEnabled to true and volumeEncryptionKey to a customer-managed KMS key (encryption is set at creation: the workspace is rebuilt).",
        url: securityHubUrl("WorkSpaces.1"),
        enforcementLevel: "mandatory",
        types: [WORKSPACE],
        check: (props, report) => {
            const missing = [
                props.rootVolumeEncryptionEnabled !== true ? "root volume" : "",
                props.userVolumeEncryptionEnabled !== true ? "user volume" : "",
            ].filter(Boolean);
            if (missing.length > 0) {
                report(`${missing.join(" and ")} of '${props.userName}' not encrypted`);
            }
        },
    }),
    resourcePolicy({
        name: "workspaces-customer-managed-key",
        description: "WorkSpaces volumes should be encrypted with a customer-managed KMS key, not the AWS-managed one",
        severity: "low",
        controls: {},
        remediationSteps: "Create a KMS key with rotation whose policy allows WorkSpaces, and set volumeEncryptionKey to its ARN.",
        url: "https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html",
        enforcementLevel: "advisory",
        types: [WORKSPACE],
        check: (props, report) => {
            const encrypted = props.rootVolumeEncryptionEnabled === true || props.userVolumeEncryptionEnabled === true;
            if (typeof props.volumeEncryptionKey === "string" && /alias\/aws\/workspaces$/.test(props.volumeEncryptionKey)) {
                report(`'${props.userName}' uses the AWS-managed key alias/aws/workspaces`);
            } else if (encrypted && !props.volumeEncryptionKey) {
                report(`volumes of '${props.userName}' are encrypted but volumeEncryptionKey is empty: the AWS-managed key aws/workspaces is used`);
            }
        },
    }),
    resourcePolicy({
        name: "workspaces-ip-access-group",
        description: "A WorkSpaces directory should restrict client IPs with an IP access control group",
        severity: "low",
        controls: {},
        remediationSteps: "Create an aws.workspaces.IpGroup with your networks' CIDRs and list it in ipGroupIds.",
        url: "https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-ip-access-control-groups.html",
        enforcementLevel: "advisory",
        types: [DIRECTORY],
        check: (props, report) => {
            if (((props.ipGroupIds ?? []) as unknown[]).length === 0) {
                report("no IP access control group: any IP address may connect");
            }
        },
    }),
    resourcePolicy({
        name: "workspaces-no-local-admin",
        description: "WorkSpaces users must not be local administrators",
        severity: "high",
        controls: {},
        remediationSteps: "Set workspaceCreationProperties.userEnabledAsLocalAdministrator to false.",
        url: "https://docs.aws.amazon.com/workspaces/latest/adminguide/update-directory-details.html",
        enforcementLevel: "mandatory",
        types: [DIRECTORY],
        check: (props, report) => {
            if (props.workspaceCreationProperties?.userEnabledAsLocalAdministrator !== false) {
                report("users are local administrators of new workspaces (userEnabledAsLocalAdministrator is not false; AWS's default is true)");
            }
        },
    }),
    resourcePolicy({
        name: "workspaces-no-default-internet",
        description: "New workspaces must not get direct internet access by default",
        severity: "medium",
        controls: {},
        remediationSteps: "Set workspaceCreationProperties.enableInternetAccess to false and route egress through a NAT gateway or proxy.",
        url: "https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-internet-access.html",
        enforcementLevel: "mandatory",
        types: [DIRECTORY],
        check: (props, report) => {
            if (props.workspaceCreationProperties?.enableInternetAccess === true) {
                report("enableInternetAccess is true: workspaces get public IP addresses");
            }
        },
    }),
    resourcePolicy({
        name: "workspaces-self-service-permissions",
        description: "Users may only use the self-service actions of an allow-list",
        severity: "medium",
        controls: {},
        remediationSteps: "Turn off the self-service permissions outside the allow-list (config `allowed`).",
        url: "https://docs.aws.amazon.com/workspaces/latest/adminguide/enable-user-self-service-workspace-management.html",
        enforcementLevel: "mandatory",
        configSchema: { properties: { allowed: stringList(DEFAULT_SELF_SERVICE) } },
        types: [DIRECTORY],
        check: (props, report, args) => {
            const allowed = args.getConfig<{ allowed?: string[] }>().allowed ?? DEFAULT_SELF_SERVICE;
            const permissions = (props.selfServicePermissions ?? {}) as Record<string, unknown>;
            // AWS enables restart, increase volume size and rebuild when the block is absent.
            const enabled = props.selfServicePermissions
                ? Object.entries(permissions).filter(([, on]) => on === true).map(([name]) => name)
                : ["restartWorkspace", "increaseVolumeSize", "rebuildWorkspace"];
            const extra = enabled.filter((name) => !allowed.includes(name));
            if (extra.length > 0) {
                report(`self-service permissions outside the allow-list: ${extra.join(", ")}`);
            }
        },
    }),
    resourcePolicy({
        name: "workspaces-device-types",
        description: "Only the client device types of an allow-list may connect",
        severity: "medium",
        controls: {},
        remediationSteps: "Set the device types outside the allow-list (config `allowed`) to DENY in workspaceAccessProperties.",
        url: "https://docs.aws.amazon.com/workspaces/latest/adminguide/update-directory-details.html",
        enforcementLevel: "mandatory",
        configSchema: { properties: { allowed: stringList(DEFAULT_DEVICE_TYPES) } },
        types: [DIRECTORY],
        check: (props, report, args) => {
            const allowed = args.getConfig<{ allowed?: string[] }>().allowed ?? DEFAULT_DEVICE_TYPES;
            const access = (props.workspaceAccessProperties ?? {}) as Record<string, unknown>;
            // A device type left out is allowed: that is AWS's default.
            const extra = ALL_DEVICE_TYPES.filter((name) => (access[name] ?? "ALLOW") === "ALLOW" && !allowed.includes(name)).sort();
            if (extra.length > 0) {
                report(`device types allowed outside the allow-list: ${extra.join(", ")}`);
            }
        },
    }),
    resourcePolicy({
        name: "workspaces-auto-stop",
        description: "Workspaces should run in AUTO_STOP mode so that idle desktops are not billed by the hour",
        severity: "low",
        controls: {},
        remediationSteps: "Set workspaceProperties.runningMode to 'AUTO_STOP' with runningModeAutoStopTimeoutInMinutes.",
        url: "https://docs.aws.amazon.com/workspaces/latest/adminguide/running-mode.html",
        enforcementLevel: "advisory",
        types: [WORKSPACE],
        check: (props, report) => {
            const mode = props.workspaceProperties?.runningMode ?? "ALWAYS_ON";
            if (mode !== "AUTO_STOP") {
                report(`'${props.userName}' runs in ${mode} mode`);
            }
        },
    }),
];
