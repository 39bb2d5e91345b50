import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, isEmail, oneOf, show, Tags } from "../shared";
import { validateKeyArn } from "./encryptionKey";
import {
    AUTO_STOP_MAX_MINUTES,
    AUTO_STOP_STEP_MINUTES,
    COMPUTE_TYPES,
    ComputeType,
    isVolumeCombination,
    RUNNING_MODES,
    RunningMode,
    USER_NAME,
} from "./limits";
import { checkArguments } from "../arguments";

export const WORKSPACES_TYPE = "aws-euc:workspaces:Workspaces";

/** A bundle (the desktop image and hardware): by id, or by name looked up once per distinct name. */
export type BundleArgs = { id: pulumi.Input<string> } | { name: string; /** @default "AMAZON" */ owner?: string };

/** Per-desktop settings; each overrides the component's defaults. */
export interface DesktopSettings {
    bundle?: BundleArgs;
    /** @default - the bundle's */
    computeType?: ComputeType;
    /** @default "AUTO_STOP" */
    runningMode?: RunningMode;
    /** AUTO_STOP only: idle minutes before stopping, a multiple of 60 up to 2880. @default 60 */
    autoStopTimeoutMinutes?: number;
    /** Root volume GiB: 80, or 175–2000. @default 80 */
    rootVolumeSizeGib?: number;
    /** User volume GiB: 10/50/100 with an 80 GiB root, else 100–2000. @default 50 */
    userVolumeSizeGib?: number;
}

/** A user's desktop, keyed by the user name (never by position). */
export interface WorkspaceUserArgs extends DesktopSettings {
    /** The directory user name (sAMAccountName), 1–20 characters. */
    userName: string;
    /** E-mail address (used when the user is provisioned in the directory). */
    email?: string;
    givenName?: string;
    surname?: string;
}

/** Arguments of {@link Workspaces}. */
export interface WorkspacesArgs {
    /** The registered directory (use `Directory.registration.directoryId` so the registration comes first). */
    directoryId: pulumi.Input<string>;
    /** The KMS key that encrypts root and user volumes (in this region). */
    encryptionKeyArn: pulumi.Input<string>;
    /** Bundle and settings of every desktop, unless a user overrides them. */
    defaults: DesktopSettings & { bundle: BundleArgs };
    users: WorkspaceUserArgs[];
    /**
     * Keep workspaces when they leave the program or the stack is destroyed: they hold users'
     * data. Set false to let `pulumi destroy` terminate them. @default true
     */
    retainOnDelete?: boolean;
    /** Also protect each workspace from deletion by Pulumi. @default false */
    protect?: boolean;
    tags?: Tags;
}

/** The stable key of a user: its lower-cased name. */
export const userKey = (userName: string) => userName.toLowerCase();

/**
 * One WorkSpace per user (seed steps 2–3, 5), keyed by user name so that adding or removing a user
 * never replaces another: root and user volumes encrypted with the key, AUTO_STOP by default,
 * bundles looked up once per distinct name. Retained on delete by default.
 */
export class Workspaces extends pulumi.ComponentResource {
    /** The workspaces by lower-cased user name. */
    public readonly workspaces: Record<string, aws.workspaces.Workspace>;
    /** Workspace ids by user name. */
    public readonly workspaceIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: WorkspacesArgs, opts?: pulumi.ComponentResourceOptions) {
        super(WORKSPACES_TYPE, name, {}, opts);
        checkArguments(WORKSPACES_TYPE, name, args);
        validateWorkspacesArgs(name, args);
        const tags = componentTags(WORKSPACES_TYPE, args.tags);
        const bundleIds = new Map<string, pulumi.Input<string>>();
        const bundleIdOf = (bundle: BundleArgs): pulumi.Input<string> => {
            if ("id" in bundle) {
                return bundle.id;
            }
            const owner = bundle.owner ?? "AMAZON";
            const key = `${owner}/${bundle.name}`;
            if (!bundleIds.has(key)) {
                bundleIds.set(key, aws.workspaces.getBundleOutput({ name: bundle.name, owner }, { parent: this }).id);
            }
            return bundleIds.get(key)!;
        };

        this.workspaces = {};
        for (const user of args.users) {
            const settings = { ...args.defaults, ...definedOnly(user) };
            const runningMode = settings.runningMode ?? "AUTO_STOP";
            this.workspaces[userKey(user.userName)] = new aws.workspaces.Workspace(
                childName(name, userKey(user.userName)),
                {
                    directoryId: args.directoryId,
                    bundleId: bundleIdOf(settings.bundle),
                    userName: user.userName,
                    rootVolumeEncryptionEnabled: true,
                    userVolumeEncryptionEnabled: true,
                    volumeEncryptionKey: args.encryptionKeyArn,
                    workspaceProperties: {
                        computeTypeName: settings.computeType,
                        runningMode,
                        runningModeAutoStopTimeoutInMinutes: runningMode === "AUTO_STOP" ? (settings.autoStopTimeoutMinutes ?? 60) : undefined,
                        rootVolumeSizeGib: settings.rootVolumeSizeGib ?? 80,
                        userVolumeSizeGib: settings.userVolumeSizeGib ?? 50,
                    },
                    tags: { ...tags, "aws-euc:user": user.userName },
                },
                // `dependsOn` given to the component holds for every workspace (e.g. the directory users).
                { parent: this, retainOnDelete: args.retainOnDelete ?? true, protect: args.protect ?? false, dependsOn: opts?.dependsOn },
            );
        }
        this.workspaceIds = pulumi.output(Object.fromEntries(Object.entries(this.workspaces).map(([k, w]) => [k, w.id])));
        this.registerOutputs({ workspaceIds: this.workspaceIds });
    }
}

