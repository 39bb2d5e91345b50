import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import { workspaces } from "../../components";
import { MockEngine } from "../engine";

const ACCOUNT = { config: { "aws:region": "eu-west-3" }, cloud: { roles: ["workspaces_DefaultRole"] } };

/** The refusal the mock cloud answers for a raw-resource program (the first error), or undefined. */
async function refusalOf(build: () => void, options = ACCOUNT): Promise<string | undefined> {
    const engine = MockEngine.start(options);
    build();
    await engine.settle().catch(() => undefined);
    return engine.errors[0]?.message;
}

const workspace = (name: string, overrides: Partial<aws.workspaces.WorkspaceArgs> = {}) =>
    new aws.workspaces.Workspace(name, {
        directoryId: "d-0123456789",
        bundleId: "wsb-93xk71ss4",
        userName: "ana",
        workspaceProperties: { computeTypeName: "STANDARD", runningMode: "AUTO_STOP", runningModeAutoStopTimeoutInMinutes: 60, rootVolumeSizeGib: 80, userVolumeSizeGib: 50 },
        ...overrides,
    });

describe("the mock cloud refuses what WorkSpaces, Directory Service and IAM would", () => {
    it("accepts a valid raw program", async () => {
        assert.equal(await refusalOf(() => workspace("w")), undefined);
    });

    it("workspaces: volume sizes, auto-stop hours, bundle id, one desktop per user", async () => {
        assert.equal(
            await refusalOf(() => workspace("w", { workspaceProperties: { rootVolumeSizeGib: 100, userVolumeSizeGib: 50 } })),
            'AWS would refuse aws:workspaces/workspace:Workspace "w": InvalidParameterValuesException: The volume sizes root 100 GiB and user 50 GiB are not a supported combination.',
        );
        assert.match(String(await refusalOf(() => workspace("w", { workspaceProperties: { runningModeAutoStopTimeoutInMinutes: 90 } }))), /InvalidParameterValuesException: The auto-stop timeout 90 is not a whole number of hours\.$/);
        assert.match(String(await refusalOf(() => workspace("w", { bundleId: "standard" }))), /InvalidParameterValuesException: The bundle id standard does not match/);
        assert.equal(
            await refusalOf(() => (workspace("a"), workspace("b", { userName: "ANA" }))),
            'AWS would refuse aws:workspaces/workspace:Workspace "b": ResourceAlreadyExistsException: The user ANA already has a WorkSpace in d-0123456789.',
        );
    });

    it("registration: the default role, at most two subnets, one registration per directory", async () => {
        const register = (name: string, subnetIds = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]) => new aws.workspaces.Directory(name, { directoryId: "d-0123456789", subnetIds });
        assert.match(String(await refusalOf(() => register("r"), { config: ACCOUNT.config, cloud: { roles: [] } })), /WorkspacesDefaultRoleNotFoundException/);
        assert.match(String(await refusalOf(() => register("r", ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb", "subnet-0cccccccccccccccc"]))), /InvalidParameterValuesException: At most 2 subnets can be given; got 3\.$/);
        assert.match(String(await refusalOf(() => (register("r1"), register("r2")))), /"r2": ResourceAlreadyExistsException: The directory d-0123456789 is already registered\.$/);
    });

    it("directory service: password complexity, data access on MicrosoftAD only; users unique by name", async () => {
        const directory = (password: string, type = "MicrosoftAD", enableDirectoryDataAccess = true) =>
            new aws.directoryservice.Directory("ad", { name: "corp.example.com", password, type, enableDirectoryDataAccess, vpcSettings: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] } });
        assert.match(String(await refusalOf(() => directory("password"))), /InvalidParameterException: The password must be 8–64 characters/);
        assert.match(String(await refusalOf(() => directory("Passw0rd!", "SimpleAD"))), /UnsupportedOperationException: Directory data access is available for AWS Managed Microsoft AD only\.$/);
        const user = (name: string, userName: string) => new workspaces.DirectoryUser(name, { region: "eu-west-3", directoryId: "d-0123456789", userName, passwordMode: "initial" });
        assert.match(String(await refusalOf(() => (user("a", "ana"), user("b", "Ana")))), /"b": ConflictException: The user Ana already exists in d-0123456789\.$/);
        assert.match(String(await refusalOf(() => user("c", "a-name-longer-than-twenty"))), /ValidationException: SAMAccountName a-name-longer-than-twenty does not match/);
    });

    it("kms: alias names and their uniqueness per region", async () => {
        const alias = (name: string, alias: string) => new aws.kms.Alias(name, { name: alias, targetKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" });
        assert.match(String(await refusalOf(() => alias("a", "alias/aws/workspaces"))), /InvalidAliasNameException/);
        assert.equal(
            await refusalOf(() => (alias("a", "alias/workspaces-office"), alias("b", "alias/workspaces-office"))),
            'AWS would refuse aws:kms/alias:Alias "b": AlreadyExistsException: An alias with the name arn:aws:kms:eu-west-3:123456789012:alias/workspaces-office already exists.',
        );
    });
});
