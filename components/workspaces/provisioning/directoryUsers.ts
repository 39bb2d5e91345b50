import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ArgumentProblems, childName, isEmail, show } from "../../shared";
import { DirectoryType, USER_NAME } from "../limits";
import { DirectoryUserInputs, DirectoryUserProvider } from "./directoryUserProvider";
import { checkArguments } from "../../arguments";

export const DIRECTORY_USERS_TYPE = "aws-euc:workspaces:DirectoryUsers";

type Inputs<T> = { [K in keyof T]: pulumi.Input<T[K]> };

/** One user of an AWS Managed Microsoft AD, managed through the Directory Service Data API. */
export class DirectoryUser extends pulumi.dynamic.Resource {
    /** The user's security identifier in the directory. */
    public readonly sid!: pulumi.Output<string | undefined>;

    constructor(name: string, args: Inputs<DirectoryUserInputs>, opts?: pulumi.CustomResourceOptions) {
        super(new DirectoryUserProvider(), name, { ...args, sid: undefined, passwordFingerprint: undefined }, { ...opts, additionalSecretOutputs: ["password"] });
    }
}

/** How users get their first password. */
export type PasswordMode =
    /** A generated password, kept by Pulumi (a secret output); changing it in Pulumi resets it. */
    | "generated"
    /** A generated password set once at creation for the first sign-in, then left to the user. */
    | "initial"
    /** No password: the user cannot sign in until an administrator resets it. */
    | "none";

/** Arguments of {@link DirectoryUsers}. */
export interface DirectoryUsersArgs {
    directoryId: pulumi.Input<string>;
    /** The directory's type: only `MicrosoftAD` (with directory data access on) has a user API. */
    directoryType: DirectoryType | undefined;
    /** @default - the stack's `aws:region` */
    region?: pulumi.Input<string>;
    users: { userName: string; email?: string; givenName?: string; surname?: string }[];
    /** @default "initial" */
    passwords?: PasswordMode;
    /** Let Pulumi delete users it created. @default false */
    allowDelete?: boolean;
}

/**
 * Creates the directory users of AWS Managed Microsoft AD (seed step 3: "user details … generate
 * passwords or let users set them at first login"). Simple AD and AD Connector have no user API:
 * their users must already exist. Passwords are generated with @pulumi/random and set through
 * Directory Service's ResetUserPassword; see {@link PasswordMode}.
 */
export class DirectoryUsers extends pulumi.ComponentResource {
    public readonly users: Record<string, DirectoryUser>;
    /** Passwords by user name (secret), for `generated` and `initial`. */
    public readonly passwords: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: DirectoryUsersArgs, opts?: pulumi.ComponentResourceOptions) {
        super(DIRECTORY_USERS_TYPE, name, {}, opts);
        checkArguments(DIRECTORY_USERS_TYPE, name, args);
        validateDirectoryUsersArgs(name, args);
        const mode = args.passwords ?? "initial";
        const region = args.region ?? aws.getRegionOutput({}, { parent: this }).region;
        this.users = {};
        const passwords: Record<string, pulumi.Output<string>> = {};
        for (const user of args.users) {
            const key = user.userName.toLowerCase();
            const password =
                mode === "none"
                    ? undefined
                    : new random.RandomPassword(childName(name, key, "password"), { length: 20, minUpper: 2, minLower: 2, minNumeric: 2, minSpecial: 2, overrideSpecial: "!#%*()-_=+[]{}:?" }, { parent: this }).result;
            if (password) {
                passwords[user.userName] = password;
            }
            this.users[key] = new DirectoryUser(
                childName(name, key),
                {
                    region,
                    directoryId: args.directoryId,
                    userName: user.userName,
                    email: user.email,
                    givenName: user.givenName,
                    surname: user.surname,
                    password: password ? pulumi.secret(password) : undefined,
                    passwordMode: mode === "generated" ? "managed" : "initial",
                    allowDelete: args.allowDelete ?? false,
                },
                { parent: this },
            );
        }
        this.passwords = pulumi.secret(pulumi.output(passwords));
        this.registerOutputs({ passwords: this.passwords });
    }
}

function validateDirectoryUsersArgs(name: string, args: DirectoryUsersArgs): void {
    const problems = new ArgumentProblems(DIRECTORY_USERS_TYPE, name);
    problems.require(
        args.directoryType === "MicrosoftAD",
        "directoryType",
        `${show(args.directoryType ?? "unknown")} has no user API: only AWS Managed Microsoft AD (with enableDirectoryDataAccess) can create users. ` +
            "With Simple AD or AD Connector the users must already exist (create them with Active Directory tools, or in the WorkSpaces console, which e-mails an invitation)",
    );
    problems.requireOneOf<string>(args.passwords, ["generated", "initial", "none"], "passwords");
    const seen = new Set<string>();
    for (const [i, user] of args.users.entries()) {
        if (problems.require(USER_NAME.test(user.userName ?? ""), `users[${i}].userName`, `${show(user.userName)} is not a directory user name (1–20 letters, digits, '.', '_' or '-')`)) {
            problems.require(!seen.has(user.userName.toLowerCase()), `users[${i}].userName`, `${show(user.userName)} is listed twice`);
            seen.add(user.userName.toLowerCase());
        }
        if (user.email !== undefined) {
            problems.require(isEmail(user.email), `users[${i}].email`, `${show(user.email)} is not an e-mail address`);
        }
    }
    problems.throwIfAny();
}
