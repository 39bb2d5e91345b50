import type { Policies, ResourceValidationArgs } from "@pulumi/policy";
import { resourcePolicy } from "./define";

/**
 * Stateful resources whose loss is not undone by a redeploy. The analyzer's resource options
 * carry `protect` but not `retainOnDelete` (@pulumi/policy 1.21, AnalyzerResourceOptions), so
 * these policies judge protection only. They are disabled by default: the components retain
 * keys, directories and workspaces (retainOnDelete) instead, which no policy can see. Turn them
 * on (advisory or mandatory) where `protect` is your organisation's rule.
 */
const STATEFUL = [
    { service: "kms", type: "aws:kms/key:Key", what: "KMS keys", loss: "data encrypted under the key becomes unreadable once its deletion window ends" },
    { service: "workspaces", type: "aws:workspaces/workspace:Workspace", what: "WorkSpaces", loss: "the user's volumes are deleted with the workspace" },
    { service: "directoryservice", type: "aws:directoryservice/directory:Directory", what: "Directory Service directories", loss: "a replaced directory has a new id, and every workspace registered to the old one is orphaned" },
];

const report = (args: ResourceValidationArgs, loss: string) =>
    `'${args.name}' is not protected: ${loss} (retainOnDelete, if set, is invisible to policies: set protect, or disable this policy where you rely on retainOnDelete)`;

export const statefulPolicies: Policies = STATEFUL.map(({ service, type, what, loss }) =>
    resourcePolicy({
        name: `${service}-protected`,
        description: `${what} should carry the protect option, so that no destroy or replacement deletes them by accident (stricter: no public control)`,
        severity: "medium",
        controls: {},
        remediationSteps: "Set the protect resource option (pulumi.CustomResourceOptions.protect, or the component's protect argument); unprotect deliberately before a planned deletion.",
        url: "https://www.pulumi.com/docs/iac/concepts/options/protect/",
        enforcementLevel: "disabled",
        types: [type],
        check: (_props, reportViolation, args) => {
            if (!args.opts.protect) {
                reportViolation(report(args, loss));
            }
        },
    }),
);
