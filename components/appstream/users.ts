import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, isEmail, show, Tags } from "../shared";
import { checkArguments } from "../arguments";

export const USERS_TYPE = "aws-euc:appstream:Users";

/** A user of the AppStream user pool, who signs in with an e-mailed temporary password. */
export interface PoolUserArgs {
    /** E-mail address: the user name and where AppStream sends the invitation. */
    email: string;
    firstName?: string;
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

/** The trust policy of the federated role: AssumeRoleWithSAML from the provider, for the AWS sign-in audience. */
export function samlTrustPolicy(providerArn: string): object {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Federated: providerArn },
                Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
                Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml", "SAML:sub_type": "persistent" } },
            },
        ],
    };
}

/** The relay state your identity provider sends users to after sign-in. */
export function relayStateUrl(region: string, stackName: string, account: string): string {
    return `https://appstream2.euc-sso.${region}.aws.amazon.com/saml?stack=${encodeURIComponent(stackName)}&accountId=${account}`;
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

    constructor(name: string, args: UsersArgs, opts?: pulumi.ComponentResourceOptions) {
        super(USERS_TYPE, name, {}, opts);
        checkArguments(USERS_TYPE, name, args);
        validateUsersArgs(name, args);
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
            this.samlRole = new aws.iam.Role(
                childName(name, "saml-role"),
                {
                    description: `SAML users stream the AppStream stack of ${name}`,
                    assumeRolePolicy: pulumi.output(args.saml.providerArn).apply((arn) => JSON.stringify(samlTrustPolicy(arn))),
                    inlinePolicies: [
                        { name: "stream-this-stack", policy: pulumi.output(args.stack.arn).apply((arn) => JSON.stringify(streamPolicy(arn))) },
                    ],
                    maxSessionDuration: 3600,
                    tags,
                },
                { parent: this },
            );
            const caller = aws.getCallerIdentityOutput({}, { parent: this });
            const region = aws.getRegionOutput({}, { parent: this }).region;
            this.relayStateUrl = pulumi.all([region, args.stack.name, caller.accountId]).apply(([r, stack, account]) => relayStateUrl(r, stack, account));
        }
        this.registerOutputs({ relayStateUrl: this.relayStateUrl });
    }
}

function validateUsersArgs(name: string, args: UsersArgs): void {
    const problems = new ArgumentProblems(USERS_TYPE, name);
    problems.require(args.stack !== undefined, "stack", "is required: users are given access to a stack");
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
                problems.require(value.length > 0 && value.length <= 2048, `users[${i}].${field}`, "must be 1–2048 characters");
            }
        }
    }
    problems.throwIfAny();
}
