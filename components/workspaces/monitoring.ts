import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alarmTarget, validateAlarmTarget, ArgumentProblems, childName, componentTags, createAlarm, Tags, regionOf } from "../shared";
import { checkArguments } from "../arguments";

export const WORKSPACES_MONITORING_TYPE = "aws-euc:workspaces:Monitoring";

/** Arguments of {@link Monitoring}. */
export interface MonitoringArgs {
    directoryId: pulumi.Input<string>;
    /** Alarm when any workspace is unhealthy. @default true */
    unhealthy?: boolean;
    /** Alarm when connection failures in 5 minutes exceed this count. @default 5 */
    connectionFailures?: number;
    /** Alarm when the average session launch time exceeds these seconds. @default 60 */
    sessionLaunchSeconds?: number;
    /** Alarm when the average in-session latency exceeds these milliseconds. @default 250 */
    inSessionLatencyMs?: number;
    alarmTopicArn?: pulumi.Input<string>;
    /** @default false */
    createAlarmTopic?: boolean;
    /** @default true */
    dashboard?: boolean;
    tags?: Tags;
}

/** The WorkSpaces metrics charted and alarmed on, per directory. */
export const WORKSPACES_METRICS = ["Available", "Unhealthy", "ConnectionAttempt", "ConnectionFailure", "SessionLaunchTime", "InSessionLatency", "UserConnected", "Stopped"];

/** The dashboard body: health and connections, then user experience. */
export function workspacesDashboard(directoryId: string, region: string): string {
    const metric = (name: string, stat: string) => ["AWS/WorkSpaces", name, "DirectoryId", directoryId, { stat }];
    const widget = (x: number, title: string, metrics: unknown[]) => ({ type: "metric", x, y: 0, width: 12, height: 6, properties: { title, region, period: 300, metrics } });
    return JSON.stringify({
        widgets: [
            widget(0, "Health and connections", [metric("Available", "Maximum"), metric("Unhealthy", "Maximum"), metric("ConnectionAttempt", "Sum"), metric("ConnectionFailure", "Sum"), metric("UserConnected", "Maximum"), metric("Stopped", "Maximum")]),
            widget(12, "User experience", [metric("SessionLaunchTime", "Average"), metric("InSessionLatency", "Average")]),
        ],
    });
}

/** Checks the arguments of {@link Monitoring}. */
export function validateMonitoringArgs(args: Omit<MonitoringArgs, "directoryId">, problems: ArgumentProblems): void {
    problems.requireRange(args.connectionFailures, { min: 0, max: 100_000 }, "connectionFailures");
    problems.requireRange(args.sessionLaunchSeconds, { min: 1, max: 3600 }, "sessionLaunchSeconds", " seconds");
    problems.requireRange(args.inSessionLatencyMs, { min: 1, max: 60_000 }, "inSessionLatencyMs", " milliseconds");
    validateAlarmTarget(args, "", problems);
}

/**
 * Watching the desktops (seed step 6): alarms on unhealthy workspaces, connection failures,
 * slow session launches and in-session latency for the directory, an optional topic, a dashboard.
 */
export class Monitoring extends pulumi.ComponentResource {
    public readonly alarms: aws.cloudwatch.MetricAlarm[];
    public readonly topic?: aws.sns.Topic;
    public readonly dashboard?: aws.cloudwatch.Dashboard;

    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super(WORKSPACES_MONITORING_TYPE, name, {}, opts);
        checkArguments(WORKSPACES_MONITORING_TYPE, name, args);
        const problems = new ArgumentProblems(WORKSPACES_MONITORING_TYPE, name);
        validateMonitoringArgs(args, problems);
        problems.throwIfAny();

        const tags = componentTags(WORKSPACES_MONITORING_TYPE, args.tags);
        const target = alarmTarget(name, args, tags, this);
        this.topic = target.topic;
        const alarm = (role: string, metricName: string, statistic: "Maximum" | "Sum" | "Average", threshold: number, description: string) =>
            createAlarm(name, { role, description, namespace: "AWS/WorkSpaces", metricName, dimensions: { DirectoryId: args.directoryId }, statistic, threshold }, target, tags, this);
        this.alarms = [
            ...(args.unhealthy === false ? [] : [alarm("unhealthy", "Unhealthy", "Maximum", 0, "A workspace of the directory is unhealthy")]),
            alarm("connection-failures", "ConnectionFailure", "Sum", args.connectionFailures ?? 5, "Users fail to connect"),
            alarm("session-launch-time", "SessionLaunchTime", "Average", args.sessionLaunchSeconds ?? 60, "Sessions take long to start"),
            alarm("in-session-latency", "InSessionLatency", "Average", args.inSessionLatencyMs ?? 250, "Sessions are laggy"),
        ];
        const region = regionOf(this);
        this.dashboard =
            args.dashboard === false
                ? undefined
                : new aws.cloudwatch.Dashboard(
                      childName(name, "dashboard"),
                      { dashboardName: pulumi.interpolate`workspaces-${args.directoryId}`, dashboardBody: pulumi.all([args.directoryId, region]).apply(([id, r]) => workspacesDashboard(id, r)) },
                      { parent: this },
                  );
        this.registerOutputs({});
    }
}
