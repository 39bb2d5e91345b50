import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, Tags } from "../shared";
import { Directory } from "./directory";
import type { DirectoryArgs } from "./directoryArgs";
import { EncryptionKey, EncryptionKeyArgs, validateEncryptionKeyArgs, validateKeyArn } from "./encryptionKey";
import { Monitoring, MonitoringArgs, validateMonitoringArgs } from "./monitoring";
import { PrefixedProblems } from "./prefixedProblems";
import { DirectoryUsers, DirectoryUsersConnection, noUserApi, PasswordMode, validateDirectoryUsersArgs } from "./provisioning/directoryUsers";
import { validateWorkspacesArgs, Workspaces, WorkspacesArgs, WorkspaceUserArgs } from "./userWorkspaces";
import { validateDirectoryArgs } from "./validateDirectory";
import { checkArguments } from "../arguments";

export const DESKTOP_ENVIRONMENT_TYPE = "aws-euc:workspaces:DesktopEnvironment";

/** How users are created in the directory (AWS Managed Microsoft AD with directory data access). */
export interface ProvisionUsersArgs {
    /** @default "initial" */
    passwords?: PasswordMode;
    /** With `initial` passwords: users must choose a new one at their first sign-in (`pwdLastSet` = 0). @default false */
    changePasswordAtFirstLogon?: boolean;
    /**
     * Let Pulumi delete users from the directory. Requires `retainWorkspaces: false`: a deleted
     * user's retained desktop would stay billed with nobody able to sign in. @default false
     */
    allowDelete?: boolean;
    /** MicrosoftAD edition, for the API's rate limits. @default - the directory's edition, else "Standard" */
    edition?: "Standard" | "Enterprise";
    /** The account, with an explicit aws provider. @default - the stack's aws configuration */
    connection?: DirectoryUsersConnection;
}

/** Arguments of {@link DesktopEnvironment}. */
export interface DesktopEnvironmentArgs {
    /** The directory and its registration (network in: two subnets of two AZs). */
    directory: Omit<DirectoryArgs, "tags">;
    /** A key created here (default) or an existing key's ARN in this region. */
    encryption?: EncryptionKeyArgs | { existingKeyArn: pulumi.Input<string> };
    /** Bundle and settings of every desktop. */
    desktops: WorkspacesArgs["defaults"];
    /** The users, each with a desktop. @minItems 1 */
    users: WorkspaceUserArgs[];
    /**
     * Create the users in the directory first (AWS Managed Microsoft AD with directory data
     * access only), with their first password. @default - users must already exist
     */
    provisionUsers?: ProvisionUsersArgs;
    /** @default - alarms and a dashboard */
    monitoring?: false | Omit<MonitoringArgs, "directoryId" | "tags">;
    /**
     * Keep workspaces on delete (and then the registration too: WorkSpaces refuses to deregister a
     * directory with workspaces). `pulumi destroy` then leaves desktops, users, registration,
     * directory and key in the account. Set false to terminate desktops on destroy. @default true
     */
    retainWorkspaces?: boolean;
    tags?: Tags;
}

/**
 * Checks every argument of the environment and of the parts it will create, at the paths the
 * user wrote, each fault once: nothing is registered when anything is wrong.
 */
export function validateDesktopEnvironmentArgs(args: DesktopEnvironmentArgs, problems: ArgumentProblems): void {
    const encryption = args.encryption ?? {};
    if ("existingKeyArn" in encryption) {
        validateKeyArn(encryption.existingKeyArn, "encryption.existingKeyArn", problems);
    } else {
        validateEncryptionKeyArgs(encryption, new PrefixedProblems(problems, "encryption."));
    }
    if (problems.require(args.directory !== undefined, "directory", "is required: the directory and its network")) {
        validateDirectoryArgs(args.directory, new PrefixedProblems(problems, "directory."));
    }
    validateWorkspacesArgs({ encryptionKeyArn: "", defaults: args.desktops, users: args.users ?? [] }, problems, { defaults: "desktops" });
    if (args.monitoring) {
        validateMonitoringArgs(args.monitoring, new PrefixedProblems(problems, "monitoring."));
    }
    const directory = args.directory?.directory;
    const created = directory && !("existingId" in directory) ? directory : undefined;
    const retainWorkspaces = args.retainWorkspaces ?? true;
    if (retainWorkspaces && created) {
        problems.require(
            args.directory.retainOnDelete !== false && args.directory.retainRegistration !== false,
            args.directory.retainOnDelete === false ? "directory.retainOnDelete" : "directory.retainRegistration",
            "retained workspaces keep the directory registered with WorkSpaces, so neither can be deleted: set retainWorkspaces: false to let destroy remove desktops, registration and directory",
        );
    }
    if (!args.provisionUsers) {
        return;
    }
    problems.require(directory?.type === "MicrosoftAD", "directory.directory.type", noUserApi(directory?.type));
    if (created?.type === "MicrosoftAD") {
        problems.require(
            created.enableDirectoryDataAccess === true,
            "directory.directory.enableDirectoryDataAccess",
            "must be true to provision users: the Directory Service Data API is off until directory data access is enabled",
        );
    }
    validateDirectoryUsersArgs({ ...args.provisionUsers, directoryType: directory?.type }, new PrefixedProblems(problems, "provisionUsers."), { users: false, directoryType: false });
    if (args.provisionUsers.allowDelete) {
        problems.require(
            !retainWorkspaces,
            "provisionUsers.allowDelete",
            "deleting users while their workspaces are retained leaves billed desktops nobody can sign in to; set retainWorkspaces: false as well",
        );
    }
}

