import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, nameKey, show } from "../shared";
import type { CapacityArgs } from "./fleet";

/** A scheduled change of the capacity bounds, e.g. more instances during business hours. */
export interface ScheduleArgs {
    /** A name for the action, unique in the fleet (it keys the resource). */
    name: string;
    /** `cron(m h d M wd y)`, `rate(n units)` or `at(yyyy-mm-ddThh:mm:ss)`. */
    schedule: string;
    /** IANA time zone of the schedule, e.g. `Europe/Paris`. @default "UTC" */
    timezone?: string;
    minCapacity?: number;
    maxCapacity?: number;
}

/** Application Auto Scaling of a fleet. */
export interface ScalingArgs {
    /**
     * Fewest instances (sessions for multi-session fleets), 0–10000. Set when the target is
     * created; when a schedule sets `minCapacity`, later changes here are ignored (the schedules own it).
     */
    minCapacity: number;
    /** Most instances (sessions for multi-session fleets), 1–10000; owned by the schedules like `minCapacity`. */
    maxCapacity: number;
    /** Target capacity utilization in percent, 1–100, kept by target tracking. @default 75 */
    targetUtilizationPercent?: number;
    /** Seconds between scale-in steps. @default 900 (users' sessions end slowly) */
    scaleInCooldown?: number;
    /** Seconds between scale-out steps. @default 300 */
    scaleOutCooldown?: number;
    /**
     * Scheduled bound changes.
     * @example [{ name: "business-hours", schedule: "cron(0 8 ? * MON-FRI *)", timezone: "Europe/Paris", minCapacity: 5 }]
     */
    schedules?: ScheduleArgs[];
}

/** The scaling resources of a fleet. */
export interface FleetScaling {
    target: aws.appautoscaling.Target;
    policy: aws.appautoscaling.Policy;
    schedules: aws.appautoscaling.ScheduledAction[];
}

export const SCALABLE_DIMENSION = "appstream:fleet:DesiredCapacity";
export const SERVICE_NAMESPACE = "appstream";
export const CAPACITY_METRIC = "AppStreamAverageCapacityUtilization";

/**
 * The target's bounds that scheduled actions own: when a schedule sets `minCapacity` (or
 * `maxCapacity`), Pulumi keeps out of that bound after creation, so `pulumi up --refresh` after the
 * 08:00 schedule does not reset it. Change such a bound through the schedules, not `scaling`.
 */
export function scheduleOwnedBounds(args: ScalingArgs): ("minCapacity" | "maxCapacity")[] {
    const schedules = args.schedules ?? [];
    return (["minCapacity", "maxCapacity"] as const).filter((bound) => schedules.some((s) => s[bound] !== undefined));
}

/** Registers the fleet's desired capacity with Application Auto Scaling, with target tracking. */
export function createScaling(name: string, fleetName: pulumi.Output<string>, args: ScalingArgs, parent: pulumi.Resource): FleetScaling {
    const target = new aws.appautoscaling.Target(
        childName(name, "scaling-target"),
        {
            serviceNamespace: SERVICE_NAMESPACE,
            scalableDimension: SCALABLE_DIMENSION,
            resourceId: pulumi.interpolate`fleet/${fleetName}`,
            minCapacity: args.minCapacity,
            maxCapacity: args.maxCapacity,
        },
        // Scheduled actions move the bounds during the day: a refresh must not put them back.
        { parent, ignoreChanges: scheduleOwnedBounds(args) },
    );
    const policy = new aws.appautoscaling.Policy(
        childName(name, "scaling-policy"),
        {
            policyType: "TargetTrackingScaling",
            serviceNamespace: target.serviceNamespace,
            scalableDimension: target.scalableDimension,
            resourceId: target.resourceId,
            targetTrackingScalingPolicyConfiguration: {
                predefinedMetricSpecification: { predefinedMetricType: CAPACITY_METRIC },
                targetValue: args.targetUtilizationPercent ?? 75,
                scaleInCooldown: args.scaleInCooldown ?? 900,
                scaleOutCooldown: args.scaleOutCooldown ?? 300,
            },
        },
        { parent },
    );
    const schedules = (args.schedules ?? []).map(
        (schedule) =>
            new aws.appautoscaling.ScheduledAction(
                childName(name, "schedule", nameKey(schedule.name)),
                {
                    serviceNamespace: target.serviceNamespace,
                    scalableDimension: target.scalableDimension,
                    resourceId: target.resourceId,
                    schedule: schedule.schedule,
                    timezone: schedule.timezone ?? "UTC",
                    scalableTargetAction: { minCapacity: schedule.minCapacity, maxCapacity: schedule.maxCapacity },
                },
                { parent },
            ),
    );
    return { target, policy, schedules };
}

/** Checks bounds, the desired capacity against them, the target and every schedule. */
export function validateScaling(scaling: ScalingArgs | undefined, capacity: CapacityArgs | undefined, problems: ArgumentProblems): void {
    if (!scaling) {
        return;
    }
    problems.requireRange(scaling.minCapacity, { min: 0, max: 10_000 }, "scaling.minCapacity");
    problems.requireRange(scaling.maxCapacity, { min: 1, max: 10_000 }, "scaling.maxCapacity");
    problems.require(
        scaling.minCapacity <= scaling.maxCapacity,
        "scaling",
        `minCapacity ${scaling.minCapacity} is greater than maxCapacity ${scaling.maxCapacity}`,
    );
    const desired = capacity && ("desiredSessions" in capacity ? capacity.desiredSessions : capacity.desiredInstances);
    if (desired !== undefined) {
        problems.require(
            desired >= scaling.minCapacity && desired <= scaling.maxCapacity,
            "capacity",
            `desired capacity ${desired} is outside the scaling bounds [${scaling.minCapacity}, ${scaling.maxCapacity}]`,
        );
    }
    problems.requireRange(scaling.targetUtilizationPercent, { min: 1, max: 100 }, "scaling.targetUtilizationPercent", " percent");
    problems.requireRange(scaling.scaleInCooldown, { min: 0, max: 86_400 }, "scaling.scaleInCooldown", " seconds");
    problems.requireRange(scaling.scaleOutCooldown, { min: 0, max: 86_400 }, "scaling.scaleOutCooldown", " seconds");
    const seen = new Set<string>();
    for (const [i, schedule] of (scaling.schedules ?? []).entries()) {
        const path = `scaling.schedules[${i}]`;
        problems.require(!seen.has(nameKey(schedule.name)), `${path}.name`, `${show(schedule.name)} is used twice (or names the same resource as another); schedule names key their resources`);
        seen.add(nameKey(schedule.name));
        problems.require(
            /^(cron\(([^ )]+ ){5}[^ )]+\)|rate\(\d+ (minute|minutes|hour|hours|day|days)\)|at\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\))$/.test(schedule.schedule),
            `${path}.schedule`,
            `${show(schedule.schedule)} is not a schedule; use cron(m h d M wd y), rate(n units) or at(yyyy-mm-ddThh:mm:ss)`,
        );
        problems.require(
            schedule.minCapacity !== undefined || schedule.maxCapacity !== undefined,
            path,
            "set `minCapacity`, `maxCapacity` or both",
        );
        if (schedule.minCapacity !== undefined && schedule.maxCapacity !== undefined) {
            problems.require(
                schedule.minCapacity <= schedule.maxCapacity,
                path,
                `minCapacity ${schedule.minCapacity} is greater than maxCapacity ${schedule.maxCapacity}`,
            );
        }
    }
}
