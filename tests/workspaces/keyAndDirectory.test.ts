import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { workspaces } from "../../components";
import { isSecret, MockEngine, unwrap } from "../engine";
import { MANAGED_AD, NETWORK, plan } from "./fixtures";

describe("workspaces.EncryptionKey", () => {
    it("rotates, waits 30 days before deletion, has an alias, and is retained on delete", async () => {
        const { engine, built } = await plan(() => new workspaces.EncryptionKey("desktops"));
        const key = engine.get("desktops-key", "aws:kms/key:Key");
        assert.deepEqual([key.inputs.enableKeyRotation, key.inputs.deletionWindowInDays, key.options.retainOnDelete], [true, 30, true]);
        assert.deepEqual(engine.inputsOf("desktops-alias"), { name: "alias/workspaces-desktops", targetKeyId: key.state.keyId });
        assert.equal(await unwrap(built.arn), key.state.arn);
    });

    it("lets WorkSpaces and EBS of this account and region use it, grants only for AWS resources, nothing broader", async () => {
        const policyIn = async (region: string) => {
            const engine = MockEngine.start({ config: { "aws:region": region } });
            new workspaces.EncryptionKey("desktops");
            await engine.settle();
            return JSON.parse(engine.inputsOf("desktops-key").policy);
        };
        const policy = await policyIn("ap-southeast-2");
        const [admin, use, grants] = policy.Statement;
        assert.deepEqual(admin, { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" });
        assert.deepEqual(use.Principal, { AWS: "*" });
        assert.deepEqual(use.Action, ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]);
        assert.deepEqual(use.Condition, { StringEquals: { "kms:CallerAccount": "123456789012", "kms:ViaService": ["workspaces.ap-southeast-2.amazonaws.com", "ec2.ap-southeast-2.amazonaws.com"] } });
        assert.deepEqual(grants.Action, ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]);
        assert.deepEqual(grants.Condition.Bool, { "kms:GrantIsForAWSResource": "true" });
        assert.equal(policy.Statement.length, 3);
        assert.deepEqual((await policyIn("eu-west-3")).Statement[1].Condition.StringEquals["kms:ViaService"], ["workspaces.eu-west-3.amazonaws.com", "ec2.eu-west-3.amazonaws.com"]);
    });

    it("can be deleted with the stack only by an explicit opt-out", async () => {
        const { engine } = await plan(() => new workspaces.EncryptionKey("tmp", { retainOnDelete: false, deletionWindowInDays: 7, alias: "tmp-desktops" }));
        assert.deepEqual([engine.get("tmp-key").options.retainOnDelete, engine.inputsOf("tmp-key").deletionWindowInDays, engine.inputsOf("tmp-alias").name], [false, 7, "alias/tmp-desktops"]);
    });
});

