import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
// In your own project: import { workspaces } from "pulumi-aws-euc";
import { workspaces } from "../../components";

const config = new pulumi.Config();

// Network: private subnets in two Availability Zones (directory and desktops), one NAT gateway.
const vpc = new awsx.ec2.Vpc("desktops", { numberOfAvailabilityZones: 2, natGateways: { strategy: "Single" } });

const office = new workspaces.DesktopEnvironment("office", {
    // Step 4: AWS Managed Microsoft AD, with the data API on so that users can be created here.
    directory: {
        network: { vpcId: vpc.vpcId, subnetIds: [vpc.privateSubnetIds[0], vpc.privateSubnetIds[1]] },
        directory: { type: "MicrosoftAD", name: config.require("domain"), enableDirectoryDataAccess: true },
        ipAccessRules: [{ cidr: config.require("officeCidr"), description: "office" }],
        logForwarding: { retentionInDays: 365 },
    },
    // Steps 2–3: a Windows bundle, AUTO_STOP desktops, volumes encrypted with a created KMS key.
    desktops: { bundle: { name: "Standard with Windows 10 (Server 2022 based)" } },
    users: [
        { userName: "ana.silva", email: "ana.silva@example.com", givenName: "Ana", surname: "Silva" },
        { userName: "li.wei", email: "li.wei@example.com", givenName: "Li", surname: "Wei" },
        { userName: "sam.martin", email: "sam.martin@example.com", givenName: "Sam", surname: "Martin", computeType: "PERFORMANCE" },
    ],
    // Step 3: users are created in the directory with a generated first password (a secret output)
    // that an administrator hands over; Pulumi never resets it afterwards (see the README).
    provisionUsers: { passwords: "initial" },
    // Step 6: alarms to a topic, and a dashboard.
    monitoring: { createAlarmTopic: true },
    tags: { team: "finance" },
});

// Step 7: users install a client (or use the web client) and enter the registration code.
export const registrationCode = office.registrationCode;
export const webClientUrl = office.webClientUrl;
export const clientDownloadUrl = office.clientDownloadUrl;
export const firstPasswords = office.userPasswords;
