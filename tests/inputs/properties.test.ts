import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import fc from "fast-check";
import { ARGUMENT_SCHEMAS } from "../../components/arguments";
import { MockEngine } from "../engine";
import { Pack } from "../policies/pack";
import { COMPONENTS, withValue } from "./components";
import { leavesOf, Mutation, mutationsOf } from "./mutations";

/**
 * Random argument sets for every component: the valid arguments changed in one to three places
 * (from the generated description: right values, wrong kinds, edges of ranges, bad formats,
 * Outputs, removed keys, unknown keys). Each set is either refused with one InputPropertiesError
 * naming places of the input, before any child is created, or accepted.
 *
 * A plan costs 50–400 ms on a shared machine, so every accepted set is proven to pass validation
 * without crashing (its first AWS resource ends the build), and the first `PLANNED` accepted sets
 * of each component are planned in full on the mock engine and run through the policy pack: no
 * TypeError, no unknown invoke, no duplicate URN, no mandatory violation unless a change opted out
 * of a secure default by name. RUNS and PLANNED can be raised through INPUT_PROPERTY_RUNS and
 * INPUT_PROPERTY_PLANS; a failure prints its seed and path (fast-check replays it with them).
 */
const RUNS = Number(process.env.INPUT_PROPERTY_RUNS ?? 1000);
const PLANNED = Number(process.env.INPUT_PROPERTY_PLANS ?? 3);

/**
 * Arguments whose documented secure default a mandatory policy of the pack guards, although their
 * JSDoc does not (yet) call changing them an opt-out: a set that changes one may fail that policy.
 * (Reported to the lead: the components accept these values silently; the pack refuses them.)
 */
const GUARDED_DEFAULTS: readonly (readonly [RegExp, string])[] = [
    [/(^|\.)(disconnectTimeoutInSeconds|idleDisconnectTimeoutInSeconds|maxUserDurationInSeconds)$/, "appstream-session-timeouts"],
    [/(^|\.)deviceAccess(\.|$)/, "workspaces-device-types"],
    [/(^|\.)deletionWindowInDays$/, "kms-deletion-window"],
    [/(^|\.)selfService(\.|$)/, "workspaces-self-service-permissions"],
    // Opt-outs documented on their type (ViewerProtocolPolicy, OriginProtocolPolicy), not the property.
    [/(^|\.)viewerProtocolPolicy$/, "cloudfront-viewer-https"],
    [/(^|\.)protocolPolicy$/, "cloudfront-origin-https-only"],
    [/(^|\.)sslProtocols(\[0\])?$/, "cloudfront-origin-tls"],
];


/** Thrown at the first AWS resource of a build that is not planned in full. */
class Accepted extends Error {}

/** True when `path` (`a.b[0].c`) or, for a missing key, its parent is in `args`. */
function placeExists(args: unknown, path: string): boolean {
    const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "");
    let node: any = args;
    for (const [i, key] of keys.entries()) {
        if (node === null || typeof node !== "object" || !(key in node)) {
            return i === keys.length - 1 && node !== null && typeof node === "object";
        }
        node = node[key];
    }
    return true;
}

/** How the mock cloud refuses: a rule's AwsRefusal, or a lookup that finds nothing. */
const CLOUD_REFUSAL = /^(AWS would refuse |no (hosted zone|AppStream image|WorkSpaces bundle) )/;

/**
 * Waits for the plan; resolves with its first failure, or undefined. A failed lookup can leave the
 * registrations waiting on it pending for ever, so the first recorded failure ends the wait.
 */
async function planOutcome(engine: MockEngine): Promise<Error | undefined> {
    let poll: NodeJS.Timeout | undefined;
    const failed = new Promise<Error>((resolve) => {
        poll = setInterval(() => engine.errors.length > 0 && resolve(engine.errors[0]), 50);
    });
    const timeout = new Promise<Error>((resolve) => setTimeout(() => resolve(new Error("the plan did not settle in 30 s")), 30_000).unref());
    try {
        return await Promise.race([engine.settle().then(() => undefined, (err: Error) => err), failed, timeout]);
    } finally {
        clearInterval(poll);
    }
}

describe("property: random arguments are refused before anything is created, or planned and compliant", function () {
    this.timeout(600_000);
    let pack: Pack;
    before(async () => (pack = await Pack.start()));
    after(() => pack.stop());

    for (const [name, target] of Object.entries(COMPONENTS)) {
        it(`${name}: ${RUNS} random argument sets`, async () => {
            const leaves = leavesOf(ARGUMENT_SCHEMAS[target.type], target.valid());
            let planned = 0;
            const property = fc.asyncProperty(mutationsOf(leaves), async (mutations: Mutation[]) => {
                const args = mutations.reduce((a, m) => withValue(a, m.path, m.value), target.valid());
                const full = planned < PLANNED;
                const engine = MockEngine.start(target.options);
                const created: string[] = [];
                const watch: pulumi.ResourceTransformation = ({ type, name: child }) => {
                    if (type !== target.type || child !== "t") {
                        created.push(`${type} ${child}`);
                    }
                    if (!full && !type.startsWith("aws-euc:")) {
                        throw new Accepted();
                    }
                    return undefined;
                };
                let error: unknown;
                try {
                    target.build("t", args, { transformations: [watch] });
                } catch (err) {
                    error = err;
                }
                if (error instanceof Accepted) {
                    await engine.settle().catch(() => undefined);
                    return;
                }
                if (error !== undefined) {
                    await engine.settle().catch(() => undefined);
                    assert.ok(pulumi.InputPropertiesError.isInstance(error), `not an InputPropertiesError: ${(error as Error).stack}`);
                    assert.deepEqual(created, [], `created before the refusal: ${error.message}`);
                    for (const { propertyPath } of error.errors) {
                        assert.ok(placeExists(args, propertyPath), `${propertyPath} is not a place of the input: ${error.message}`);
                    }
                    return;
                }
                planned++;
                const failure = await planOutcome(engine);
                if (failure) {
                    // The mock cloud refused the plan as AWS would (a name that no lookup finds, a
                    // quota): a fair outcome. A crash or a lookup the engine cannot answer is not.
                    assert.ok(CLOUD_REFUSAL.test(failure.message), `the plan failed: ${failure.stack}`);
                    return;
                }
                if (!mutations.some((m) => m.optOut)) {
                    const guarded = GUARDED_DEFAULTS.filter(([path]) => mutations.some((m) => path.test(m.path))).map(([, policy]) => policy);
                    const findings = (await pack.mandatoryFindings(engine.resources)).filter((f) => !guarded.some((policy) => f.startsWith(`${policy}:`)));
                    assert.deepEqual(findings, []);
                }
            });
            await fc.assert(property, { numRuns: RUNS, seed: process.env.INPUT_PROPERTY_SEED ? Number(process.env.INPUT_PROPERTY_SEED) : undefined });
        });
    }
});
