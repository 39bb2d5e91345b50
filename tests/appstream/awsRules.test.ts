import * as aws from "@pulumi/aws";
import * as assert from "node:assert/strict";
import { appstream } from "../../components";
import { FLEET_ARGS, NETWORK, plan } from "./fixtures";

/** Raw @pulumi/aws programs that AWS would refuse: the offline plan fails the same way. */
describe("the mock cloud refuses what AppStream refuses", () => {
    const vpcConfig = { subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"] };

    it("a second DirectoryConfig for one directory name: ResourceAlreadyExistsException", async () => {
        const config = (name: string, directoryName: string) =>
            new aws.appstream.DirectoryConfig(name, {
                directoryName,
                organizationalUnitDistinguishedNames: ["OU=AppStream,DC=corp,DC=example,DC=com"],
                serviceAccountCredentials: { accountName: "CORP\\svc", accountPassword: "x" },
            });
        await assert.rejects(
            plan(() => [config("builder-dc", "corp.example.com"), config("fleet-dc", "CORP.example.com")]),
            /^AwsRefusal: AWS would refuse aws:appstream\/directoryConfig:DirectoryConfig "fleet-dc": ResourceAlreadyExistsException: a DirectoryConfig for 'CORP.example.com' already exists \(created as "builder-dc"\)$/,
        );
        await assert.doesNotReject(plan(() => [config("a", "corp.example.com"), config("b", "lab.example.com")]));
    });

    it("a second fleet for one stack: LimitExceededException", async () => {
        await assert.rejects(
            plan(() => [
                new aws.appstream.FleetStackAssociation("old", { fleetName: "fleet-a", stackName: "stack" }),
                new aws.appstream.FleetStackAssociation("new", { fleetName: "fleet-b", stackName: "stack" }),
            ]),
            /"new": LimitExceededException: stack 'stack' is already associated with fleet 'fleet-a'; a stack takes one fleet$/,
        );
    });

    it("user names outside CreateUser's pattern: ValidationException", async () => {
        for (const firstName of ["Hélène", "O'Brien"]) {
            await assert.rejects(
                plan(() => new aws.appstream.User("u", { authenticationType: "USERPOOL", userName: "h@example.com", firstName })),
                new RegExp(`"u": ValidationException: firstName '${firstName}' must match \\^\\[A-Za-z0-9_\\\\-\\\\s\\]\\+\\$$`),
            );
        }
        await assert.doesNotReject(plan(() => new aws.appstream.User("u", { authenticationType: "USERPOOL", userName: "h@example.com", firstName: "Helene", lastName: "O Brien-Smith" })));
    });

    it("a wildcard embed domain, and a feedback URL over the provider's 100 characters", async () => {
        await assert.rejects(plan(() => new aws.appstream.Stack("s", { embedHostDomains: ["*.example.com"] })), /"s": ValidationException: embed host domain '\*\.example\.com' does not match the EmbedHostDomain pattern$/);
        const long = `https://example.com/${"f".repeat(81)}`;
        await assert.rejects(plan(() => new aws.appstream.Stack("s", { feedbackUrl: long })), /"s": ValidationException: feedback_url has 101 characters; the provider takes at most 100$/);
    });

    it("an xlarge standard image builder, and a retired graphics family for a fleet", async () => {
        await assert.rejects(
            plan(() => new aws.appstream.ImageBuilder("b", { instanceType: "stream.standard.xlarge", imageName: "AppStream-WinServer2022-10-08-2025", vpcConfig })),
            /"b": InvalidParameterCombinationException: CreateImageBuilder does not offer the instance type stream\.standard\.xlarge$/,
        );
        await assert.rejects(
            plan(() => new aws.appstream.Fleet("f", { instanceType: "stream.graphics-pro.4xlarge", imageName: "x", computeCapacity: { desiredInstances: 1 }, vpcConfig })),
            /"f": InvalidParameterCombinationException: CreateFleet does not offer the instance type stream\.graphics-pro\.4xlarge \(the stream\.graphics-pro family is retired\)$/,
        );
    });

    it("a fleet name outside the Name pattern, and a dashboard name with a dot", async () => {
        await assert.rejects(
            plan(() => new aws.appstream.Fleet("f", { name: "-excel", instanceType: "stream.standard.small", imageName: "x", computeCapacity: { desiredInstances: 1 } })),
            /"f": ValidationException: name '-excel' must match/,
        );
        await assert.rejects(
            plan(() => new aws.cloudwatch.Dashboard("d", { dashboardName: "appstream-excel.prod", dashboardBody: "{}" })),
            /"d": InvalidParameterInput: dashboard name 'appstream-excel\.prod' may hold only A-Z, a-z, 0-9, '-' and '_' \(up to 255\)$/,
        );
    });
});

describe("appstream parts used alone share a DirectoryConfig by passing it", () => {
    const join = { directoryName: "corp.example.com", organizationalUnit: "OU=AppStream,DC=corp,DC=example,DC=com", serviceAccount: { name: "CORP\\svc", password: "pw" } };
    const network = { ...NETWORK, securityGroupIds: ["sg-0dcdcdcdcdcdcdcdc"] };
    const builder = (domainJoin: appstream.DomainJoinArgs) => new appstream.ImageBuilder("b", { instanceType: "stream.standard.medium", image: { name: "x" }, network, domainJoin });

    it("two service accounts for one directory fail the plan as AWS would", async () => {
        await assert.rejects(
            plan(() => [builder(join), new appstream.Fleet("f", { ...FLEET_ARGS, network, domainJoin: join })]),
            /"f-directory-config": ResourceAlreadyExistsException: a DirectoryConfig for 'corp\.example\.com' already exists \(created as "b-directory-config"\)$/,
        );
    });

    it("the second part takes the first one's DirectoryConfig", async () => {
        const { engine } = await plan(() => {
            const b = builder(join);
            return new appstream.Fleet("f", { ...FLEET_ARGS, network, domainJoin: { directoryName: join.directoryName, organizationalUnit: join.organizationalUnit, directoryConfig: b.directoryConfig } });
        });
        const config = engine.get("b-directory-config");
        assert.equal(engine.ofType("aws:appstream/directoryConfig:DirectoryConfig").length, 1);
        assert.ok(engine.get("f-fleet").dependencies.includes(config.urn));
    });
});
