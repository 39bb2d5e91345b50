import * as assert from "node:assert/strict";
import { itemsOf } from "../../policies/cloudfrontProps";
import { actionsOf, conditionValues, covers, parseDocument, principals, statementsOf, UNREADABLE } from "../../policies/documents";

// The SDK's unknown-checking proxy (internal: its typings export nothing), as policies get their props.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as { unknownCheckingProxy: <T>(value: T) => T };

/** What `covers` decided before it compiled each wildcard once: a fresh regular expression per action. */
function coversByRegex(actions: string[], action: string): boolean {
    const wanted = action.toLowerCase();
    return actions.some((a) => a === wanted || new RegExp(`^${a.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(wanted));
}

const KEY_POLICY = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        { Sid: "Root", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
        {
            Sid: "Use",
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: ["kms:Encrypt", "kms:ReEncrypt*"],
            Resource: "*",
            Condition: { StringEquals: { "kms:ViaService": ["workspaces.eu-west-3.amazonaws.com", "ec2.eu-west-3.amazonaws.com"] }, StringLike: { "KMS:CallerAccount": "*" } },
        },
    ],
});

describe("policy documents: read once, decided as before", () => {
    it("covers decides every action as a regular expression per action did, wildcards and regex characters included", () => {
        const patterns = ["kms:*", "*", "kms:reencrypt*", "kms:encrypt", "kms:encrypt.", "kms:gen?ratedatakey", "kms:(decrypt)", "s3:get*object", "kms:de*pt", "[kms]:x", "kms:decrypt$"];
        const actions = ["kms:Encrypt", "kms:ReEncryptFrom", "kms:Decrypt", "kms:GenerateDataKey", "kms:encryptx", "s3:GetBucketObject", "kms:(decrypt)", "k:x", "[kms]:x", "kms:decrypt$"];
        for (const pattern of patterns) {
            for (const action of actions) {
                assert.equal(covers([pattern], action), coversByRegex([pattern], action), `${pattern} ~ ${action}`);
            }
        }
    });

    it("parses a document's text once: every reader gets the same frozen document", () => {
        const first = parseDocument(KEY_POLICY);
        assert.equal(parseDocument(KEY_POLICY), first);
        assert.ok(Object.isFrozen(first));
        const [root] = statementsOf(KEY_POLICY);
        assert.ok(Object.isFrozen(root) && Object.isFrozen(root.Principal));
        assert.equal(Reflect.set(root, "Effect", "Deny"), false, "a policy cannot change what the next one reads");
        assert.equal(statementsOf(KEY_POLICY)[0].Effect, "Allow");
        assert.equal(parseDocument("{not json"), UNREADABLE);
        assert.deepEqual(statementsOf("{not json"), []);
        assert.deepEqual(statementsOf("null"), []);
    });

    it("reads one-or-a-list fields and conditions as before", () => {
        const [root, use] = statementsOf(KEY_POLICY);
        assert.deepEqual(actionsOf(root), ["kms:*"]);
        assert.deepEqual(actionsOf(use), ["kms:encrypt", "kms:reencrypt*"]);
        assert.deepEqual(principals(use, "AWS"), ["*"]);
        assert.deepEqual(principals(root, "Service"), []);
        assert.deepEqual(conditionValues(use, "KMS:VIASERVICE"), ["workspaces.eu-west-3.amazonaws.com", "ec2.eu-west-3.amazonaws.com"]);
        assert.deepEqual(conditionValues(use, "kms:CallerAccount"), [], "a '*' under a Like operator constrains nothing");
        assert.deepEqual(statementsOf({ Statement: { Effect: "Allow" } }), [{ Effect: "Allow" }]);
    });

    it("itemsOf reads a proxied list by index: same elements, still checked for unknown values", () => {
        const props = unknownCheckingProxy({ origins: [{ originId: "a" }, { originId: "b", domainName: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }] }) as Record<string, any>;
        const origins = itemsOf(props.origins);
        assert.ok(Array.isArray(origins) && origins.length === 2);
        assert.deepEqual(origins.map((o) => o.originId), ["a", "b"]);
        assert.throws(() => origins[1].domainName, /string value at \.origins\.1\.domainName can't be known during preview/);
        assert.deepEqual(itemsOf(undefined), []);
    });
});