/**
 * The WorkSpaces procedure in one go: key, directory and registration, directory users (when
 * possible), one encrypted workspace per user, monitoring. Each part is usable on its own.
 * Destroyed in this order: desktops, users, registration, directory (each retained by default).
 */
export class DesktopEnvironment extends pulumi.ComponentResource {
    public readonly key?: EncryptionKey;
    public readonly directory: Directory;
    public readonly directoryUsers?: DirectoryUsers;
    public readonly workspaces: Workspaces;
    public readonly monitoring?: Monitoring;
    public readonly directoryId: pulumi.Output<string>;
    public readonly registrationCode: pulumi.Output<string>;
    public readonly webClientUrl: string;
    public readonly clientDownloadUrl: string;
    /** Passwords of provisioned users (secret). */
    public readonly userPasswords?: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: DesktopEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments(DESKTOP_ENVIRONMENT_TYPE, name, args);
        // Validate before anything registers, the environment itself included.
        const problems = new ArgumentProblems(DESKTOP_ENVIRONMENT_TYPE, name);
        validateDesktopEnvironmentArgs(args, problems);
        problems.throwIfAny();
        super(DESKTOP_ENVIRONMENT_TYPE, name, {}, opts);
        const parent = { parent: this };
        const retainWorkspaces = args.retainWorkspaces ?? true;

        this.key = args.encryption && "existingKeyArn" in args.encryption ? undefined : new EncryptionKey(childName(name, "key"), { ...(args.encryption ?? {}), tags: args.tags }, parent);
        const keyArn = this.key?.arn ?? (args.encryption as { existingKeyArn: pulumi.Input<string> }).existingKeyArn;
        this.directory = new Directory(
            childName(name, "directory"),
            { ...args.directory, retainRegistration: retainWorkspaces ? true : args.directory.retainRegistration, tags: args.tags },
            parent,
        );
        // Users and workspaces take the registration's directoryId: they come after it, and go before it.
        const directoryId = this.directory.registration.directoryId;
        const created = "existingId" in args.directory.directory ? undefined : args.directory.directory;
        this.directoryUsers = args.provisionUsers
            ? new DirectoryUsers(
                  childName(name, "users"),
                  {
                      directoryId,
                      directoryType: this.directory.directoryType,
                      edition: args.provisionUsers.edition ?? created?.edition,
                      users: args.users.map((u) => ({ userName: u.userName, email: u.email, givenName: u.givenName, surname: u.surname })),
                      passwords: args.provisionUsers.passwords,
                      changePasswordAtFirstLogon: args.provisionUsers.changePasswordAtFirstLogon,
                      allowDelete: args.provisionUsers.allowDelete,
                      connection: args.provisionUsers.connection,
                  },
                  parent,
              )
            : undefined;
        this.workspaces = new Workspaces(
            childName(name, "workspaces"),
            {
                directoryId,
                encryptionKeyArn: keyArn,
                defaults: args.desktops,
                users: args.users,
                // Each desktop waits for its own user only.
                userResources: this.directoryUsers?.users,
                retainOnDelete: retainWorkspaces,
                tags: args.tags,
            },
            parent,
        );
        this.monitoring = args.monitoring === false ? undefined : new Monitoring(childName(name, "monitoring"), { ...(args.monitoring ?? {}), directoryId, tags: args.tags }, parent);

        this.directoryId = this.directory.directoryId;
        this.registrationCode = this.directory.registrationCode;
        this.webClientUrl = this.directory.webClientUrl;
        this.clientDownloadUrl = this.directory.clientDownloadUrl;
        this.userPasswords = this.directoryUsers?.passwords;
        this.registerOutputs({ directoryId: this.directoryId, registrationCode: this.registrationCode, userPasswords: this.userPasswords });
    }
}
