import { CONSOLE_SERVICE_ROLES } from "../cloud";
import type { AcceptedResource, AwsRule, RuleContext } from "./rule";

/*
 * WorkSpaces, Directory Service (and its Data API), IAM and KMS rules of AWS's, as the API
 * models state them (botocore `workspaces`, `ds`, `ds-data`, `kms` service-2.json: patterns,
 * lengths, enums, error shapes) and the WorkSpaces and Directory Service guides.
 */

const WORKSPACE = "aws:workspaces/workspace:Workspace";
const REGISTRATION = "aws:workspaces/directory:Directory";
const DS_DIRECTORY = "aws:directoryservice/directory:Directory";
const ROLE = "aws:iam/role:Role";
const DYNAMIC = "pulumi-nodejs:dynamic:Resource";

/** The role RegisterWorkspaceDirectory needs in the account (workspaces model, RegisterWorkspaceDirectory). */
export const WORKSPACES_DEFAULT_ROLE = "workspaces_DefaultRole";

/** Patterns of the models: workspaces `DirectoryId`, `SubnetId`, `BundleId`; ds `Password`, `DirectoryName`; ds-data `UserName`. */
export const PATTERNS = {
    workspacesDirectoryId: /^(d-[0-9a-f]{8,63}$)|(wsd-[0-9a-z]{8,63}$)/,
    subnetId: /^(subnet-([0-9a-f]{8}|[0-9a-f]{17}))$/,
    bundleId: /^wsb-[0-9a-z]{8,63}$/,
    dsPassword: /(?=^.{8,64}$)((?=.*\d)(?=.*[A-Z])(?=.*[a-z])|(?=.*\d)(?=.*[^A-Za-z0-9\s])(?=.*[a-z])|(?=.*[^A-Za-z0-9\s])(?=.*[A-Z])(?=.*[a-z])|(?=.*\d)(?=.*[A-Z])(?=.*[^A-Za-z0-9\s]))^.*/,
    dsDirectoryName: /^([a-zA-Z0-9]+[\\.-])+([a-zA-Z0-9])+$/,
    dsDataDirectoryId: /^d-[0-9a-f]{10}$/,
    dsDataUserName: /^[\w\-.]{1,20}$/,
} as const;

/** Compute types of the workspaces model's `Compute` enum that personal WorkSpaces take. */
const COMPUTE = [
    "VALUE", "STANDARD", "PERFORMANCE", "POWER", "GRAPHICS", "POWERPRO", "GENERALPURPOSE_4XLARGE", "GENERALPURPOSE_8XLARGE", "GRAPHICSPRO", "GRAPHICS_G4DN", "GRAPHICSPRO_G4DN",
    "GRAPHICS_G6_XLARGE", "GRAPHICS_G6_2XLARGE", "GRAPHICS_G6_4XLARGE", "GRAPHICS_G6_8XLARGE", "GRAPHICS_G6_16XLARGE", "GRAPHICS_GR6_4XLARGE", "GRAPHICS_GR6_8XLARGE",
];

const known = (v: unknown): v is string => typeof v === "string" && v.length > 0;
/** A secret input arrives wrapped (`{ <sig>: <secret sig>, value }`): the rule needs its value. */
const others = (ctx: RuleContext, type: string) => ctx.accepted.filter((r: AcceptedResource) => r.type === type);

/** Roles that exist in the account: the mock account's, and those created earlier in the plan. */
function roleExists(ctx: RuleContext, name: string): boolean {
    return (ctx.cloud.roles ?? CONSOLE_SERVICE_ROLES).includes(name) || others(ctx, ROLE).some((r) => r.inputs.name === name);
}

