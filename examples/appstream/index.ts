import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
// In your own project: import { appstream } from "pulumi-aws-euc";
import { appstream } from "../../components";

const config = new pulumi.Config();
// Unset on the first deployment: no image exists yet, so only the builder is deployed.
const imageName = config.get("imageName");

// A VPC with private subnets in two Availability Zones and one NAT gateway for updates.
const vpc = new awsx.ec2.Vpc("streaming", { numberOfAvailabilityZones: 2, natGateways: { strategy: "Single" } });

const environment = new appstream.StreamingEnvironment("excel", {
    network: { vpcId: vpc.vpcId, subnetIds: vpc.privateSubnetIds },
    // Steps 1–3 (first `pulumi up`): a builder on the Windows Server 2022 base image of the day
    // (later base images do not replace it); install the app there, then create the image
    // (see the imageBuilderSteps output) and `pulumi config set imageName <image>`.
    imageBuilder: { instanceType: "stream.standard.medium", image: { latestMatching: "^AppStream-WinServer2022-" } },
    ...(imageName
        ? {
              // Step 4 (second `pulumi up`): the fleet streams the image, scaled on capacity
              // utilization and business hours (the schedules own the minimum they move).
              fleet: {
                  instanceType: "stream.standard.medium",
                  image: { name: imageName },
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
              stack: { storageConnectors: [{ type: "HOMEFOLDERS" as const }] },
              users: {
                  users: [
                      { email: "ana.silva@example.com", firstName: "Ana", lastName: "Silva" },
                      { email: "li.wei@example.com", firstName: "Li", lastName: "Wei" },
                  ],
              },
              // Steps 6–7: alarms to a topic and a capacity dashboard.
              monitoring: { createAlarmTopic: true },
          }
        : {}),
    tags: { app: "excel" },
});

export const imageBuilderSteps = environment.imageBuilderSteps;
/** The fleet, stack and test command once the fleet is deployed (empty on the first deployment). */
export const streaming = {
    fleetName: environment.fleetName,
    stackName: environment.stackName,
    testStreamingUrlCommand: environment.testStreamingUrlCommand,
};
export const nextStep = imageName
    ? "To roll a new image: pulumi config set imageName <new image>; pulumi up (the fleet is not stopped)."
    : "Make the image in the builder (imageBuilderSteps), then: pulumi config set imageName <image>; pulumi up.";
