import * as fs from "node:fs";
import * as yaml from "js-yaml";
import type { MockAnswers } from "../engine";

type Fields = Record<string, unknown>;

/** One canned invoke answer: for calls whose arguments include `args` (all calls when absent). */
interface InvokeAnswer {
    args?: Fields;
    result: Fields;
}

function isObject(value: unknown): value is Fields {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function includes(actual: unknown, expected: unknown): boolean {
    if (isObject(expected)) {
        return isObject(actual) && Object.entries(expected).every(([k, v]) => includes(actual[k], v));
    }
    return JSON.stringify(actual) === JSON.stringify(expected);
}

function invokeAnswers(file: string, token: string, entry: unknown): InvokeAnswer[] {
    const list = Array.isArray(entry) ? entry : [{ result: entry }];
    return list.map((answer, i) => {
        if (!isObject(answer) || !isObject(answer.result) || (answer.args !== undefined && !isObject(answer.args))) {
            throw new Error(`${file}: invokes["${token}"]${Array.isArray(entry) ? `[${i}]` : ""} must be a result object or a list of { args?, result }`);
        }
        return { args: answer.args as Fields | undefined, result: answer.result };
    });
}

/**
 * Reads a `--mocks` file (YAML or JSON):
 *
 *     invokes:                                  # by invoke token
 *       "aws:ec2/getVpc:getVpc": { id: vpc-0123, cidrBlock: 10.0.0.0/16 }
 *       "aws:workspaces/getBundle:getBundle":
 *         - args: { name: "My bundle" }         # answers calls whose arguments include these
 *           result: { id: wsb-0123abcd, bundleId: wsb-0123abcd }
 *     resources:                                # outputs laid over the mock cloud's, by type or type::name
 *       "aws:lambda/functionUrl:FunctionUrl": { functionUrl: "https://abc.lambda-url.eu-west-3.on.aws/" }
 *       "aws:s3/bucket:Bucket::content": { bucket: content-prod }
 */
export function readMocksFile(file: string): MockAnswers {
    let parsed: unknown;
    try {
        parsed = yaml.load(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new Error(`--mocks ${file}: ${(err as Error).message.split("\n")[0]}`);
    }
    if (!isObject(parsed)) {
        throw new Error(`--mocks ${file}: expected a mapping with "invokes" and/or "resources"`);
    }
    const unknownKeys = Object.keys(parsed).filter((k) => k !== "invokes" && k !== "resources");
    if (unknownKeys.length > 0) {
        throw new Error(`--mocks ${file}: unknown key(s) ${unknownKeys.join(", ")}; allowed: invokes, resources`);
    }
    const invokes = new Map<string, InvokeAnswer[]>();
    for (const [token, entry] of Object.entries(isObject(parsed.invokes) ? parsed.invokes : {})) {
        invokes.set(token, invokeAnswers(file, token, entry));
    }
    const resources = isObject(parsed.resources) ? parsed.resources : {};
    for (const [key, outputs] of Object.entries(resources)) {
        if (!isObject(outputs)) {
            throw new Error(`--mocks ${file}: resources["${key}"] must be an object of outputs`);
        }
    }
    return {
        invoke: (token, args) => invokes.get(token)?.find((a) => a.args === undefined || includes(args, a.args))?.result,
        resource: (type, name) => {
            const byType = resources[type] as Fields | undefined;
            const byName = resources[`${type}::${name}`] as Fields | undefined;
            return byType || byName ? { ...byType, ...byName } : undefined;
        },
    };
}
