import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alarmTarget, validateAlarmTarget, ArgumentProblems, childName, componentTags, createAlarm, isPlain, parseArn, show, Tags, regionOf } from "../shared";
import { checkArguments } from "../arguments";

export const MONITORING_TYPE = "aws-euc:appstream:FleetMonitoring";

/** Arguments of {@link FleetMonitoring}. */
export interface FleetMonitoringArgs {
    fleetName: pulumi.Input<string>;
    stackName: pulumi.Input<string>;
    /** Alarm when capacity utilization exceeds this percentage, 1–100. @default 90 */
    capacityUtilizationPercent?: number;
    /** An existing SNS topic notified by the alarms (same region). */
    alarmTopicArn?: pulumi.Input<string>;
    /** Create an SNS topic for the alarms. @default false */
    createAlarmTopic?: boolean;
    /** Create a CloudWatch dashboard of the fleet's capacity. @default true */
    dashboard?: boolean;
    /**
     * The fleet is multi-session: chart the session-slot metrics (…UserSessionCapacity) instead of
     * the instance ones. The `StreamingEnvironment` sets it from the fleet's capacity. @default false
     */
    multiSession?: boolean;
    tags?: Tags;
}

/** The capacity metrics of a single-session fleet charted on the dashboard (instances). */
export const CAPACITY_METRICS = ["ActualCapacity", "InUseCapacity", "AvailableCapacity", "PendingCapacity"];
/** The capacity metrics of a multi-session fleet charted on the dashboard (session slots). */
export const SESSION_CAPACITY_METRICS = ["ActualUserSessionCapacity", "ActiveUserSessionCapacity", "AvailableUserSessionCapacity", "PendingUserSessionCapacity"];

/**
 * The dashboard's name: `appstream-<fleet>` with every character CloudWatch refuses in a dashboard
 * name (anything but letters, digits, `-` and `_`; a fleet name may hold `.`) turned into `-`.
 */
export function dashboardName(fleetName: string): string {
    return `appstream-${fleetName}`.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 255);
}

/** The dashboard body: one chart of the capacity metrics, one of utilization and failed session requests. */
export function dashboardBody(fleetName: string, region: string, multiSession = false): string {
    const metric = (name: string) => ["AWS/AppStream", name, "Fleet", fleetName];
    const capacity = multiSession ? SESSION_CAPACITY_METRICS : CAPACITY_METRICS;
    return JSON.stringify({
        widgets: [
            {
                type: "metric",
                x: 0,
                y: 0,
                width: 12,
                height: 6,
                properties: { title: `${fleetName} ${multiSession ? "session " : ""}capacity`, region, stat: "Average", period: 300, metrics: capacity.map(metric) },
            },
            {
                type: "metric",
                x: 12,
                y: 0,
                width: 12,
                height: 6,
                properties: { title: `${fleetName} utilization and refusals`, region, period: 300, metrics: [[...metric("CapacityUtilization"), { stat: "Average" }], [...metric("InsufficientCapacityError"), { stat: "Sum", yAxis: "right" }]] },
            },
        ],
    });
}

/**
 * Watching a fleet (seed steps 6–7): alarms when users are refused for lack of capacity and when
 * the fleet runs nearly full, an optional SNS topic, a capacity dashboard, and the CLI command
 * that creates a streaming URL for a test user.
 */
export class FleetMonitoring extends pulumi.ComponentResource {
    public readonly alarms: aws.cloudwatch.MetricAlarm[];
    public readonly topic?: aws.sns.Topic;
    public readonly dashboard?: aws.cloudwatch.Dashboard;
    /** `aws appstream create-streaming-url …` for a test user. */
    public readonly testStreamingUrlCommand: pulumi.Output<string>;

    constructor(name: string, args: FleetMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments(MONITORING_TYPE, name, args);
        // Checked before anything registers: a refused `pulumi up` creates nothing, not even this component.
        validateMonitoringArgs(name, args);
        super(MONITORING_TYPE, name, {}, opts);
        const tags = componentTags(MONITORING_TYPE, args.tags);
        const region = regionOf(this);
        const target = alarmTarget(name, args, tags, this);
        this.topic = target.topic;
        const alarm = (role: string, metricName: string, statistic: "Sum" | "Average", threshold: number, description: string) =>
            createAlarm(name, { role, description, namespace: "AWS/AppStream", metricName, dimensions: { Fleet: args.fleetName }, statistic, threshold }, target, tags, this);
        this.alarms = [
            alarm("insufficient-capacity", "InsufficientCapacityError", "Sum", 0, "Users were refused a session: the fleet had no free capacity"),
            alarm("capacity-utilization", "CapacityUtilization", "Average", args.capacityUtilizationPercent ?? 90, "The fleet is nearly full"),
        ];
        this.dashboard =
            args.dashboard === false
                ? undefined
                : new aws.cloudwatch.Dashboard(
                      childName(name, "dashboard"),
                      {
                          dashboardName: pulumi.output(args.fleetName).apply(dashboardName),
                          dashboardBody: pulumi.all([args.fleetName, region]).apply(([fleet, r]) => dashboardBody(fleet, r, args.multiSession ?? false)),
                      },
                      { parent: this },
                  );
        this.testStreamingUrlCommand = pulumi.interpolate`aws appstream create-streaming-url --stack-name ${args.stackName} --fleet-name ${args.fleetName} --user-id test-user --validity 300 --region ${region}`;
        this.registerOutputs({ testStreamingUrlCommand: this.testStreamingUrlCommand });
    }
}

/** Everything of the monitoring arguments but the fleet and stack (the composite wires them). */
export function checkMonitoringArgs(args: Omit<FleetMonitoringArgs, "fleetName" | "stackName">, problems: ArgumentProblems): void {
    problems.requireRange(args.capacityUtilizationPercent, { min: 1, max: 100 }, "capacityUtilizationPercent", " percent");
    validateAlarmTarget(args, "", problems);
    if (isPlain(args.alarmTopicArn)) {
        problems.require(parseArn(args.alarmTopicArn)?.service === "sns", "alarmTopicArn", `${show(args.alarmTopicArn)} is not an SNS topic ARN`);
    }
}

function validateMonitoringArgs(name: string, args: FleetMonitoringArgs): void {
    const problems = new ArgumentProblems(MONITORING_TYPE, name);
    checkMonitoringArgs(args, problems);
    problems.throwIfAny();
}
