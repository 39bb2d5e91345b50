import type { Policies, PolicyResource } from "@pulumi/policy/policy";
import { resourcePolicy, stackPolicy } from "./define";
import { dependsOn, peek } from "./relations";

const DIRECTORY = "aws:directoryservice/directory:Directory";
const WORKSPACES_DIRECTORY = "aws:workspaces/directory:Directory";
const RADIUS = "aws:directoryservice/radiusSettings:RadiusSettings";
const LOG_SUBSCRIPTION = "aws:directoryservice/logSubscription:LogSubscription";

/** Whether `resource` names `directory` in its directoryId: by its id when known, else by depending on it. */
function refersTo(resource: PolicyResource, directory: PolicyResource): boolean {
    const id = peek(() => directory.props.id);
    return dependsOn(resource, directory, "directoryId") || (id !== undefined && peek(() => resource.props.directoryId) === id);
}

export const directoryServicePolicies: Policies = [
    resourcePolicy({
        name: "directoryservice-radius-protocol",
        description: "RADIUS settings of a directory should authenticate with MS-CHAPv2, not PAP, CHAP or MS-CHAPv1",
        severity: "medium",
        controls: { prowler: ["directoryservice_radius_server_security_protocol"] },
        remediationSteps: "Set authenticationProtocol to 'MS-CHAPv2' (and configure the RADIUS server for it).",
        url: "https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_mfa.html",
        enforcementLevel: "advisory",
        types: [RADIUS],
        check: (props, report) => {
            if (props.authenticationProtocol !== "MS-CHAPv2") {
                report(`authenticationProtocol is ${JSON.stringify(props.authenticationProtocol ?? "unset")}; use 'MS-CHAPv2'`);
            }
        },
    }),
    stackPolicy({
        name: "directoryservice-radius-mfa",
        description: "Directories that WorkSpaces authenticates against should require RADIUS multi-factor authentication",
        severity: "medium",
        controls: {},
        remediationSteps: "Add aws.directoryservice.RadiusSettings (authenticationProtocol MS-CHAPv2) for the directory.",
        url: "https://docs.aws.amazon.com/workspaces/latest/adminguide/connect_mfa.html",
        enforcementLevel: "advisory",
        subject: DIRECTORY,
        check: (args, report) => {
            const registrations = args.resources.filter((r) => r.type === WORKSPACES_DIRECTORY);
            const radius = args.resources.filter((r) => r.type === RADIUS);
            for (const directory of args.resources.filter((r) => r.type === DIRECTORY && registrations.some((w) => refersTo(w, r)))) {
                if (!radius.some((r) => refersTo(r, directory))) {
                    report(`directory '${directory.props.name}' is used by WorkSpaces without RADIUS MFA`, directory.urn);
                }
            }
        },
    }),
    stackPolicy({
        name: "directoryservice-log-forwarding",
        description: "AWS Managed Microsoft AD directories should forward their security logs to CloudWatch Logs",
        severity: "low",
        controls: {},
        remediationSteps: "Add an aws.directoryservice.LogSubscription with a CloudWatch log group.",
        url: "https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_enable_log_forwarding.html",
        enforcementLevel: "advisory",
        subject: DIRECTORY,
        check: (args, report) => {
            const subscriptions = args.resources.filter((r) => r.type === LOG_SUBSCRIPTION);
            for (const directory of args.resources.filter((r) => r.type === DIRECTORY && r.props.type === "MicrosoftAD")) {
                if (!subscriptions.some((s) => refersTo(s, directory))) {
                    report(`Managed AD '${directory.props.name}' does not forward its logs`, directory.urn);
                }
            }
        },
    }),
];