function definedOnly<T extends object>(value: T): Partial<T> {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Checks one desktop's settings at `path`. */
function validateSettings(settings: DesktopSettings, path: string, problems: ArgumentProblems): void {
    if (settings.bundle) {
        const b = settings.bundle as Record<string, unknown>;
        problems.require(("id" in b) !== ("name" in b), `${path}bundle`, "set exactly one of `id` or `name`");
    }
    if (settings.computeType !== undefined) {
        problems.require((COMPUTE_TYPES as readonly string[]).includes(settings.computeType), `${path}computeType`, `${show(settings.computeType)} is not a WorkSpaces compute type; use one of ${oneOf(COMPUTE_TYPES)}`);
    }
    problems.requireOneOf<string>(settings.runningMode, RUNNING_MODES, `${path}runningMode`);
    if (settings.autoStopTimeoutMinutes !== undefined) {
        const t = settings.autoStopTimeoutMinutes;
        problems.require(
            Number.isInteger(t) && t >= AUTO_STOP_STEP_MINUTES && t <= AUTO_STOP_MAX_MINUTES && t % AUTO_STOP_STEP_MINUTES === 0,
            `${path}autoStopTimeoutMinutes`,
            `${show(t)} is not allowed; use a multiple of 60 from 60 to ${AUTO_STOP_MAX_MINUTES} minutes`,
        );
        problems.require(settings.runningMode !== "ALWAYS_ON", `${path}autoStopTimeoutMinutes`, "applies to AUTO_STOP only");
    }
}

function validateWorkspacesArgs(name: string, args: WorkspacesArgs): void {
    const problems = new ArgumentProblems(WORKSPACES_TYPE, name);
    validateKeyArn(args.encryptionKeyArn, "encryptionKeyArn", problems);
    problems.require(args.defaults?.bundle !== undefined, "defaults.bundle", "is required: every desktop needs a bundle ({ id } or { name })");
    validateSettings(args.defaults ?? {}, "defaults.", problems);
    const seen = new Set<string>();
    for (const [i, user] of (args.users ?? []).entries()) {
        const path = `users[${i}].`;
        if (problems.require(USER_NAME.test(user.userName ?? ""), `${path}userName`, `${show(user.userName)} is not a directory user name (1–20 letters, digits, '.', '_' or '-', starting with a letter or digit)`)) {
            problems.require(!seen.has(userKey(user.userName)), `${path}userName`, `${show(user.userName)} is listed twice (user names are case-insensitive)`);
            seen.add(userKey(user.userName));
        }
        if (user.email !== undefined) {
            problems.require(isEmail(user.email), `${path}email`, `${show(user.email)} is not an e-mail address`);
        }
        validateSettings(user, path, problems);
        const root = user.rootVolumeSizeGib ?? args.defaults?.rootVolumeSizeGib ?? 80;
        const userVolume = user.userVolumeSizeGib ?? args.defaults?.userVolumeSizeGib ?? 50;
        problems.require(
            isVolumeCombination(root, userVolume),
            `${path}rootVolumeSizeGib`,
            `root ${root} GiB with user ${userVolume} GiB is not accepted; use 80 with 10, 50 or 100, or a root of 175–2000 with a user volume of 100–2000`,
        );
    }
    problems.throwIfAny();
}
