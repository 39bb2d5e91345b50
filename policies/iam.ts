import type { Policies } from "@pulumi/policy";
import { resourcePolicy } from "./define";
import { actionsOf, conditionValues, covers, principals, Statement, statementName, statementsOf } from "./documents";

const ROLE = "aws:iam/role:Role";

/** Allow statements of a trust policy that let a SAML provider assume the role. */
function samlTrusts(trustPolicy: unknown): { statement: Statement; name: string }[] {
    return statementsOf(trustPolicy).flatMap((statement, i) =>
        statement.Effect === "Allow" &&
        (covers(actionsOf(statement), "sts:AssumeRoleWithSAML") || principals(statement, "Federated").some((p) => p.includes(":saml-provider/")))
            ? [{ statement, name: statementName(statement, i) }]
            : [],
    );
}

/** A stack ARN with no wildcard: `arn:aws:appstream:eu-west-3:123456789012:stack/Name`. */
const ONE_STACK = /^arn:[^:]+:appstream:[^:]+:\d{12}:stack\/[^*?]+$/;

export const iamPolicies: Policies = [
    resourcePolicy({
        name: "iam-saml-audience",
        description:
            "A role that a SAML provider may assume must require the SAML:aud condition (the AWS sign-in endpoint), so that an assertion issued for another service provider cannot be replayed to AWS (stricter: no public control)",
        severity: "high",
        controls: {},
        remediationSteps: "Add Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } to every statement that allows sts:AssumeRoleWithSAML.",
        url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html",
        enforcementLevel: "mandatory",
        types: [ROLE],
        check: (props, report) => {
            for (const { statement, name } of samlTrusts(props.assumeRolePolicy)) {
                if (conditionValues(statement, "SAML:aud").length === 0) {
                    report(`${name} of the trust policy lets a SAML provider assume the role without a SAML:aud condition`);
                }
            }
        },
    }),
    resourcePolicy({
        name: "iam-appstream-stream-scope",
        description:
            "A SAML-federated role may stream AppStream only from named stacks (no wildcard) and only as the signed-in user (an appstream:userId condition), as AppStream's SAML guide sets it up (stricter: no public control)",
        severity: "high",
        controls: {},
        remediationSteps: "Limit the appstream:Stream statement to Resource: <the stack's ARN> and add Condition: { StringEquals: { 'appstream:userId': '${saml:sub}' } }.",
        url: "https://docs.aws.amazon.com/appstream2/latest/developerguide/external-identity-providers-setting-up-saml.html",
        enforcementLevel: "mandatory",
        types: [ROLE],
        check: (props, report) => {
            if (samlTrusts(props.assumeRolePolicy).length === 0) {
                return;
            }
            for (const inline of (props.inlinePolicies ?? []) as Record<string, any>[]) {
                statementsOf(inline.policy).forEach((statement, i) => {
                    if (statement.Effect !== "Allow" || !covers(actionsOf(statement), "appstream:Stream")) {
                        return;
                    }
                    const where = `${statementName(statement, i)} of inline policy '${inline.name ?? "(unnamed)"}'`;
                    const broad = [statement.Resource ?? "*"].flat().map(String).filter((r) => !ONE_STACK.test(r));
                    if (broad.length > 0) {
                        report(`${where} allows appstream:Stream on ${broad.join(", ")}; name the stack's ARN`);
                    }
                    if (conditionValues(statement, "appstream:userId").length === 0) {
                        report(`${where} allows appstream:Stream without an appstream:userId condition`);
                    }
                });
            }
        },
    }),
];
