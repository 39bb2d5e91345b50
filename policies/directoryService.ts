import type { Policies } from "@pulumi/policy";
import { stackPolicy } from "./define";

const DIRECTORY = "aws:directoryservice/directory:Directory";
const WORKSPACES_DIRECTORY = "aws:workspaces/directory:Directory";
const RADIUS = "aws:directoryservice/radiusSettings:RadiusSettings";
const LOG_SUBSCRIPTION = "aws:directoryservice/logSubscription:LogSubscription";

/** The directory's id: its `id` output when known, else the resource name. */
const idOf = (props: Record<string, any>) => props.id;

export const directoryServicePolicies: Policies = [
    stackPolicy({
        name: "directoryservice-radius-mfa",
        description: "Directories that WorkSpaces authenticates against should require RADIUS multi-factor authentication",
        severity: "medium",
        controls: { prowler: ["directoryservice_radius_server_security_protocol", "directoryservice_supported_mfa_radius_enabled"] },
        remediationSteps: "Add aws.directoryservice.RadiusSettings (authenticationProtocol MS-CHAPv2) for the directory.",
        url: "https://docs.aws.amazon.com/workspaces/latest/adminguide/connect_mfa.html",
        enforcementLevel: "advisory",
        subject: DIRECTORY,
        check: (_args, report, resources) => {
            const used = new Set(resources.of(WORKSPACES_DIRECTORY).map((r) => r.props.directoryId));
            const withMfa = new Set(resources.of(RADIUS).map((r) => r.props.directoryId));
            for (const directory of resources.of(DIRECTORY).filter((r) => used.has(idOf(r.props)))) {
                if (!withMfa.has(idOf(directory.props))) {
                    report(`directory '${directory.props.name}' is used by WorkSpaces without RADIUS MFA`, directory.urn);
                }
            }
        },
    }),
    stackPolicy({
        name: "directoryservice-log-forwarding",
        description: "AWS Managed Microsoft AD directories should forward their security logs to CloudWatch Logs",
        severity: "low",
        controls: { prowler: ["directoryservice_directory_log_forwarding_enabled"] },
        remediationSteps: "Add an aws.directoryservice.LogSubscription with a CloudWatch log group.",
        url: "https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_enable_log_forwarding.html",
        enforcementLevel: "advisory",
        subject: DIRECTORY,
        check: (_args, report, resources) => {
            const forwarded = new Set(resources.of(LOG_SUBSCRIPTION).map((r) => r.props.directoryId));
            for (const directory of resources.of(DIRECTORY).filter((r) => r.props.type === "MicrosoftAD")) {
                if (!forwarded.has(idOf(directory.props))) {
                    report(`Managed AD '${directory.props.name}' does not forward its logs`, directory.urn);
                }
            }
        },
    }),
];
