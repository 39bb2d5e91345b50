import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, isEmail, show, Tags, callerOf, regionOf } from "../shared";
import { USER_NAME_PART } from "./awsRules";
import { checkArguments } from "../arguments";

export const USERS_TYPE = "aws-euc:appstream:Users";

/** A user of the AppStream user pool, who signs in with an e-mailed temporary password. */
export interface PoolUserArgs {
    /** E-mail address: the user name and where AppStream sends the invitation. */
    email: string;
    /** Given name: ASCII letters, digits, `_`, `-` and spaces only (AppStream's CreateUser), up to 2048. */
    firstName?: string;
    /** Surname: ASCII letters, digits, `_`, `-` and spaces only (AppStream's CreateUser), up to 2048. */
    lastName?: string;
    /** E-mail the user an invitation with a temporary password. @default true */
    sendEmailNotification?: boolean;
}

/** SAML 2.0 federation: your identity provider assumes a role that may stream this stack only. */
export interface SamlArgs {
    /** ARN of the `aws.iam.SamlProvider` of your identity provider. */
    providerArn: pulumi.Input<string>;
}

/** Arguments of {@link Users}. */
export interface UsersArgs {
    /** The stack the users may stream. */
    stack: { name: pulumi.Input<string>; arn: pulumi.Input<string> };
    /** User-pool users, keyed by e-mail address. */
    users?: PoolUserArgs[];
    /** Federated access through SAML 2.0. */
    saml?: SamlArgs;
    tags?: Tags;
}

/** The policy that lets the federated role stream the one stack, as the signed-in user only. */
export function streamPolicy(stackArn: string): object {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Action: "appstream:Stream",
                Resource: stackArn,
                Condition: { StringEquals: { "appstream:userId": "${saml:sub}" } },
            },
        ],
    };
}

/** AWS partitions by region prefix: sign-in and relay-state domains differ outside the commercial one. */
export function partitionOfRegion(region: string): "aws" | "aws-cn" | "aws-us-gov" {
    return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
}

const SIGNIN_DOMAIN = { aws: "signin.aws.amazon.com", "aws-cn": "signin.amazonaws.cn", "aws-us-gov": "signin.amazonaws-us-gov.com" } as const;
const RELAY_DOMAIN_SUFFIX = { aws: "aws.amazon.com", "aws-cn": "amazonaws.cn", "aws-us-gov": "amazonaws-us-gov.com" } as const;

/**
 * The SAML audiences an identity provider may post to: the partition's sign-in endpoint and, in
 * the commercial partition, the regional one of the stack's region (IdPs set up for regional sign-in).
 */
export function samlAudiences(region: string): string[] {
    const partition = partitionOfRegion(region);
    const domain = SIGNIN_DOMAIN[partition];
    return partition === "aws" ? [`https://${domain}/saml`, `https://${region}.${domain}/saml`] : [`https://${domain}/saml`];
}

/** The trust policy of the federated role: AssumeRoleWithSAML from the provider, for the sign-in audiences of the region. */
export function samlTrustPolicy(providerArn: string, region: string): object {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Federated: providerArn },
                Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
                Condition: { StringEquals: { "SAML:aud": samlAudiences(region), "SAML:sub_type": "persistent" } },
            },
        ],
    };
}

/** The relay state your identity provider sends users to after sign-in (AppStream's endpoint of the region's partition). */
export function relayStateUrl(region: string, stackName: string, account: string): string {
    const domain = `appstream2.euc-sso.${region}.${RELAY_DOMAIN_SUFFIX[partitionOfRegion(region)]}`;
    return `https://${domain}/saml?stack=${encodeURIComponent(stackName)}&accountId=${account}`;
}

/**
 * Who may stream a stack (seed step 5): user-pool users with their stack association, and for
 * SAML federation the IAM role your identity provider assumes, limited to `appstream:Stream` on
 * this stack, plus the relay-state URL to configure in the identity provider.
 */
export class Users extends pulumi.ComponentResource {
    public readonly users: Record<string, aws.appstream.User>;
    public readonly associations: Record<string, aws.appstream.UserStackAssociation>;
    public readonly samlRole?: aws.iam.Role;
    public readonly relayStateUrl?: pulumi.Output<string>;
    /**
     * `<role ARN>,<provider ARN>`: the value of the `https://aws.amazon.com/SAML/Attributes/Role`
     * attribute your identity provider must send.
     */
    public readonly samlRoleAttribute?: pulumi.Output<string>;

