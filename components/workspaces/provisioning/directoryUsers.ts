import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ArgumentProblems, childName, isEmail, show, partitionOf, regionOf } from "../../shared";
import { DirectoryType, USER_NAME } from "../limits";
import type { AssumeRole } from "./credentials";
import { DIRECTORY_USER_PROVIDER, DirectoryUserInputs, PROVIDER_MODULE } from "./directoryUserProvider";
import { DYNAMIC_RESOURCE_TYPE, PROVIDER_KEY, ProviderExport, providerText } from "../../shared/dynamicProvider";
import { checkArguments } from "../../arguments";

export const DIRECTORY_USERS_TYPE = "aws-euc:workspaces:DirectoryUsers";

type Inputs<T> = { [K in keyof T]: pulumi.Input<T[K]> };

/** Where {@link DIRECTORY_USER_PROVIDER} is exported, for the dynamic provider host to load it. */
const PROVIDER_EXPORT: ProviderExport = {
    provider: DIRECTORY_USER_PROVIDER,
    // Both kept in the state of every stack with provisioned users: never rename or remove them.
    specifier: "pulumi-aws-euc/providers/directory-user",
    exportName: "DIRECTORY_USER_PROVIDER",
    file: PROVIDER_MODULE,
};

/**
 * One user of an AWS Managed Microsoft AD, managed through the Directory Service Data API: a
 * dynamic resource (what `pulumi.dynamic.Resource` registers) whose provider is
 * {@link DIRECTORY_USER_PROVIDER}, loaded by the dynamic provider host from the installed package
 * (see {@link providerText}; serialized once per program when the package is run from its sources).
 */
export class DirectoryUser extends pulumi.CustomResource {
    /** The user's security identifier in the directory. */
    public readonly sid!: pulumi.Output<string | undefined>;

    constructor(name: string, args: Inputs<DirectoryUserInputs>, opts?: pulumi.CustomResourceOptions) {
        const props = { ...args, sid: undefined, passwordFingerprint: undefined, [PROVIDER_KEY]: providerText(PROVIDER_EXPORT) };
        super(DYNAMIC_RESOURCE_TYPE, name, props, { ...opts, additionalSecretOutputs: ["connection"] });
    }
}

/** How users get their first password. */
export type PasswordMode =
    /** A generated password, kept by Pulumi (a secret output); changing it in Pulumi resets it. */
    | "generated"
    /** A generated password set once at creation for the first sign-in, then left to the user. */
    | "initial"
    /**
     * No password: the user cannot sign in until an administrator resets it, or until the user
     * accepts the WorkSpaces invitation e-mail (sent from the WorkSpaces console only: there is no
     * API for it).
     */
    | "none";

/** Why a directory type cannot have users provisioned. */
export function noUserApi(type: DirectoryType | undefined): string {
    return (
        `${show(type ?? "unknown")} has no user API: only AWS Managed Microsoft AD (with enableDirectoryDataAccess) can create users. ` +
        "With Simple AD or AD Connector the users must already exist (create them with Active Directory tools, or in the WorkSpaces console, which e-mails an invitation)"
    );
}

export const PASSWORD_MODES: readonly PasswordMode[] = ["generated", "initial", "none"];

/**
 * The account the users are created in, when it is not the stack's default `aws` provider
 * (an explicit provider cannot be read by the program): the same settings as that provider.
 */
export interface DirectoryUsersConnection {
    profile?: string;
    accessKey?: pulumi.Input<string>;
    secretKey?: pulumi.Input<string>;
    sessionToken?: pulumi.Input<string>;
    assumeRoles?: AssumeRole[];
    /** The Directory Service Data endpoint, e.g. a FIPS or VPC endpoint. @default `https://ds-data.<region>.<partition DNS suffix>` */
    dsDataEndpoint?: string;
    /** The Directory Service endpoint (ResetUserPassword), e.g. a FIPS or VPC endpoint. @default - the SDK's for the region */
    directoryServiceEndpoint?: string;
}

