import type { Policies } from "@pulumi/policy/policy";
import { resourcePolicy, securityHubUrl } from "./define";
import { actionsOf, ConditionEntry, conditionsOf, covers, listOf, parseDocument, principals, statementName, statementsOf, UNREADABLE, valuesFor } from "./documents";

const KEY = "aws:kms/key:Key";

/** Only symmetric encryption keys can rotate automatically; asymmetric and HMAC keys cannot. */
function isSymmetricEncryptionKey(props: Record<string, any>): boolean {
    const spec = props.keySpec ?? props.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
    return spec === "SYMMETRIC_DEFAULT" && (props.keyUsage ?? "ENCRYPT_DECRYPT") === "ENCRYPT_DECRYPT" && !props.customKeyStoreId;
}

const minimumWindow = (config: { minimumDays?: number }) => config.minimumDays ?? 30;

/** Whether a statement's principal is everyone (`*`, or `{ AWS: "*" }` among others). */
const toEveryone = (principal: unknown) =>
    principal === "*" || (typeof principal === "object" && principal !== null && listOf((principal as Record<string, unknown>).AWS).includes("*"));

/** Allow statements that grant to everyone (`*`) without any condition. */
export function openStatements(policy: unknown): Record<string, any>[] {
    const read = typeof policy === "string" ? parseDocument(policy) : policy;
    if (read === UNREADABLE) {
        return [];
    }
    const document = read as Record<string, any>;
    const statements = listOf(document?.Statement ?? []) as Record<string, any>[];
    return statements.filter((s) => s.Effect === "Allow" && toEveryone(s.Principal) && !s.Condition);
}

/** Actions that use a key (or hand its use on through a grant). */
const USE_ACTIONS = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant"];

/** The account's root principal (`arn:aws:iam::123456789012:root` or the bare account id): it delegates to IAM. */
const isAccountRoot = (principal: string) => /^arn:[^:]+:iam::\d{12}:root$/.test(principal) || /^\d{12}$/.test(principal);

/** Condition keys that keep a `*` principal inside one account or organization. */
const ACCOUNT_KEYS = ["kms:CallerAccount", "aws:PrincipalAccount", "aws:PrincipalOrgID"];

/** Problems of a service-scoped key policy: use granted beyond the account root without the service and account limits. */
function unscopedUse(policy: unknown): string[] {
    const statements = statementsOf(policy);
    // Each statement's conditions are read once, when first asked for.
    const conditions: ConditionEntry[][] = [];
    const conditionValues = (i: number, key: string) => valuesFor((conditions[i] ??= conditionsOf(statements[i])), key);
    // A key is meant to be service-scoped when its policy limits some use through kms:ViaService.
    if (!statements.some((_, i) => conditionValues(i, "kms:ViaService").length > 0)) {
        return [];
    }
    return statements.flatMap((statement, i) => {
        const grantees = principals(statement, "AWS").filter((p) => !isAccountRoot(p));
        const actions = actionsOf(statement);
        const used = USE_ACTIONS.filter((action) => covers(actions, action));
        if (statement.Effect !== "Allow" || grantees.length === 0 || used.length === 0) {
            return [];
        }
        const missing = [
            ...(conditionValues(i, "kms:ViaService").length === 0 ? ["kms:ViaService"] : []),
            ...(grantees.includes("*") && !ACCOUNT_KEYS.some((key) => conditionValues(i, key).length > 0) ? ["kms:CallerAccount"] : []),
        ];
        return missing.length > 0 ? [`${statementName(statement, i)} lets ${grantees.join(", ")} use the key (${used.join(", ")}) without ${missing.join(" or ")}`] : [];
    });
}

export const kmsPolicies: Policies = [
    resourcePolicy({
        name: "kms-key-rotation",
        description: "Symmetric customer-managed keys must rotate automatically (asymmetric and HMAC keys are skipped)",
        severity: "medium",
        controls: { securityHub: ["KMS.4"] },
        remediationSteps: "Set enableKeyRotation to true.",
        url: securityHubUrl("KMS.4"),
        enforcementLevel: "mandatory",
        types: [KEY],
        check: (props, report) => {
            if (isSymmetricEncryptionKey(props) && props.enableKeyRotation !== true) {
                report("automatic key rotation is off");
            }
        },
        fix: (props) => (isSymmetricEncryptionKey(props) && props.enableKeyRotation !== true ? { ...props, enableKeyRotation: true } : undefined),
    }),
    resourcePolicy({
        name: "kms-deletion-window",
        description: "Keys must wait at least a minimum number of days before deletion, so that a mistaken deletion can be cancelled",
        severity: "medium",
        controls: {},
        remediationSteps: "Set deletionWindowInDays to at least the configured minimum (30 by default, AWS's maximum).",
        url: "https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html",
        enforcementLevel: "mandatory",
        configSchema: { properties: { minimumDays: { type: "integer", minimum: 7, maximum: 30, default: 30 } } },
        types: [KEY],
        check: (props, report, args) => {
            const minimum = minimumWindow(args.getConfig());
            if (props.deletionWindowInDays !== undefined && props.deletionWindowInDays < minimum) {
                report(`deletionWindowInDays ${props.deletionWindowInDays} is below ${minimum}`);
            }
        },
        fix: (props, args) => {
            const minimum = minimumWindow(args.getConfig());
            return props.deletionWindowInDays !== undefined && props.deletionWindowInDays < minimum ? { ...props, deletionWindowInDays: minimum } : undefined;
        },
    }),
    resourcePolicy({
        name: "kms-no-public-principal",
        description: "Key policies must not allow the '*' principal without a condition",
        severity: "critical",
        controls: { securityHub: ["KMS.5"], checkov: ["CKV_AWS_33"] },
        remediationSteps: "Name the account or roles as principals, or add conditions such as aws:PrincipalAccount or kms:ViaService.",
        url: securityHubUrl("KMS.5"),
        enforcementLevel: "mandatory",
        types: [KEY],
        check: (props, report) => {
            for (const statement of openStatements(props.policy)) {
                report(`statement ${JSON.stringify(statement.Sid ?? "(no Sid)")} allows everyone without a condition`);
            }
        },
    }),
    resourcePolicy({
        name: "kms-no-lockout-bypass",
        description: "Keys must not skip the policy lockout safety check",
        severity: "high",
        controls: {},
        remediationSteps: "Remove bypassPolicyLockoutSafetyCheck (or set it to false).",
        url: "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#prevent-unmanageable-key",
        enforcementLevel: "mandatory",
        types: [KEY],
        check: (props, report) => {
            if (props.bypassPolicyLockoutSafetyCheck === true) {
                report("bypassPolicyLockoutSafetyCheck is true: the key could become unmanageable");
            }
        },
    }),
    resourcePolicy({
        name: "kms-service-scoped-use",
        description:
            "A key whose policy scopes use through kms:ViaService (as the WorkSpaces volume key does) must scope every grant of use that way: each statement letting principals other than the account root encrypt, decrypt or create grants needs kms:ViaService, and a '*' principal also kms:CallerAccount (stricter than Security Hub KMS.5)",
        severity: "high",
        controls: {},
        remediationSteps: "Add kms:ViaService (e.g. workspaces.<region>.amazonaws.com and ec2.<region>.amazonaws.com) and kms:CallerAccount (the account id) conditions to the statement, or remove it.",
        url: "https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service",
        enforcementLevel: "mandatory",
        types: [KEY],
        check: (props, report) => {
            for (const problem of unscopedUse(props.policy)) {
                report(problem);
            }
        },
    }),
];
