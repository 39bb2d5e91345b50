/**
 * Property values as they cross the wire between a Pulumi program and the engine (a protobuf
 * Struct), turned into plain JSON the way the engine hands them to an analyzer: secrets
 * unwrapped (their paths noted), resource references as the resource's id (custom resources)
 * or URN (components), output values as their value, and values known only after deployment
 * as the engine's own unknown sentinel.
 */

/** The string the engine sends for a value known only after deployment. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SIG = {
    secret: "1b47061264138c4ac30d75fd1eb44270",
    resource: "5cf8f73096256a8f31e491e813e4eb8e",
    output: "d0e6a833031e9bbcd3f4e8bde6ca49a4",
    asset: "c44067f5952c0a294b673a41bacd8c17",
    archive: "0def7320c3a5731c473e5ecbe6d01bc7",
};

function join(path: string, key: string): string {
    return path ? `${path}.${key}` : key;
}

/** `value` (from `Struct.toJavaScript()`) as plain JSON; paths of secrets are pushed to `secrets`. */
export function plainOf(value: unknown, path: string, secrets: string[]): any {
    if (Array.isArray(value)) {
        return value.map((v, i) => plainOf(v, `${path}[${i}]`, secrets));
    }
    if (!value || typeof value !== "object") {
        return value;
    }
    const object = value as Record<string, unknown>;
    switch (object[SIG_KEY]) {
        case undefined:
            break;
        case SIG.secret:
            secrets.push(path);
            return plainOf(object.value, path, secrets);
        case SIG.resource: {
            const id = object.id;
            return typeof id === "string" ? (id === "" ? UNKNOWN : id) : object.urn;
        }
        case SIG.output:
            if (object.secret === true) {
                secrets.push(path);
            }
            return "value" in object ? plainOf(object.value, path, secrets) : UNKNOWN;
        case SIG.asset:
        case SIG.archive: {
            const rest = Object.fromEntries(Object.entries(object).filter(([key]) => key !== SIG_KEY));
            return plainOf(rest, path, secrets);
        }
    }
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(object)) {
        out[key] = plainOf(v, join(path, key), secrets);
    }
    return out;
}

/** A copy of a plain value with every unknown left out (`undefined`), as AWS rules read inputs. */
export function withoutUnknowns(value: unknown): any {
    if (value === UNKNOWN) {
        return undefined;
    }
    if (Array.isArray(value)) {
        return value.map(withoutUnknowns);
    }
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutUnknowns(v)]));
    }
    return value;
}