    constructor(name: string, args: UsersArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments(USERS_TYPE, name, args);
        // Checked before anything registers: a refused `pulumi up` creates nothing, not even this component.
        validateUsersArgs(name, args);
        super(USERS_TYPE, name, {}, opts);
        this.users = {};
        this.associations = {};
        for (const user of args.users ?? []) {
            const key = user.email.toLowerCase();
            const created = new aws.appstream.User(
                childName(name, key),
                {
                    authenticationType: "USERPOOL",
                    userName: user.email,
                    firstName: user.firstName,
                    lastName: user.lastName,
                    sendEmailNotification: user.sendEmailNotification ?? true,
                },
                { parent: this },
            );
            this.users[key] = created;
            this.associations[key] = new aws.appstream.UserStackAssociation(
                childName(name, key, "stack"),
                {
                    authenticationType: created.authenticationType,
                    userName: created.userName,
                    stackName: args.stack.name,
                    sendEmailNotification: false,
                },
                { parent: this },
            );
        }
        if (args.saml) {
            const tags = componentTags(USERS_TYPE, args.tags);
            const region = regionOf(this);
            this.samlRole = new aws.iam.Role(
                childName(name, "saml-role"),
                {
                    description: `SAML users stream the AppStream stack of ${name}`,
                    assumeRolePolicy: pulumi.all([args.saml.providerArn, region]).apply(([arn, r]) => JSON.stringify(samlTrustPolicy(arn, r))),
                    inlinePolicies: [
                        { name: "stream-this-stack", policy: pulumi.output(args.stack.arn).apply((arn) => JSON.stringify(streamPolicy(arn))) },
                    ],
                    maxSessionDuration: 3600,
                    tags,
                },
                { parent: this },
            );
            const caller = callerOf(this);
            this.relayStateUrl = pulumi.all([region, args.stack.name, caller.accountId]).apply(([r, stack, account]) => relayStateUrl(r, stack, account));
            this.samlRoleAttribute = pulumi.interpolate`${this.samlRole.arn},${args.saml.providerArn}`;
        }
        this.registerOutputs({ relayStateUrl: this.relayStateUrl, samlRoleAttribute: this.samlRoleAttribute });
    }
}

/** A name in CreateUser's alphabet, suggested for one outside it: accents dropped, other signs removed. */
export function asciiName(value: string): string {
    return value
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[^A-Za-z0-9_\-\s]/g, "")
        .slice(0, USER_NAME_PART.max);
}

/** Everything of the users' arguments but the stack (the composite wires the stack). */
export function checkUsersArgs(args: Omit<UsersArgs, "stack">, problems: ArgumentProblems): void {
    const seen = new Set<string>();
    for (const [i, user] of (args.users ?? []).entries()) {
        const ok = problems.require(isEmail(user.email ?? ""), `users[${i}].email`, `${show(user.email)} is not an e-mail address; AppStream user-pool users sign in with their e-mail`);
        if (ok) {
            const key = user.email.toLowerCase();
            problems.require(!seen.has(key), `users[${i}].email`, `${show(user.email)} is listed twice`);
            seen.add(key);
        }
        for (const field of ["firstName", "lastName"] as const) {
            const value = user[field];
            if (value !== undefined) {
                const suggestion = asciiName(value);
                problems.require(
                    USER_NAME_PART.pattern.test(value) && value.length <= USER_NAME_PART.max,
                    `users[${i}].${field}`,
                    `${show(value)} is not accepted by AppStream: 1–${USER_NAME_PART.max} ASCII letters, digits, '_', '-' and spaces only` +
                        (suggestion ? `; write it ${show(suggestion)}` : ""),
                );
            }
        }
    }
}

function validateUsersArgs(name: string, args: UsersArgs): void {
    const problems = new ArgumentProblems(USERS_TYPE, name);
    problems.require(args.stack !== undefined, "stack", "is required: users are given access to a stack");
    checkUsersArgs(args, problems);
    problems.throwIfAny();
}
