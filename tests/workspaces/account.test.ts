import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import { workspaces } from "../../components";
import { MockEngine, planOn } from "../engine";
import { FRESH_ACCOUNT, MANAGED_AD, NETWORK } from "./fixtures";

/** Every error a plan ran into (a check and AWS's refusal may both fire). */
async function planErrors(options: Parameters<typeof MockEngine.start>[0], build: () => unknown): Promise<string[]> {
    const engine = MockEngine.start(options);
    build();
    await engine.settle().catch(() => undefined);
    // One failed check rejects several derived promises: each message once.
    return [...new Set(engine.errors.map((e) => e.message))];
}

describe("workspaces: what a fresh account lacks", () => {
    it("defaultRole 'create' makes workspaces_DefaultRole with its two policies in the stack's partition, before registering", async () => {
        const { engine } = await planOn(FRESH_ACCOUNT, () => new workspaces.Directory("corp", { network: NETWORK, directory: MANAGED_AD, defaultRole: "create" }));
        const role = engine.get("corp-default-role", "aws:iam/role:Role");
        assert.equal(role.inputs.name, "workspaces_DefaultRole");
        assert.equal(role.inputs.managedPolicyArns, undefined, "no deprecated managedPolicyArns");
        assert.deepEqual(JSON.parse(role.inputs.assumeRolePolicy).Statement[0].Principal, { Service: "workspaces.amazonaws.com" });
        const attachments = engine.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment");
        assert.deepEqual(attachments.map((a) => [a.inputs.role, a.inputs.policyArn]), [
            ["workspaces_DefaultRole", "arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess"],
            ["workspaces_DefaultRole", "arn:aws:iam::aws:policy/AmazonWorkSpacesSelfServiceAccess"],
        ]);
        const registration = engine.get("corp-registration");
        assert.deepEqual([role.urn, ...attachments.map((a) => a.urn)].filter((u) => !registration.dependencies.includes(u)), [], "registration waits for the role and its policies");
        assert.deepEqual(engine.invokesOf("aws:iam/getRoles:getRoles"), [], "nothing to check when the role is created here");
    });

    it("by default the role must exist: a fresh account stops before registering, saying what to do", async () => {
        const errors = await planErrors(FRESH_ACCOUNT, () => new workspaces.Directory("corp", { network: NETWORK, directory: MANAGED_AD }));
        assert.ok(
            errors.includes(
                "the account has no IAM role workspaces_DefaultRole, which WorkSpaces needs to register a directory: set defaultRole: 'create' (in one stack per account), or create it once in the WorkSpaces console",
            ),
            errors.join("\n"),
        );
        assert.ok(errors.some((e) => e.startsWith('AWS would refuse aws:workspaces/directory:Directory "corp-registration": WorkspacesDefaultRoleNotFoundException')), errors.join("\n"));
    });

    it("creating the role where it exists is refused as IAM would (EntityAlreadyExists)", async () => {
        const errors = await planErrors({ ...FRESH_ACCOUNT, cloud: { roles: ["workspaces_DefaultRole"] } }, () => new aws.iam.Role("corp-default-role", { name: "workspaces_DefaultRole", assumeRolePolicy: "{}" }));
        assert.equal(errors[0], 'AWS would refuse aws:iam/role:Role "corp-default-role": EntityAlreadyExists: Role with name workspaces_DefaultRole already exists.');
    });

    it("subnets must be in Availability Zones (by id) that WorkSpaces supports in the region", async () => {
        const inUsEast1 = { config: { "aws:region": "us-east-1" }, cloud: { roles: ["workspaces_DefaultRole"] } };
        // The mock places subnet-…a in az2 and subnet-…b in az3: use1-az3 is not a WorkSpaces zone.
        const errors = await planErrors(inUsEast1, () => new workspaces.Directory("corp", { network: NETWORK, directory: MANAGED_AD }));
        assert.deepEqual(errors, [
            "WorkSpaces does not support the Availability Zone of subnet subnet-0bbbbbbbbbbbbbbbb (use1-az3) in us-east-1; use subnets in use1-az2, use1-az4, use1-az6 (AZ ids, the same in every account; see workspaces.workspacesZoneNames)",
        ]);
        // …c is in az1 (not supported either), …d in az2.
        const oneBad = { vpcId: NETWORK.vpcId, subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0cccccccccccccccc"] };
        assert.equal((await planErrors(inUsEast1, () => new workspaces.Directory("corp", { network: oneBad, directory: MANAGED_AD })))[0], "WorkSpaces does not support the Availability Zone of subnet subnet-0cccccccccccccccc (use1-az1) in us-east-1; use subnets in use1-az2, use1-az4, use1-az6 (AZ ids, the same in every account; see workspaces.workspacesZoneNames)");
        assert.deepEqual(workspaces.unsupportedSubnets("us-east-1", [{ id: "s-1", zoneId: "use1-az2" }, { id: "s-2", zoneId: "use1-az6" }]), []);
        assert.deepEqual(workspaces.unsupportedSubnets("eu-west-3", [{ id: "subnet-1", zoneId: "euw3-az9" }]), [], "regions not in the guide's table are not checked");
    });

    it("the helper lists this account's zone names WorkSpaces supports", async () => {
        MockEngine.start({ config: { "aws:region": "us-east-1" } });
        // The mock maps us-east-1a/b/c to use1-az1/2/3: only use1-az2 is supported.
        assert.deepEqual(await workspaces.workspacesZoneNames(), ["us-east-1b"]);
    });
});