export const workspacesRules: AwsRule[] = [
    {
        types: [ROLE],
        description: "IAM role names are unique in an account (iam CreateRole: EntityAlreadyExists)",
        check(ctx) {
            const name = ctx.inputs.name;
            if (known(name) && roleExists(ctx, name)) {
                ctx.refuse("EntityAlreadyExists", `Role with name ${name} already exists.`);
            }
        },
    },
    {
        types: [REGISTRATION],
        description: "RegisterWorkspaceDirectory needs workspaces_DefaultRole in the account, a directory id, at most two subnets, one registration per directory (workspaces model)",
        check(ctx) {
            if (!roleExists(ctx, WORKSPACES_DEFAULT_ROLE)) {
                ctx.refuse("WorkspacesDefaultRoleNotFoundException", `The role ${WORKSPACES_DEFAULT_ROLE} is required to register a directory; create it first (it is not in a fresh account).`);
            }
            const id = ctx.inputs.directoryId;
            if (known(id) && !PATTERNS.workspacesDirectoryId.test(id)) {
                ctx.refuse("InvalidParameterValuesException", `The directory id ${id} does not match ${PATTERNS.workspacesDirectoryId}.`);
            }
            const subnets: unknown[] = ctx.inputs.subnetIds ?? [];
            if (subnets.length > 2) {
                ctx.refuse("InvalidParameterValuesException", `At most 2 subnets can be given; got ${subnets.length}.`);
            }
            for (const subnet of subnets.filter(known)) {
                if (!PATTERNS.subnetId.test(subnet)) {
                    ctx.refuse("InvalidParameterValuesException", `The subnet id ${subnet} does not match ${PATTERNS.subnetId}.`);
                }
            }
            if (known(id) && others(ctx, REGISTRATION).some((r) => r.inputs.directoryId === id && r.region === ctx.region)) {
                ctx.refuse("ResourceAlreadyExistsException", `The directory ${id} is already registered.`);
            }
        },
    },
    {
        types: [WORKSPACE],
        description: "CreateWorkspaces: bundle id and user name patterns, compute types, whole-hour auto-stop, accepted volume sizes, one workspace per user and directory (workspaces model, WorkSpaces guide)",
        check(ctx) {
            const { bundleId, userName, directoryId } = ctx.inputs;
            const properties = ctx.inputs.workspaceProperties ?? {};
            if (known(bundleId) && !PATTERNS.bundleId.test(bundleId)) {
                ctx.refuse("InvalidParameterValuesException", `The bundle id ${bundleId} does not match ${PATTERNS.bundleId}.`);
            }
            if (known(userName) && userName.length > 63) {
                ctx.refuse("InvalidParameterValuesException", `The user name ${userName} is longer than 63 characters.`);
            }
            if (known(properties.computeTypeName) && !COMPUTE.includes(properties.computeTypeName)) {
                ctx.refuse("InvalidParameterValuesException", `The compute type ${properties.computeTypeName} is not one of ${COMPUTE.join(", ")}.`);
            }
            const timeout = properties.runningModeAutoStopTimeoutInMinutes;
            if (typeof timeout === "number" && (timeout % 60 !== 0 || timeout < 60)) {
                ctx.refuse("InvalidParameterValuesException", `The auto-stop timeout ${timeout} is not a whole number of hours.`);
            }
            const root = properties.rootVolumeSizeGib;
            const user = properties.userVolumeSizeGib;
            if (typeof root === "number" && typeof user === "number") {
                const ok = root === 80 ? [10, 50, 100].includes(user) : root >= 175 && root <= 2000 && user >= 100 && user <= 2000;
                if (!ok) {
                    ctx.refuse("InvalidParameterValuesException", `The volume sizes root ${root} GiB and user ${user} GiB are not a supported combination.`);
                }
            }
            if (known(userName) && known(directoryId) && others(ctx, WORKSPACE).some((w) => w.inputs.directoryId === directoryId && String(w.inputs.userName).toLowerCase() === userName.toLowerCase())) {
                ctx.refuse("ResourceAlreadyExistsException", `The user ${userName} already has a WorkSpace in ${directoryId}.`);
            }
        },
    },
    {
        types: [DS_DIRECTORY],
        description: "CreateDirectory/CreateMicrosoftAD: directory name and Administrator password patterns, sizes and editions, directory data access for MicrosoftAD only (ds model)",
        check(ctx) {
            const { name, type, size, edition, enableDirectoryDataAccess } = ctx.inputs;
            const password = ctx.inputs.password;
            if (known(name) && !PATTERNS.dsDirectoryName.test(name)) {
                ctx.refuse("InvalidParameterException", `The directory name ${name} does not match ${PATTERNS.dsDirectoryName}.`);
            }
            if (known(password) && type !== "ADConnector" && !PATTERNS.dsPassword.test(password)) {
                ctx.refuse("InvalidParameterException", "The password must be 8–64 characters from at least three of: lower case, upper case, digits, other characters.");
            }
            if (known(size) && !["Small", "Large"].includes(size)) {
                ctx.refuse("InvalidParameterException", `The size ${size} is not Small or Large.`);
            }
            if (known(edition) && !["Standard", "Enterprise", "Hybrid"].includes(edition)) {
                ctx.refuse("InvalidParameterException", `The edition ${edition} is not Standard, Enterprise or Hybrid.`);
            }
            if (enableDirectoryDataAccess === true && type !== "MicrosoftAD") {
                ctx.refuse("UnsupportedOperationException", "Directory data access is available for AWS Managed Microsoft AD only.");
            }
        },
    },
    {
        types: ["aws:kms/alias:Alias"],
        description: "CreateAlias: alias/ names of [a-zA-Z0-9:/_-], not alias/aws/ (reserved), unique per account and region (kms model: AliasNameType, AlreadyExistsException)",
        check(ctx) {
            const name = ctx.inputs.name;
            if (!known(name)) {
                return;
            }
            if (!/^alias\/[a-zA-Z0-9:/_-]+$/.test(name) || name.length > 256 || name.startsWith("alias/aws/")) {
                ctx.refuse("InvalidAliasNameException", `Alias ${name} must begin with alias/, use only [a-zA-Z0-9:/_-], and not begin with alias/aws/.`);
            }
            if (others(ctx, "aws:kms/alias:Alias").some((a) => a.inputs.name === name && a.region === ctx.region)) {
                ctx.refuse("AlreadyExistsException", `An alias with the name arn:aws:kms:${ctx.region}:${ctx.cloud.account}:${name} already exists.`);
            }
        },
    },
    {
        types: [DYNAMIC],
        description: "Directory Service Data CreateUser: SAMAccountName 1–20 of [\\w-.], a 10-hex directory id, one user per name in a directory (ds-data model: UserName, DirectoryId, ConflictException)",
        check(ctx) {
            const { directoryId, userName } = ctx.inputs;
            if (!known(userName) || ctx.inputs.passwordMode === undefined) {
                return; // not a directory user
            }
            if (!PATTERNS.dsDataUserName.test(userName)) {
                ctx.refuse("ValidationException", `SAMAccountName ${userName} does not match ${PATTERNS.dsDataUserName}.`);
            }
            if (known(directoryId) && !PATTERNS.dsDataDirectoryId.test(directoryId)) {
                ctx.refuse("ValidationException", `DirectoryId ${directoryId} does not match ${PATTERNS.dsDataDirectoryId}.`);
            }
            if (known(directoryId) && others(ctx, DYNAMIC).some((u) => u.inputs.directoryId === directoryId && String(u.inputs.userName).toLowerCase() === userName.toLowerCase())) {
                ctx.refuse("ConflictException", `The user ${userName} already exists in ${directoryId}.`);
            }
        },
    },
];


/**
 * Refusals of deletes that depend on what is still there (workspaces model DeregisterWorkspaceDirectory:
 * "If any WorkSpaces are registered to this directory, you must remove them"; Directory Service
 * refuses to delete a directory still registered with WorkSpaces).
 */
export function deleteRefusal(step: { type: string; inputs: Record<string, any>; id?: string }, remaining: { type: string; inputs: Record<string, any>; id?: string }[]): string | undefined {
    if (step.type === REGISTRATION) {
        const left = remaining.filter((r) => r.type === WORKSPACE && r.inputs.directoryId === step.inputs.directoryId);
        if (left.length > 0) {
            return `InvalidResourceStateException: The directory ${step.inputs.directoryId} still has ${left.length} WorkSpace(s); remove them before deregistering it.`;
        }
    }
    if (step.type === DS_DIRECTORY) {
        if (remaining.some((r) => r.type === REGISTRATION && r.inputs.directoryId === step.id)) {
            return `ClientException: The directory ${step.id} is registered with WorkSpaces; deregister it before deleting it.`;
        }
    }
    return undefined;
}