/** Arguments of {@link DirectoryUsers}. */
export interface DirectoryUsersArgs {
    directoryId: pulumi.Input<string>;
    /** The directory's type: only `MicrosoftAD` (with directory data access on) has a user API. */
    directoryType: DirectoryType | undefined;
    /** MicrosoftAD edition: Standard allows 4 write calls per second, Enterprise 8. @default "Standard" */
    edition?: "Standard" | "Enterprise";
    /** @default - the stack's `aws:region` */
    region?: pulumi.Input<string>;
    /**
     * Credentials of the account. @default - the stack's `aws` configuration (`aws:profile`,
     * `aws:accessKey`/`aws:secretKey`/`aws:token`, `aws:assumeRoles`); required with an explicit aws provider
     */
    connection?: DirectoryUsersConnection;
    users: { userName: string; email?: string; givenName?: string; surname?: string }[];
    /** @default "initial" */
    passwords?: PasswordMode;
    /**
     * Require users to choose a new password at their first sign-in: after setting the first
     * password, `pwdLastSet` is set to 0 through the Directory Service Data API (`OtherAttributes`).
     * Only with `passwords: "initial"`. @default false
     */
    changePasswordAtFirstLogon?: boolean;
    /**
     * Let Pulumi delete users from the directory (when removed from the list, replaced, or on
     * destroy). Otherwise a removed user is only forgotten by Pulumi (`retainOnDelete`) and stays
     * in the directory. @default false
     */
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
        const problems = new ArgumentProblems(DIRECTORY_USERS_TYPE, name);
        validateDirectoryUsersArgs(args, problems, { users: true, directoryType: true });
        problems.require(
            args.connection !== undefined || this.getProvider("aws::") === undefined,
            "connection",
            "is required with an explicit aws provider: give the same profile, keys or roles, so that users are created in that provider's account",
        );
        problems.throwIfAny();
        const mode = args.passwords ?? "initial";
        const region = args.region ?? regionOf(this);
        const connection = this.connectionInput(args.connection);
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
                    connection,
                    directoryId: args.directoryId,
                    edition: args.edition ?? "Standard",
                    userName: user.userName,
                    email: user.email,
                    givenName: user.givenName,
                    surname: user.surname,
                    password: password ? pulumi.secret(password) : undefined,
                    passwordMode: mode === "generated" ? "managed" : "initial",
                    changePasswordAtFirstLogon: args.changePasswordAtFirstLogon ?? false,
                },
                // Without allowDelete a user leaving the list (or the stack) stays in the directory.
                { parent: this, retainOnDelete: !(args.allowDelete ?? false) },
            );
        }
        this.passwords = pulumi.secret(pulumi.output(passwords));
        this.registerOutputs({ passwords: this.passwords });
    }

    /** One connection value for all users: the stack's settings (or the given ones), secret. */
    private connectionInput(given: DirectoryUsersConnection | undefined): pulumi.Output<NonNullable<DirectoryUserInputs["connection"]>> {
        const settings = given ?? connectionFromStackConfig();
        const dnsSuffix = partitionOf(this).dnsSuffix;
        return pulumi.secret(
            pulumi.all([settings.accessKey, settings.secretKey, settings.sessionToken, dnsSuffix]).apply(([accessKey, secretKey, sessionToken, suffix]) =>
                JSON.parse(
                    JSON.stringify({
                        profile: settings.profile,
                        accessKey,
                        secretKey,
                        sessionToken,
                        assumeRoles: settings.assumeRoles,
                        dnsSuffix: suffix,
                        dsDataEndpoint: given?.dsDataEndpoint,
                        directoryServiceEndpoint: given?.directoryServiceEndpoint,
                    }),
                ),
            ),
        );
    }
}

/** What the stack's `aws` configuration says about credentials, secrets kept secret. */
export function connectionFromStackConfig(): { profile?: string; accessKey?: pulumi.Output<string>; secretKey?: pulumi.Output<string>; sessionToken?: pulumi.Output<string>; assumeRoles?: AssumeRole[] } {
    const config = new pulumi.Config("aws");
    const roles = config.getObject<AssumeRole[]>("assumeRoles") ?? (config.getObject<AssumeRole>("assumeRole") ? [config.getObject<AssumeRole>("assumeRole")!] : undefined);
    return {
        profile: config.get("profile"),
        accessKey: config.getSecret("accessKey"),
        secretKey: config.getSecret("secretKey"),
        sessionToken: config.getSecret("token"),
        assumeRoles: roles?.map((r) => ({ roleArn: r.roleArn, externalId: r.externalId, sessionName: r.sessionName })),
    };
}

/**
 * Checks the arguments of {@link DirectoryUsers}. A composite that checked the users and the
 * directory type itself turns those checks off, so that each fault is reported once.
 */
export function validateDirectoryUsersArgs(
    args: Omit<DirectoryUsersArgs, "directoryId" | "users"> & { users?: DirectoryUsersArgs["users"] },
    problems: ArgumentProblems,
    check: { users: boolean; directoryType: boolean },
): void {
    if (check.directoryType) {
        problems.require(args.directoryType === "MicrosoftAD", "directoryType", noUserApi(args.directoryType));
    }
    problems.requireOneOf<string>(args.passwords, PASSWORD_MODES, "passwords");
    problems.requireOneOf<string>(args.edition, ["Standard", "Enterprise"], "edition");
    if (args.changePasswordAtFirstLogon) {
        problems.require(
            (args.passwords ?? "initial") === "initial",
            "changePasswordAtFirstLogon",
            `applies to passwords: 'initial' only (got ${show(args.passwords)}): a managed password must not be changed by the user, and 'none' sets no password`,
        );
    }
    const useFips = new pulumi.Config("aws").getBoolean("useFipsEndpoint") ?? false;
    problems.require(
        !useFips || args.connection?.dsDataEndpoint !== undefined,
        "connection.dsDataEndpoint",
        "the stack uses FIPS endpoints (aws:useFipsEndpoint): give the Directory Service Data FIPS endpoint of the region, users are not created over a non-FIPS one",
    );
    if (!check.users) {
        return;
    }
    const seen = new Set<string>();
    for (const [i, user] of (args.users ?? []).entries()) {
        if (problems.require(USER_NAME.test(user.userName ?? ""), `users[${i}].userName`, `${show(user.userName)} is not a directory user name (1–20 letters, digits, '.', '_' or '-')`)) {
            problems.require(!seen.has(user.userName.toLowerCase()), `users[${i}].userName`, `${show(user.userName)} is listed twice`);
            seen.add(user.userName.toLowerCase());
        }
        if (user.email !== undefined) {
            problems.require(isEmail(user.email), `users[${i}].email`, `${show(user.email)} is not an e-mail address`);
        }
    }
}
