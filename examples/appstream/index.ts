import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
// In your own project: import { appstream } from "pulumi-aws-euc";
import { appstream } from "../../components";

const config = new pulumi.Config();

// A VPC with private subnets in two Availability Zones and one NAT gateway for updates.
const vpc = new awsx.ec2.Vpc("streaming", { numberOfAvailabilityZones: 2, natGateways: { strategy: "Single" } });

const environment = new appstream.StreamingEnvironment("excel", {
    network: { vpcId: vpc.vpcId, subnetIds: vpc.privateSubnetIds },
    // Steps 1–3: a builder on the latest Windows Server 2022 base image; install the app there,
    // then create the image named by `imageName` (see the imageBuilderSteps output).
    imageBuilder: { instanceType: "stream.standard.medium", image: { latestMatching: "^AppStream-WinServer2022-" } },
    // Step 4: the fleet streams the image, scaled on capacity utilization and business hours.
    fleet: {
        instanceType: "stream.standard.medium",
        image: { name: config.require("imageName") },
        capacity: { desiredInstances: 2 },
        scaling: {
            minCapacity: 1,
            maxCapacity: 10,
            schedules: [
                { name: "business-hours", schedule: "cron(0 8 ? * MON-FRI *)", timezone: "Europe/Paris", minCapacity: 4 },
                { name: "after-hours", schedule: "cron(0 19 ? * MON-FRI *)", timezone: "Europe/Paris", minCapacity: 1 },
            ],
        },
    },
    // Steps 4–5: home folders; users may upload but not download or copy out (the defaults).
    stack: { storageConnectors: [{ type: "HOMEFOLDERS" }] },
    users: {
        users: [
            { email: "ana.silva@example.com", firstName: "Ana", lastName: "Silva" },
            { email: "li.wei@example.com", firstName: "Li", lastName: "Wei" },
        ],
    },
    // Steps 6–7: alarms to a topic and a capacity dashboard.
    monitoring: { createAlarmTopic: true },
    tags: { app: "excel" },
});

export const fleetName = environment.fleetName;
export const stackName = environment.stackName;
export const imageBuilderSteps = environment.imageBuilderSteps;
export const testStreamingUrlCommand = environment.testStreamingUrlCommand;
