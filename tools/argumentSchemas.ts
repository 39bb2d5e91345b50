/**
 * Generates `components/arguments/generated.ts`, the JSON Schema of every component's arguments,
 * from the TypeScript `Args` interfaces and their JSDoc, so that the types, the hover docs and the
 * runtime check cannot disagree.
 *
 *   npx tsx tools/argumentSchemas.ts          # rewrite the generated file
 *   npx tsx tools/argumentSchemas.ts --check  # exit 1 when it is out of date
 *
 * What the generator reads:
 * - types: strings, numbers, booleans, literal unions (→ `enum`), arrays, records, objects, unions
 *   (→ `anyOf`); `pulumi.Input<T>` is T marked `x-input` (Outputs and Promises pass the check
 *   untouched there, and are refused where the interface wants a plain value);
 * - JSDoc: the description, `@default`, and the tags `@minimum`, `@maximum`, `@minItems`,
 *   `@maxItems`, `@uniqueItems`, `@minLength`, `@maxLength`, `@pattern`, `@format`;
 * - a range stated in the prose of a number ("Connection attempts, 1–3.") as `x-range`, checked
 *   like the rest, with the values named before it (`x-also`: "0 (never) or 60–36000");
 * - the naming conventions of `ARGUMENT_CONVENTIONS` (a property named `vpcId` is a VPC id).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import type { ArgumentSchema } from "../components/arguments/schema";
import { ARGUMENT_CONVENTIONS } from "./argumentConventions";

const ROOT = path.resolve(__dirname, "..");
export const GENERATED_FILE = path.join(ROOT, "components/arguments/generated.ts");

/** Each component's type token, the file that declares its arguments, and the interface. */
export const ARGUMENT_SOURCES: readonly (readonly [string, string, string])[] = [
    ["aws-euc:cloudfront:Distribution", "components/cloudfront/distributionArgs.ts", "DistributionArgs"],
    ["aws-euc:cloudfront:Certificate", "components/cloudfront/certificate.ts", "CertificateArgs"],
    ["aws-euc:appstream:StreamingEnvironment", "components/appstream/streamingEnvironment.ts", "StreamingEnvironmentArgs"],
    ["aws-euc:appstream:ImageBuilder", "components/appstream/imageBuilder.ts", "ImageBuilderArgs"],
    ["aws-euc:appstream:Fleet", "components/appstream/fleet.ts", "FleetArgs"],
    ["aws-euc:appstream:Stack", "components/appstream/stack.ts", "StackArgs"],
    ["aws-euc:appstream:Users", "components/appstream/users.ts", "UsersArgs"],
    ["aws-euc:appstream:FleetMonitoring", "components/appstream/monitoring.ts", "FleetMonitoringArgs"],
    ["aws-euc:workspaces:DesktopEnvironment", "components/workspaces/desktopEnvironment.ts", "DesktopEnvironmentArgs"],
    ["aws-euc:workspaces:Directory", "components/workspaces/directoryArgs.ts", "DirectoryArgs"],
    ["aws-euc:workspaces:EncryptionKey", "components/workspaces/encryptionKey.ts", "EncryptionKeyArgs"],
    ["aws-euc:workspaces:Workspaces", "components/workspaces/userWorkspaces.ts", "WorkspacesArgs"],
    ["aws-euc:workspaces:Monitoring", "components/workspaces/monitoring.ts", "MonitoringArgs"],
    ["aws-euc:workspaces:DirectoryUsers", "components/workspaces/provisioning/directoryUsers.ts", "DirectoryUsersArgs"],
];

/** Pulumi's wrappers of a value not yet known: `Input<T>` is `T | Promise<T> | OutputInstance<T>`. */
const UNKNOWN_WRAPPERS = new Set(["Promise", "PromiseLike", "OutputInstance", "Output"]);
const NUMBER_TAGS = ["minimum", "maximum", "minItems", "maxItems", "minLength", "maxLength"] as const;

const keysOf = (form: ArgumentSchema) => Object.keys(form.properties ?? {}).sort();

/** Two forms of one union with the same keys (`A & B` and `B & A` differ only in their key order). */
const sameKeys = (a: ArgumentSchema, b: ArgumentSchema) =>
    a.properties !== undefined && b.properties !== undefined ? keysOf(a).join() === keysOf(b).join() : JSON.stringify(a) === JSON.stringify(b);

/**
 * `form` is the merge of two other object forms of the union: an artifact of an intersection such
 * as `{ bundle?: A | B } & { bundle: A | B }`, which TypeScript spreads into `A | B | A & B`.
 */
