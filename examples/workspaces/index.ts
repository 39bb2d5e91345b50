import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
// In your own project: import { workspaces } from "pulumi-aws-euc";
import { workspaces } from "../../components";

export = async () => {
    const config = new pulumi.Config();

    // Network: private subnets in two Availability Zones that WorkSpaces supports in this region
    // (AZ names map to different zones in each account: the helper checks the AZ ids), one NAT gateway.
    const zones = (await workspaces.workspacesZoneNames()).slice(0, 2);
    const vpc = new awsx.ec2.Vpc("desktops", { availabilityZoneNames: zones, natGateways: { strategy: "Single" } });

    const office = new workspaces.DesktopEnvironment("office", {
        // Step 4: AWS Managed Microsoft AD, with the data API on so that users can be created here.
        directory: {
            network: { vpcId: vpc.vpcId, subnetIds: [vpc.privateSubnetIds[0], vpc.privateSubnetIds[1]] },
            directory: { type: "MicrosoftAD", name: config.require("domain"), enableDirectoryDataAccess: true },
            // A fresh account has no workspaces_DefaultRole: create it. If the account already has it
            // (WorkSpaces was used before, or another stack made it), use "existing" instead.
            defaultRole: (config.get("defaultRole") ?? "create") as "create" | "existing",
            ipAccessRules: [{ cidr: config.require("officeCidr"), description: "office" }],
            logForwarding: { retentionInDays: 365 },
        },
        // Steps 2–3: a Windows bundle (its compute type), AUTO_STOP desktops, volumes encrypted with a created KMS key.
        desktops: { bundle: { name: "Standard with Windows 10 (Server 2022 based)" } },
        users: [
            { userName: "ana.silva", email: "ana.silva@example.com", givenName: "Ana", surname: "Silva" },
            { userName: "li.wei", email: "li.wei@example.com", givenName: "Li", surname: "Wei" },
            { userName: "sam.martin", email: "sam.martin@example.com", givenName: "Sam", surname: "Martin", computeType: "PERFORMANCE" },
        ],
        // Step 3: users are created in the directory (once its data access is Enabled) with a generated
        // first password (a secret output) that an administrator hands over; Pulumi never resets it.
        provisionUsers: { passwords: "initial" },
        // Step 6: alarms to a topic, and a dashboard.
        monitoring: { createAlarmTopic: true },
        // Desktops, users, registration, directory and key are kept by `pulumi destroy` (see the README).
        tags: { team: "finance" },
    });

    // Step 7: users install a client (or use the web client) and enter the registration code.
    return {
        registrationCode: office.registrationCode,
        webClientUrl: office.webClientUrl,
        clientDownloadUrl: office.clientDownloadUrl,
        firstPasswords: office.userPasswords,
    };
};
