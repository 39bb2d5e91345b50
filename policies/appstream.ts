import type { Policies } from "@pulumi/policy/policy";
import { resourcePolicy } from "./define";

const FLEET = "aws:appstream/fleet:Fleet";
const IMAGE_BUILDER = "aws:appstream/imageBuilder:ImageBuilder";
const STACK = "aws:appstream/stack:Stack";

/** Prowler's thresholds: sessions under 10 h, at most 5 min to reconnect and 10 min idle. */
export const SESSION_LIMITS = { maxUserDurationInSeconds: 36000, disconnectTimeoutInSeconds: 300, idleDisconnectTimeoutInSeconds: 600 };
type Limits = typeof SESSION_LIMITS;

function limitsOf(config: Partial<Limits>): Limits {
    return { ...SESSION_LIMITS, ...config };
}

/**
 * What AppStream applies when a fleet leaves a setting out: no idle timeout (the CreateFleet API
 * model: "The default value is 0"), and for the session length and reconnect window the
 * console's defaults, 16 h and 15 min (the API model documents none and the provider marks both
 * computed): a fleet that leaves them out is not known to be within the limits, and fails.
 */
const AWS_DEFAULTS: Limits = { maxUserDurationInSeconds: 57600, disconnectTimeoutInSeconds: 900, idleDisconnectTimeoutInSeconds: 0 };

/**
 * Settings over their limit, as Prowler judges them: a session must be shorter than its limit,
 * the reconnect and idle times at most theirs, and an idle timeout of 0 (never disconnect idle
 * users) counts as over. A setting left out is AWS's default.
 */
function overLimits(props: Record<string, any>, limits: Limits): (keyof Limits)[] {
    const value = (key: keyof Limits): number => props[key] ?? AWS_DEFAULTS[key];
    return (Object.keys(limits) as (keyof Limits)[]).filter((key) => {
        if (key === "maxUserDurationInSeconds") {
            return value(key) >= limits[key];
        }
        return value(key) > limits[key] || (key === "idleDisconnectTimeoutInSeconds" && value(key) === 0);
    });
}

/** The value a fix sets: the limit, or one minute under it for the session length, which must stay below. */
const fixedValue = (key: keyof Limits, limits: Limits) => (key === "maxUserDurationInSeconds" ? limits[key] - 60 : limits[key]);

/** Enabled user settings of a stack (AppStream enables every action that is not listed). */
function enabled(props: Record<string, any>, action: string): boolean {
    const setting = ((props.userSettings ?? []) as Record<string, any>[]).find((s) => s.action === action);
    return setting === undefined || setting.permission === "ENABLED";
}

const duration = (max: number) => ({ type: "integer" as const, minimum: 0, default: max });