const merges = (form: ArgumentSchema, forms: readonly ArgumentSchema[]) =>
    form.properties !== undefined &&
    forms.some((a, i) =>
        forms.some((b, j) => i < j && a !== form && b !== form && a.properties !== undefined && b.properties !== undefined && [...new Set([...keysOf(a), ...keysOf(b)])].sort().join() === keysOf(form).join()),
    );

class Generator {
    constructor(private readonly checker: ts.TypeChecker) {}

    convert(type: ts.Type, key: string, parent: string, depth: number): ArgumentSchema {
        if (depth > 16 || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) {
            return {};
        }
        if (type.isUnion()) {
            return this.union(type.types, key, parent, depth);
        }
        if (type.flags & ts.TypeFlags.StringLiteral) {
            return { type: "string", enum: [(type as ts.StringLiteralType).value] };
        }
        if (type.flags & ts.TypeFlags.NumberLiteral) {
            return { type: "number", enum: [(type as ts.NumberLiteralType).value] };
        }
        if (type.flags & ts.TypeFlags.BooleanLiteral) {
            return { const: this.checker.typeToString(type) === "true" };
        }
        if (type.flags & ts.TypeFlags.StringLike) {
            return { type: "string" };
        }
        if (type.flags & ts.TypeFlags.NumberLike) {
            return { type: "number" };
        }
        if (type.flags & ts.TypeFlags.BooleanLike) {
            return { type: "boolean" };
        }
        if (this.checker.isArrayType(type)) {
            const [item] = this.checker.getTypeArguments(type as ts.TypeReference);
            return { type: "array", items: this.convert(item, key, parent, depth + 1) };
        }
        if (type.getCallSignatures().length > 0) {
            return { "x-opaque": "function" };
        }
        const declarations = type.getSymbol()?.getDeclarations() ?? [];
        if (declarations.some(ts.isClassDeclaration)) {
            return { "x-opaque": type.getSymbol()!.getName() };
        }
        return this.object(type, key, depth);
    }

