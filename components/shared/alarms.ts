import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ArgumentProblems } from "./errors";
import { childName } from "./naming";
import type { Tags } from "./tags";

/** One CloudWatch alarm: a metric above a threshold over 5-minute periods. */
export interface AlarmSpec {
    /** Suffix of the alarm's resource name. */
    role: string;
    description: string;
    namespace: string;
    metricName: string;
    dimensions: Record<string, pulumi.Input<string>>;
    statistic: "Average" | "Sum" | "Maximum" | "Minimum";
    threshold: number;
    /** @default 1 */
    evaluationPeriods?: number;
    /** Where the metric lives (CloudFront: us-east-1). @default - the provider's region */
    region?: string;
}

/** Where alarms notify: a created topic, an existing one, or nobody. */
export interface AlarmTarget {
    topic?: aws.sns.Topic;
    actions: pulumi.Input<string>[];
}

/** Records a conflict when both an existing topic and a created one are asked for. */
export function validateAlarmTarget(
    options: { createAlarmTopic?: boolean; alarmTopicArn?: unknown },
    path: string,
    problems: ArgumentProblems,
): void {
    problems.require(
        !(options.alarmTopicArn !== undefined && options.createAlarmTopic),
        `${path}createAlarmTopic`,
        `conflicts with \`${path}alarmTopicArn\`: use an existing topic or create one, not both`,
    );
}

/** The alarm topic: created when asked (in `region`), else the existing ARN, else none. */
export function alarmTarget(
    name: string,
    options: { createAlarmTopic?: boolean; alarmTopicArn?: pulumi.Input<string> },
    tags: Tags,
    parent: pulumi.Resource,
    region?: string,
): AlarmTarget {
    const topic = options.createAlarmTopic ? new aws.sns.Topic(childName(name, "alarms"), { region, tags }, { parent }) : undefined;
    const arn = topic?.arn ?? options.alarmTopicArn;
    return { topic, actions: arn ? [arn] : [] };
}

/**
 * A "greater than threshold" alarm that treats missing data as fine (no traffic is not an
 * incident) and notifies the target both when it fires and when it clears.
 */
export function createAlarm(name: string, spec: AlarmSpec, target: AlarmTarget, tags: Tags, parent: pulumi.Resource): aws.cloudwatch.MetricAlarm {
    return new aws.cloudwatch.MetricAlarm(
        childName(name, spec.role),
        {
            region: spec.region,
            alarmDescription: spec.description,
            namespace: spec.namespace,
            metricName: spec.metricName,
            dimensions: spec.dimensions,
            statistic: spec.statistic,
            period: 300,
            evaluationPeriods: spec.evaluationPeriods ?? 1,
            threshold: spec.threshold,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
            alarmActions: target.actions,
            okActions: target.actions,
            tags,
        },
        { parent },
    );
}
