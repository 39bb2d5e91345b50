import { ArgumentProblems, isPlain, oneOf, show } from "../shared";
import type { DistributionArgs, HttpOriginArgs, OriginArgs } from "./distributionArgs";
import {
    FAILOVER_STATUS_CODES,
    ORIGIN_CONNECTION_ATTEMPTS,
    ORIGIN_CONNECTION_TIMEOUT,
    ORIGIN_KEEPALIVE_TIMEOUT,
    ORIGIN_PROTOCOL_POLICIES,
    ORIGIN_READ_TIMEOUT,
    ORIGIN_SHIELD_REGIONS,
    ORIGIN_SSL_PROTOCOLS,
} from "./limits";

const ORIGIN_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Checks origins and origin groups: keys, one kind per origin, ranges, group members. */
export function validateOrigins(args: DistributionArgs, problems: ArgumentProblems): void {
    const origins = Object.entries(args.origins ?? {});
    problems.require(origins.length > 0, "origins", "at least one origin is required");
    for (const [key, origin] of origins) {
        validateOrigin(`origins.${key}`, key, origin, problems);
    }
    for (const [key, group] of Object.entries(args.originGroups ?? {})) {
        const path = `originGroups.${key}`;
        problems.require(
            ORIGIN_KEY.test(key),
            path,
            `key ${show(key)} must be 1–64 letters, digits, '.', '_' or '-'`,
        );
        problems.require(
            !(key in (args.origins ?? {})),
            path,
            `key ${show(key)} is already an origin key; origin and group keys must differ`,
        );
        for (const member of ["primary", "secondary"] as const) {
            problems.require(
                group[member] in (args.origins ?? {}),
                `${path}.${member}`,
                `${show(group[member])} is not an origin key; use one of ${oneOf(origins.map(([k]) => k))}`,
            );
        }
        problems.require(
            group.primary !== group.secondary,
            path,
            `primary and secondary are both ${show(group.primary)}; failover needs two different origins`,
        );
        if (group.failoverStatusCodes !== undefined) {
            problems.require(group.failoverStatusCodes.length > 0, `${path}.failoverStatusCodes`, "must list at least one status code, e.g. [500, 502, 503, 504]");
        }
        for (const [i, code] of (group.failoverStatusCodes ?? []).entries()) {
            problems.require(
                (FAILOVER_STATUS_CODES as readonly number[]).includes(code),
                `${path}.failoverStatusCodes[${i}]`,
                `${show(code)} cannot trigger failover; allowed: ${oneOf(FAILOVER_STATUS_CODES)}`,
            );
        }
    }
}

function validateOrigin(path: string, key: string, origin: OriginArgs, problems: ArgumentProblems): void {
    problems.require(ORIGIN_KEY.test(key), path, `key ${show(key)} must be 1–64 letters, digits, '.', '_' or '-'`);
    const kinds = ["s3" in origin, "http" in origin].filter(Boolean).length;
    if (!problems.require(kinds === 1, path, "set exactly one of `s3` (a bucket) or `http` (a custom origin)")) {
        return;
    }
    if (origin.originPath !== undefined) {
        problems.require(
            /^\/[^\s]*[^/\s]$/.test(origin.originPath),
            `${path}.originPath`,
            `${show(origin.originPath)} must start with '/' and not end with '/', e.g. '/production'`,
        );
    }
    problems.requireRange(origin.connectionAttempts, ORIGIN_CONNECTION_ATTEMPTS, `${path}.connectionAttempts`);
    problems.requireRange(origin.connectionTimeout, ORIGIN_CONNECTION_TIMEOUT, `${path}.connectionTimeout`);
    if (origin.originShieldRegion !== undefined) {
        problems.require(
            (ORIGIN_SHIELD_REGIONS as readonly string[]).includes(origin.originShieldRegion),
            `${path}.originShieldRegion`,
            `${show(origin.originShieldRegion)} has no Origin Shield; use the one nearest the origin among ${oneOf(ORIGIN_SHIELD_REGIONS)}`,
        );
    }
    if ("http" in origin) {
        validateHttpOrigin(`${path}.http`, origin.http, problems);
    }
}

function validateHttpOrigin(path: string, http: HttpOriginArgs["http"], problems: ArgumentProblems): void {
    if (isPlain(http.domainName)) {
        problems.require(
            /^[A-Za-z0-9.-]+$/.test(http.domainName),
            `${path}.domainName`,
            `${show(http.domainName)} must be a bare domain name, without scheme, port or path (e.g. 'api.example.com')`,
        );
    }
    if (http.protocolPolicy !== undefined) {
        problems.requireOneOf<string>(http.protocolPolicy, ORIGIN_PROTOCOL_POLICIES, `${path}.protocolPolicy`);
    }
    for (const [i, protocol] of (http.sslProtocols ?? []).entries()) {
        problems.require(
            (ORIGIN_SSL_PROTOCOLS as readonly string[]).includes(protocol),
            `${path}.sslProtocols[${i}]`,
            `${show(protocol)} is not an origin SSL protocol; use one of ${oneOf(ORIGIN_SSL_PROTOCOLS)}`,
        );
    }
    if (http.sslProtocols !== undefined) {
        problems.require(http.sslProtocols.length > 0, `${path}.sslProtocols`, "must list at least one protocol, e.g. ['TLSv1.2']");
    }
    problems.requireRange(http.httpsPort, { min: 1, max: 65535 }, `${path}.httpsPort`);
    problems.requireRange(http.httpPort, { min: 1, max: 65535 }, `${path}.httpPort`);
    problems.requireRange(http.readTimeout, ORIGIN_READ_TIMEOUT, `${path}.readTimeout`);
    problems.requireRange(http.keepaliveTimeout, ORIGIN_KEEPALIVE_TIMEOUT, `${path}.keepaliveTimeout`);
}