    private union(members: ts.Type[], key: string, parent: string, depth: number): ArgumentSchema {
        const kept = members.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) && !UNKNOWN_WRAPPERS.has(t.getSymbol()?.getName() ?? ""));
        const literals = kept.filter((t) => t.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral));
        const booleans = kept.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
        const others = kept.filter((t) => !literals.includes(t) && !booleans.includes(t));
        const forms: ArgumentSchema[] = [];
        if (literals.length > 0) {
            const values = literals.map((t) => (t as ts.LiteralType).value as string | number);
            forms.push({ type: typeof values[0] === "number" ? "number" : "string", enum: values });
        }
        if (booleans.length === 2) {
            forms.push({ type: "boolean" });
        } else if (booleans.length === 1) {
            forms.push(this.convert(booleans[0], key, parent, depth + 1));
        }
        forms.push(...others.map((t) => this.convert(t, key, parent, depth + 1)));
        if (kept.length < members.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null))).length) {
            // `pulumi.Input<T>`: an Output or a Promise is welcome here.
            forms.forEach((form, i) => (forms[i] = { ...form, "x-input": true }));
        }
        const distinct = forms.filter((f, i) => forms.findIndex((g) => sameKeys(g, f)) === i && !merges(f, forms));
        return distinct.length === 1 ? distinct[0] : { anyOf: distinct };
    }

    private object(type: ts.Type, key: string, depth: number): ArgumentSchema {
        const properties: Record<string, ArgumentSchema> = {};
        const required: string[] = [];
        for (const property of this.checker.getPropertiesOfType(type)) {
            const name = property.getName();
            const propertyType = this.checker.getTypeOfSymbol(property);
            const schema = this.convert(propertyType, name, key, depth + 1);
            properties[name] = this.annotate(schema, property, name, key);
            if (!(property.flags & ts.SymbolFlags.Optional)) {
                required.push(name);
            }
        }
        const index = this.checker.getIndexInfoOfType(type, ts.IndexKind.String);
        if (Object.keys(properties).length === 0 && index) {
            return { type: "object", additionalProperties: this.convert(index.type, key, key, depth + 1) };
        }
        return { type: "object", properties, ...(required.length ? { required } : {}), additionalProperties: false };
    }

    /** Adds the description, JSDoc tags, stated range and naming conventions to a property's schema. */
    private annotate(schema: ArgumentSchema, property: ts.Symbol, name: string, parent: string): ArgumentSchema {
        const out: Record<string, unknown> = {};
        const description = ts.displayPartsToString(property.getDocumentationComment(this.checker)).trim();
        if (description) {
            out.description = description.replace(/\r\n/g, "\n");
        }
        const tags = property.getJsDocTags(this.checker);
        const tag = (tagName: string) => tags.find((t) => t.name === tagName);
        const text = (t: ts.JSDocTagInfo | undefined) => (t?.text ? ts.displayPartsToString(t.text).trim() : "");
        if (tag("default")) {
            out.default = text(tag("default"));
        }
        const target = { ...schema } as Record<string, unknown>;
        const leaf = (target.type === "array" && target.items ? (target.items = { ...(target.items as object) }) : target) as Record<string, unknown>;
        for (const numberTag of NUMBER_TAGS) {
            if (tag(numberTag)) {
                const onArray = numberTag.endsWith("Items");
                (onArray ? target : leaf)[numberTag] = Number(text(tag(numberTag)));
            }
        }
        if (tag("uniqueItems")) {
            target.uniqueItems = true;
        }
        if (tag("pattern")) {
            leaf.pattern = text(tag("pattern"));
        }
        const convention = ARGUMENT_CONVENTIONS.find((c) => c.name === name && (c.parent === undefined || c.parent === parent));
        const format = text(tag("format")) || convention?.format;
        if (format) {
            leaf.format = format;
        }
        if (convention?.minLength !== undefined && leaf.type === "string") {
            leaf.minLength = convention.minLength;
        }
        if (convention?.uniqueItems && target.type === "array") {
            target.uniqueItems = true;
        }
        const range = /(\d[\d_,]*)\s*–\s*(\d[\d_,]*)/.exec(description);
        if (range && leaf.type === "number") {
            const [min, max] = [Number(range[1].replace(/[_,]/g, "")), Number(range[2].replace(/[_,]/g, ""))];
            leaf["x-range"] = [min, max];
            // Values named before the range are allowed too: "0 (never) or 60–36000", "80, or 175–2000".
            const also = [...description.slice(0, range.index).matchAll(/\b(\d+)\b(?!-)/g)].map((m) => Number(m[1])).filter((n) => n < min || n > max);
            if (also.length > 0) {
                leaf["x-also"] = [...new Set(also)];
            }
        }
        return { ...out, ...target } as ArgumentSchema;
    }
}

/** The schemas of every component, keyed by component type. */
export function generateArgumentSchemas(): Record<string, ArgumentSchema> {
    const files = ARGUMENT_SOURCES.map(([, file]) => path.join(ROOT, file));
    const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, noEmit: true, types: ["node"] });
    const checker = program.getTypeChecker();
    const generator = new Generator(checker);
    const schemas: Record<string, ArgumentSchema> = {};
    for (const [owner, file, interfaceName] of ARGUMENT_SOURCES) {
        const source = program.getSourceFile(path.join(ROOT, file));
        const declaration = source?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === interfaceName);
        if (!declaration) {
            throw new Error(`${interfaceName} is not declared in ${file}`);
        }
        schemas[owner] = generator.convert(checker.getTypeAtLocation(declaration), "", "", 0);
    }
    return schemas;
}

/** The text of the generated file. */
export function renderArgumentSchemas(schemas: Record<string, ArgumentSchema>): string {
    return [
        "// Generated by tools/argumentSchemas.ts from the components' Args interfaces and their JSDoc. Do not edit:",
        "// change the interface or its JSDoc and run `npx tsx tools/argumentSchemas.ts`.",
        'import type { ArgumentSchema } from "./schema";',
        "",
        `export const ARGUMENT_SCHEMAS: Readonly<Record<string, ArgumentSchema>> = ${JSON.stringify(schemas, null, 4)};`,
        "",
    ].join("\n");
}

if (require.main === module) {
    const text = renderArgumentSchemas(generateArgumentSchemas());
    if (process.argv.includes("--check")) {
        const current = fs.existsSync(GENERATED_FILE) ? fs.readFileSync(GENERATED_FILE, "utf8") : "";
        if (current !== text) {
            console.error(`${path.relative(ROOT, GENERATED_FILE)} is out of date: run npx tsx tools/argumentSchemas.ts`);
            process.exit(1);
        }
    } else {
        fs.writeFileSync(GENERATED_FILE, text);
        console.log(`wrote ${path.relative(ROOT, GENERATED_FILE)}`);
    }
}