describe("workspaces.Directory", () => {
    it("creates AWS Managed Microsoft AD in the two subnets with a generated secret Administrator password, retained on delete", async () => {
        const { engine, built } = await plan(() => new workspaces.Directory("corp", { network: NETWORK, directory: MANAGED_AD }));
        const directory = engine.get("corp-directory", "aws:directoryservice/directory:Directory");
        assert.deepEqual(
            [directory.inputs.type, directory.inputs.name, directory.inputs.shortName, directory.inputs.edition, directory.inputs.enableDirectoryDataAccess, directory.inputs.vpcSettings],
            ["MicrosoftAD", "corp.example.com", "CORP", "Standard", true, { vpcId: NETWORK.vpcId, subnetIds: NETWORK.subnetIds }],
        );
        assert.equal(directory.options.retainOnDelete, true);
        assert.deepEqual(directory.secretInputs, ["password"]);
        const generated = engine.get("corp-admin-password", "random:index/randomPassword:RandomPassword");
        assert.deepEqual([generated.inputs.length, generated.inputs.minUpper, generated.inputs.minLower, generated.inputs.minNumeric, generated.inputs.minSpecial], [24, 2, 2, 2, 2]);
        assert.equal(directory.inputs.password, generated.state.result);
        assert.equal(await isSecret(built.adminPassword!), true);
        assert.equal(await unwrap(built.adminPassword!), generated.state.result);
    });

    it("registers it with WorkSpaces with secure defaults: restart only, no local admin, no internet, the seed's clients", async () => {
        const { engine, built } = await plan(() => new workspaces.Directory("corp", { network: NETWORK, directory: MANAGED_AD }));
        const registration = engine.get("corp-registration", "aws:workspaces/directory:Directory");
        assert.equal(registration.inputs.directoryId, engine.get("corp-directory").id);
        assert.deepEqual(registration.inputs.subnetIds, NETWORK.subnetIds);
        assert.deepEqual(registration.inputs.selfServicePermissions, { restartWorkspace: true, increaseVolumeSize: false, changeComputeType: false, switchRunningMode: false, rebuildWorkspace: false });
        assert.deepEqual(registration.inputs.workspaceCreationProperties, { userEnabledAsLocalAdministrator: false, enableInternetAccess: false, enableMaintenanceMode: true });
        assert.deepEqual(registration.inputs.workspaceAccessProperties, {
            deviceTypeWindows: "ALLOW",
            deviceTypeOsx: "ALLOW",
            deviceTypeIos: "ALLOW",
            deviceTypeAndroid: "ALLOW",
            deviceTypeLinux: "ALLOW",
            deviceTypeWeb: "ALLOW",
            deviceTypeChromeos: "DENY",
            deviceTypeZeroclient: "DENY",
        });
        assert.equal(await unwrap(built.registrationCode), registration.state.registrationCode);
        assert.deepEqual(await unwrap(built.dnsAddresses), ["10.0.1.10", "10.0.2.10"]);
        assert.equal(await unwrap(built.securityGroupId), registration.state.workspaceSecurityGroupId);
        assert.equal(built.webClientUrl, "https://clients.amazonworkspaces.com/webclient");
        assert.equal(built.clientDownloadUrl, "https://clients.amazonworkspaces.com/");
    });

    it("creates Simple AD and AD Connector with their own settings", async () => {
        const simple = await plan(() => new workspaces.Directory("simple", { network: NETWORK, directory: { type: "SimpleAD", name: "corp.example.com", size: "Large", adminPassword: pulumi.secret("Given-Passw0rd!") } }));
        const s = simple.engine.get("simple-directory");
        assert.deepEqual([s.inputs.type, s.inputs.size, s.inputs.edition, s.inputs.password], ["SimpleAD", "Large", undefined, "Given-Passw0rd!"]);
        assert.deepEqual(simple.engine.ofType("random:index/randomPassword:RandomPassword"), []);

        const connector = await plan(
            () =>
                new workspaces.Directory("onprem", {
                    network: NETWORK,
                    directory: { type: "ADConnector", name: "corp.example.com", dnsIps: ["10.10.0.10", "10.10.0.11"], serviceAccount: { userName: "svc-connector", password: "Svc-Passw0rd!" } },
                }),
        );
        const c = connector.engine.get("onprem-directory");
        assert.deepEqual([c.inputs.type, c.inputs.size, c.inputs.vpcSettings, c.inputs.password], ["ADConnector", "Small", undefined, "Svc-Passw0rd!"]);
        assert.deepEqual(c.inputs.connectSettings, { vpcId: NETWORK.vpcId, subnetIds: NETWORK.subnetIds, customerDnsIps: ["10.10.0.10", "10.10.0.11"], customerUsername: "svc-connector" });
        assert.deepEqual(c.secretInputs, ["password"]);
    });

    it("links an existing directory instead of creating one", async () => {
        const { engine, built } = await plan(() => new workspaces.Directory("corp", { network: NETWORK, directory: { existingId: "d-0123456789" } }));
        assert.deepEqual(engine.ofType("aws:directoryservice/directory:Directory"), []);
        assert.equal(engine.inputsOf("corp-registration").directoryId, "d-0123456789");
        assert.equal(await unwrap(built.directoryId), "d-0123456789");
    });

    it("adds IP access rules, RADIUS MFA, log forwarding and a private API endpoint when asked", async () => {
        const { engine } = await plan(
            () =>
                new workspaces.Directory("corp", {
                    network: NETWORK,
                    directory: MANAGED_AD,
                    ipAccessRules: [{ cidr: "203.0.113.0/24", description: "office" }],
                    radius: { servers: ["10.0.5.10"], sharedSecret: "radius-s3cret" },
                    logForwarding: { retentionInDays: 90 },
                    apiEndpoint: { clientCidrBlocks: ["10.0.0.0/16"] },
                    selfService: { increaseVolumeSize: true },
                    deviceAccess: { android: false },
                    creation: { defaultOu: "OU=WorkSpaces,DC=corp,DC=example,DC=com" },
                }),
        );
        const group = engine.get("corp-ip-group", "aws:workspaces/ipGroup:IpGroup");
        assert.deepEqual(group.inputs.rules, [{ source: "203.0.113.0/24", description: "office" }]);
        const registration = engine.get("corp-registration");
        assert.deepEqual(registration.inputs.ipGroupIds, [group.id]);
        assert.equal(registration.inputs.selfServicePermissions.increaseVolumeSize, true);
        assert.equal(registration.inputs.workspaceAccessProperties.deviceTypeAndroid, "DENY");
        assert.equal(registration.inputs.workspaceCreationProperties.defaultOu, "OU=WorkSpaces,DC=corp,DC=example,DC=com");

        assert.deepEqual(engine.ofType("aws:iam/role:Role"), [], "the account has workspaces_DefaultRole: none is created");
        assert.deepEqual(engine.invokesOf("aws:iam/getRoles:getRoles").map((i) => i.args), [{ nameRegex: "^workspaces_DefaultRole$" }]);

        const radius = engine.get("corp-radius", "aws:directoryservice/radiusSettings:RadiusSettings");
        assert.deepEqual([radius.inputs.radiusServers, radius.inputs.radiusPort, radius.inputs.authenticationProtocol, radius.secretInputs], [["10.0.5.10"], 1812, "MS-CHAPv2", ["sharedSecret"]]);

        const directoryId = engine.get("corp-directory").id;
        const logGroup = engine.get("corp-directory-logs", "aws:cloudwatch/logGroup:LogGroup");
        assert.deepEqual([logGroup.inputs.name, logGroup.inputs.retentionInDays, logGroup.options.retainOnDelete], [`/aws/directoryservice/${directoryId}`, 90, true]);
        assert.deepEqual(JSON.parse(engine.inputsOf("corp-directory-logs-policy").policyDocument).Statement[0].Principal, { Service: "ds.amazonaws.com" });
        assert.deepEqual(engine.inputsOf("corp-directory-log-subscription"), { directoryId, logGroupName: logGroup.state.name });

        const endpoint = engine.get("corp-api-endpoint", "aws:ec2/vpcEndpoint:VpcEndpoint");
        assert.equal(endpoint.inputs.serviceName, "com.amazonaws.eu-west-3.workspaces");
        assert.deepEqual(engine.inputsOf("corp-api-endpoint-sg").ingress.map((r: any) => [r.fromPort, r.cidrBlocks]), [[443, ["10.0.0.0/16"]]]);
    });
});
