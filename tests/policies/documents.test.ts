import * as assert from "node:assert/strict";
import { itemsOf } from "../../policies/cloudfrontProps";
import { actionsOf, conditionValues, covers, parseDocument, principals, statementsOf, UNREADABLE } from "../../policies/documents";

// The SDK's unknown-checking proxy (internal: its typings export nothing), as policies get their props.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as { unknownCheckingProxy: <T>(value: T) => T };

/**
 * IAM's rule for actions, written out: `*` any run of characters, `?` exactly one, everything
 * else literal, case-insensitive (IAM JSON policy reference, "Action").
 */
function coversByIamRule(actions: string[], action: string): boolean {
    const matches = (pattern: string, text: string): boolean => {
        if (pattern === "") {
            return text === "";
        }
        const [head, rest] = [pattern[0], pattern.slice(1)];
        if (head === "*") {
            return Array.from({ length: text.length + 1 }, (_, i) => i).some((i) => matches(rest, text.slice(i)));
        }
        return text !== "" && (head === "?" || head === text[0]) && matches(rest, text.slice(1));
    };
    return actions.some((a) => matches(a.toLowerCase(), action.toLowerCase()));
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
    it("covers decides every action by IAM's rule: * any run, ? one character, regex characters literal", () => {
        const patterns = ["kms:*", "*", "kms:reencrypt*", "kms:encrypt", "kms:encrypt.", "kms:gen?ratedatakey", "kms:Encryp?", "kms:?ecrypt", "sts:AssumeRoleWith?AML", "kms:(decrypt)", "s3:get*object", "kms:de*pt", "[kms]:x", "kms:decrypt$", "kms:??"];
        const actions = ["kms:Encrypt", "kms:ReEncryptFrom", "kms:Decrypt", "kms:GenerateDataKey", "kms:encryptx", "s3:GetBucketObject", "kms:(decrypt)", "k:x", "[kms]:x", "kms:decrypt$", "sts:AssumeRoleWithSAML", "kms:ab"];
        for (const pattern of patterns) {
            for (const action of actions) {
                // As policies call it: the actions as `actionsOf` reads them, lower-cased.
                assert.equal(covers([pattern.toLowerCase()], action), coversByIamRule([pattern], action), `${pattern} ~ ${action}`);
            }
        }
        // The cases a literal `?` used to let through.
        assert.ok(covers(["kms:encryp?"], "kms:Encrypt"));
        assert.ok(covers(["kms:?ecrypt"], "kms:Decrypt"));
        assert.ok(covers(["sts:assumerolewith?aml"], "sts:AssumeRoleWithSAML"));
        assert.ok(covers(["kms:gen?ratedatakey"], "kms:GenerateDataKey"));
        assert.ok(!covers(["kms:encryp?"], "kms:Encryptx"));
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
