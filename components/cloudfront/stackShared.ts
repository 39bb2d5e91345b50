import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";

/** Shared resources of the program being run, keyed by its monitor so each run starts empty. */
const byRun = new WeakMap<object, Map<string, unknown>>();
const outsideEngine = {};

/** A short digest of a configuration: shared resources are named after what they hold. */
export function configDigest(value: unknown): string {
    return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 8);
}

/**
 * One resource per stack and key: the first caller creates it, later callers in the same program
 * get the same one. Account quotas (20 cache policies, 20 response headers policies) are shared
 * by every stack of an account, so distributions with the same settings share one policy.
 */
export function sharedInStack<T>(key: string, create: () => T): T {
    const run = (pulumi.runtime.getMonitor() as object | undefined) ?? outsideEngine;
    let shared = byRun.get(run);
    if (!shared) {
        shared = new Map();
        byRun.set(run, shared);
    }
    if (!shared.has(key)) {
        shared.set(key, create());
    }
    return shared.get(key) as T;
}
