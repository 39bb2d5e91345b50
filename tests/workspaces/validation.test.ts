import * as assert from "node:assert/strict";
import { workspaces } from "../../components";
import { BUNDLE, errorOf, KEY_ARN, MANAGED_AD, NETWORK } from "./fixtures";

const lines = (header: string, ...problems: string[]) => `${header}\n${problems.map((p) => `  - ${p}`).join("\n")}`;
const DIR = "aws-euc:workspaces:Directory 'd' has invalid arguments:";
const WS = "aws-euc:workspaces:Workspaces 'w' has invalid arguments:";
const directoryError = (args: Partial<workspaces.DirectoryArgs>) => errorOf(() => new workspaces.Directory("d", { network: NETWORK, directory: MANAGED_AD, ...args }));
const workspacesError = (args: Partial<workspaces.WorkspacesArgs>) =>
    errorOf(() => new workspaces.Workspaces("w", { directoryId: "d-0000000001", encryptionKeyArn: KEY_ARN, defaults: { bundle: BUNDLE }, users: [{ userName: "ana" }], ...args }));

describe("workspaces components reject bad input at construction", () => {
    it("subnets not exactly two, or in one Availability Zone", () => {
        assert.equal(directoryError({ network: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"] } }), lines(DIR, "network.subnetIds: needs exactly two subnets in two Availability Zones; got 1"));
        assert.equal(
            directoryError({ network: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-b"] } }),
            lines(DIR, "network.subnetIds[1]: 'subnet-b' is not a subnet id (subnet- and 8 or 17 hexadecimal digits)"),
        );
        assert.equal(
            directoryError({ network: { ...NETWORK, availabilityZones: ["eu-west-3a", "eu-west-3a"] } }),
            lines(DIR, "network.availabilityZones: the two subnets must be in different Availability Zones; got 'eu-west-3a', 'eu-west-3a'"),
        );
    });

    it("an unknown directory type or size", () => {
        assert.equal(directoryError({ directory: { type: "OpenLDAP" as never, name: "corp.example.com" } }), lines(DIR, "directory.type: 'OpenLDAP' is not a directory type; use one of 'SimpleAD', 'MicrosoftAD', 'ADConnector'"));
        assert.equal(
            directoryError({ directory: { type: "SimpleAD", name: "corp.example.com", size: "Huge" as never, edition: "Enterprise" } }),
            lines(DIR, "directory.size: 'Huge' is not allowed; use one of 'Small', 'Large'", "directory.edition: applies to MicrosoftAD only"),
        );
    });

    it("an AD Connector without DNS IPs or service account", () => {
        assert.equal(
            directoryError({ directory: { type: "ADConnector", name: "corp.example.com" } }),
            lines(
                DIR,
                "directory.dnsIps: an AD Connector needs the IP addresses of your domain's DNS servers",
                "directory.serviceAccount: an AD Connector needs a service account of your domain ({ userName, password })",
            ),
        );
    });

    it("registration options that do not exist, and log forwarding on a directory that cannot", () => {
        assert.equal(
            directoryError({
                directory: { type: "SimpleAD", name: "corp.example.com" },
                selfService: { reboot: true } as never,
                deviceAccess: { blackberry: true } as never,
                ipAccessRules: [{ cidr: "office" }],
                logForwarding: {},
            }),
            lines(
                DIR,
                "ipAccessRules[0].cidr: 'office' is not an IPv4 CIDR block such as '203.0.113.0/24'",
                "selfService.reboot: is not a self-service permission; use one of 'restartWorkspace', 'increaseVolumeSize', 'changeComputeType', 'switchRunningMode', 'rebuildWorkspace'",
                "deviceAccess.blackberry: is not a device type; use one of 'windows', 'macos', 'ios', 'android', 'linux', 'web', 'chromeos', 'zeroClient'",
                "logForwarding: log forwarding exists for MicrosoftAD only; the directory is 'SimpleAD'",
            ),
        );
    });

    it("invalid user names or e-mails, and duplicate users", () => {
        assert.equal(
            workspacesError({ users: [{ userName: "ana silva" }, { userName: "li", email: "li-at-example.com" }, { userName: "LI" }] }),
            lines(
                WS,
                "users[0].userName: 'ana silva' is not a directory user name (1–20 letters, digits, '.', '_' or '-', starting with a letter or digit)",
                "users[1].email: 'li-at-example.com' is not an e-mail address",
                "users[2].userName: 'LI' is listed twice (user names are case-insensitive)",
            ),
        );
    });

    it("unknown compute type or running mode, bad auto-stop timeout, volume sizes WorkSpaces rejects", () => {
        assert.equal(
            workspacesError({
                defaults: { bundle: BUNDLE, computeType: "HUGE" as never },
                users: [{ userName: "ana", runningMode: "MANUAL" as never, autoStopTimeoutMinutes: 90, rootVolumeSizeGib: 100, userVolumeSizeGib: 50 }],
            }),
            lines(
                WS,
                "defaults.computeType: 'HUGE' is not a WorkSpaces compute type; use one of 'VALUE', 'STANDARD', 'PERFORMANCE', 'POWER', 'POWERPRO', 'GENERALPURPOSE_4XLARGE', 'GENERALPURPOSE_8XLARGE', 'GRAPHICS', 'GRAPHICSPRO', 'GRAPHICS_G4DN', 'GRAPHICSPRO_G4DN', 'GRAPHICS_G6_XLARGE', 'GRAPHICS_G6_2XLARGE', 'GRAPHICS_G6_4XLARGE', 'GRAPHICS_G6_8XLARGE', 'GRAPHICS_G6_16XLARGE', 'GRAPHICS_GR6_4XLARGE', 'GRAPHICS_GR6_8XLARGE'",
                "users[0].runningMode: 'MANUAL' is not allowed; use one of 'AUTO_STOP', 'ALWAYS_ON'",
                "users[0].autoStopTimeoutMinutes: 90 is not allowed; use a multiple of 60 from 60 to 2880 minutes",
                "users[0].rootVolumeSizeGib: root 100 GiB with user 50 GiB is not accepted; use 80 with 10, 50 or 100, or a root of 175–2000 with a user volume of 100–2000",
            ),
        );
    });

    it("a key ARN in another region", () => {
        assert.equal(
            workspacesError({ encryptionKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abc" }),
            lines(WS, "encryptionKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc' is in region 'us-east-1' but the stack deploys to 'eu-west-3'; WorkSpaces needs a key in its own region"),
        );
    });

    it("RADIUS on Simple AD, and provisioning without directory data access", () => {
        assert.equal(
            directoryError({ directory: { type: "SimpleAD", name: "corp.example.com" }, radius: { servers: ["10.0.0.5"], sharedSecret: "s" } }),
            lines(DIR, "radius: RADIUS MFA is available for MicrosoftAD and ADConnector directories, not SimpleAD"),
        );
        assert.equal(
            errorOf(
                () =>
                    new workspaces.DesktopEnvironment("e", {
                        directory: { network: NETWORK, directory: { type: "MicrosoftAD", name: "corp.example.com" } },
                        desktops: { bundle: BUNDLE },
                        users: [{ userName: "ana" }],
                        provisionUsers: {},
                    }),
            ),
            lines(
                "aws-euc:workspaces:DesktopEnvironment 'e' has invalid arguments:",
                "directory.directory.enableDirectoryDataAccess: must be true to provision users: the Directory Service Data API is off until directory data access is enabled",
            ),
        );
    });

    it("user provisioning on a directory type that cannot do it", () => {
        assert.equal(
            errorOf(() => new workspaces.DirectoryUsers("u", { directoryId: "d-0000000001", directoryType: "SimpleAD", users: [{ userName: "ana" }] })),
            lines(
                "aws-euc:workspaces:DirectoryUsers 'u' has invalid arguments:",
                "directoryType: 'SimpleAD' has no user API: only AWS Managed Microsoft AD (with enableDirectoryDataAccess) can create users. With Simple AD or AD Connector the users must already exist (create them with Active Directory tools, or in the WorkSpaces console, which e-mails an invitation)",
            ),
        );
    });
});