export const appstreamPolicies: Policies = [
    resourcePolicy({
        name: "appstream-no-default-internet",
        description: "AppStream fleets and image builders must not have default internet access",
        severity: "medium",
        controls: { prowler: ["appstream_fleet_default_internet_access_disabled"] },
        remediationSteps: "Set enableDefaultInternetAccess to false and give the VPC a NAT gateway or proxy for the egress the app needs.",
        url: "https://docs.aws.amazon.com/appstream2/latest/developerguide/internet-access.html",
        enforcementLevel: "mandatory",
        types: [FLEET, IMAGE_BUILDER],
        check: (props, report) => {
            if (props.enableDefaultInternetAccess === true) {
                report("enableDefaultInternetAccess is true");
            }
        },
    }),
    resourcePolicy({
        name: "appstream-in-vpc",
        description: "AppStream fleets and image builders must run in subnets of your VPC",
        severity: "medium",
        controls: {},
        remediationSteps: "Set vpcConfig.subnetIds (two subnets in different AZs) and securityGroupIds.",
        url: "https://docs.aws.amazon.com/appstream2/latest/developerguide/managing-network.html",
        enforcementLevel: "mandatory",
        types: [FLEET, IMAGE_BUILDER],
        check: (props, report) => {
            if (((props.vpcConfig?.subnetIds ?? []) as unknown[]).length === 0) {
                report("no VPC subnets (vpcConfig.subnetIds is empty)");
            }
        },
    }),
    resourcePolicy({
        name: "appstream-session-timeouts",
        description: "AppStream fleets must cap session length, reconnect time and idle time",
        severity: "medium",
        controls: {
            prowler: [
                "appstream_fleet_maximum_session_duration",
                "appstream_fleet_session_disconnect_timeout",
                "appstream_fleet_session_idle_disconnect_timeout",
            ],
        },
        remediationSteps: "Lower maxUserDurationInSeconds, disconnectTimeoutInSeconds and idleDisconnectTimeoutInSeconds to the configured limits.",
        url: "https://docs.aws.amazon.com/appstream2/latest/developerguide/set-up-stacks-fleets.html",
        enforcementLevel: "mandatory",
        configSchema: {
            properties: {
                maxUserDurationInSeconds: duration(SESSION_LIMITS.maxUserDurationInSeconds),
                disconnectTimeoutInSeconds: duration(SESSION_LIMITS.disconnectTimeoutInSeconds),
                idleDisconnectTimeoutInSeconds: duration(SESSION_LIMITS.idleDisconnectTimeoutInSeconds),
            },
        },
        types: [FLEET],
        check: (props, report, args) => {
            const limits = limitsOf(args.getConfig());
            for (const key of overLimits(props, limits)) {
                const value = props[key] ?? AWS_DEFAULTS[key];
                const what = props[key] === undefined ? `${key} unset (AWS's default${key === "idleDisconnectTimeoutInSeconds" ? ", 0," : ""} applies)` : value === 0 ? `${key} is 0` : `${key} ${value}`;
                if (value === 0) {
                    report(`${what}: idle users are never disconnected; use at most ${limits[key]}`);
                } else {
                    report(`${what} ${value === limits[key] ? "is not below" : "exceeds"} ${limits[key]}`);
                }
            }
        },
        fix: (props, args) => {
            const limits = limitsOf(args.getConfig());
            const over = overLimits(props, limits);
            if (over.length === 0) {
                return undefined;
            }
            for (const key of over) {
                props[key] = fixedValue(key, limits);
            }
            return props;
        },
    }),
    resourcePolicy({
        name: "appstream-stack-file-download",
        description: "AppStream stacks should not let users download files to their device unless allowed",
        severity: "low",
        controls: {},
        remediationSteps: "Add userSettings { action: 'FILE_DOWNLOAD', permission: 'DISABLED' }, or set config allowFileDownload.",
        url: "https://docs.aws.amazon.com/appstream2/latest/developerguide/data-transfer.html",
        enforcementLevel: "advisory",
        configSchema: { properties: { allowFileDownload: { type: "boolean", default: false } } },
        types: [STACK],
        check: (props, report, args) => {
            if (!args.getConfig<{ allowFileDownload?: boolean }>().allowFileDownload && enabled(props, "FILE_DOWNLOAD")) {
                report("users can download files to their device (FILE_DOWNLOAD is enabled)");
            }
        },
    }),
    resourcePolicy({
        name: "appstream-stack-clipboard",
        description: "AppStream stacks should not let users copy from the session to their device unless allowed",
        severity: "low",
        controls: {},
        remediationSteps: "Add userSettings { action: 'CLIPBOARD_COPY_TO_LOCAL_DEVICE', permission: 'DISABLED' }, or set config allowCopyToLocal.",
        url: "https://docs.aws.amazon.com/appstream2/latest/developerguide/data-transfer.html",
        enforcementLevel: "advisory",
        configSchema: { properties: { allowCopyToLocal: { type: "boolean", default: false } } },
        types: [STACK],
        check: (props, report, args) => {
            if (!args.getConfig<{ allowCopyToLocal?: boolean }>().allowCopyToLocal && enabled(props, "CLIPBOARD_COPY_TO_LOCAL_DEVICE")) {
                report("users can copy from the session to their device (CLIPBOARD_COPY_TO_LOCAL_DEVICE is enabled)");
            }
        },
    }),
];
