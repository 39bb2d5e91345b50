/**
 * Derives the Pulumi package schema of the served components from their TypeScript Args
 * interfaces and classes (TypeScript compiler API), with the wire forms of the unions that a
 * package schema cannot express. Run `npx tsx provider/schema/generate.ts` after changing an Args
 * interface; a test fails while `provider/schema/generated.json` is stale.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { outputNames, PACKAGE_NAME, SERVED_COMPONENTS, ServedComponent } from "./components";
import type { GeneratedSchema, PropertySpec, TypeSpec, WireForm } from "./model";

const ROOT = path.resolve(__dirname, "../..");
export const GENERATED_FILE = path.join(__dirname, "generated.json");

/** The `@pulumi/aws` whose schema the child resources' references name. */
const AWS_VERSION: string = JSON.parse(fs.readFileSync(require.resolve("@pulumi/aws/package.json"), "utf8")).version;
const UTILITY_TYPES = ["Omit", "Pick", "Partial", "Required", "Record"];
const ANY: TypeSpec = { $ref: "pulumi.json#/Any" };

/** Builds the schema from the sources under the repository root. */
export function generateSchema(version: string): GeneratedSchema {
    const files = SERVED_COMPONENTS.map((c) => path.join(ROOT, c.file));
    const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, noEmit: true });
    const generator = new Generator(program);
    const resources: Record<string, unknown> = {};
    for (const component of SERVED_COMPONENTS) {
        const source = program.getSourceFile(path.join(ROOT, component.file));
        if (!source) {
            throw new Error(`cannot read ${component.file}`);
        }
        resources[component.token] = generator.component(source, component);
    }
    return {
        schema: {
            name: PACKAGE_NAME,
            displayName: "AWS end-user computing",
            version,
            description: "Pulumi components for AWS end-user computing and delivery: CloudFront with ACM and Route53, AppStream 2.0, WorkSpaces.",
            keywords: ["pulumi", "aws", "cloudfront", "appstream", "workspaces", "kind/component", "category/cloud"],
            license: "Apache-2.0",
            resources,
            types: generator.types,
            // TypeScript programs use this package itself; the other SDKs take Pulumi's default names.
            language: { python: { packageName: "pulumi_aws_euc", respectSchemaVersion: true } },
        },
        wire: generator.wire,
    };
}

class Generator {
    readonly types: Record<string, any> = {};
    readonly wire: Record<string, WireForm> = {};
    private readonly named = new Map<ts.Type, string>();

    private readonly checker: ts.TypeChecker;

    constructor(private readonly program: ts.Program) {
        this.checker = program.getTypeChecker();
    }

    component(source: ts.SourceFile, component: ServedComponent): Record<string, unknown> {
        const module = component.token.split(":")[1];
        const argsSource = component.argsFile ? this.program.getSourceFile(path.join(ROOT, component.argsFile))! : source;
        const args = this.declaration(argsSource, component.argsName);
        const cls = this.declaration(source, component.className);
        const argsType = this.checker.getTypeAtLocation(args);
        const inputs = this.properties(argsType, module, component.className);
        const outputs: Record<string, PropertySpec> = {};
        const clsType = this.checker.getTypeAtLocation(cls);
        for (const symbol of clsType.getProperties()) {
            const decl = symbol.valueDeclaration;
            if (!decl || !ts.isPropertyDeclaration(decl) || decl.parent !== cls || ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.NonPublicAccessibilityModifier) {
                continue;
            }
            const type = this.checker.getTypeOfSymbolAtLocation(symbol, decl);
            const output = this.outputValue(type);
            const child = output ? undefined : this.resourceReference(type);
            if (!output && !child) {
                continue; // child components this package does not serve stay TypeScript-only
            }
            const spec: PropertySpec = { ...(child ?? this.typeOf(output!, module, `${component.className}${pascal(symbol.name)}`, true)), ...this.docs(symbol) };
            delete spec.plain;
            if (component.secretOutputs?.includes(symbol.name)) {
                spec.secret = true;
            }
            outputs[component.renamedOutputs?.[symbol.name] ?? symbol.name] = spec;
        }
        return {
            isComponent: true,
            description: this.comment(this.checker.getSymbolAtLocation(cls.name!)),
            inputProperties: inputs.properties,
            requiredInputs: inputs.required,
            properties: outputs,
            required: Object.entries(outputNames(component, Object.keys(outputs)))
                .filter(([, tsName]) => {
                    const property = clsType.getProperty(tsName)!;
                    const value = this.outputValue(this.checker.getTypeOfSymbol(property));
                    return !isOptionalMember(property) && !(value && mayBeUndefined(value));
                })
                .map(([wire]) => wire),
        };
    }

    /**
     * A child resource as a resource reference: an `@pulumi/aws` resource (by the token its
     * module path gives, in the aws package's schema), a component this package serves, or a list
     * or map of them.
     */
    private resourceReference(type: ts.Type): TypeSpec | undefined {
        const members = this.members(type, false);
        if (members.length !== 1) {
            return undefined;
        }
        const only = members[0];
        if (this.checker.isArrayType(only)) {
            const item = this.resourceReference(this.checker.getTypeArguments(only as ts.TypeReference)[0]);
            return item && { type: "array", items: item };
        }
        const index = this.checker.getIndexInfosOfType(only);
        if (index.length > 0 && this.checker.getPropertiesOfType(only).length === 0) {
            const item = this.resourceReference(index[0].type);
            return item && { type: "object", additionalProperties: item };
        }
        const symbol = only.getSymbol();
        const file = symbol?.declarations?.[0]?.getSourceFile().fileName ?? "";
        const served = SERVED_COMPONENTS.find((c) => file === path.join(ROOT, c.file) && c.className === symbol?.name);
        if (served) {
            return { $ref: `#/resources/${served.token}` };
        }
        const aws = /node_modules\/@pulumi\/aws\/(.+)\/(\w+)\.d\.ts$/.exec(file);
        if (!aws || !symbol || !this.checker.getPropertiesOfType(only).some((p) => p.name === "urn")) {
            return undefined;
        }
        const token = `aws:${aws[1]}/${aws[2]}:${symbol.name}`;
        return { $ref: `/aws/v${AWS_VERSION}/schema.json#/resources/${token.replace(/\//g, "%2F")}` };
    }

    private declaration(source: ts.SourceFile, name: string): ts.InterfaceDeclaration | ts.ClassDeclaration {
        const found = source.statements.find((s): s is ts.InterfaceDeclaration | ts.ClassDeclaration => (ts.isInterfaceDeclaration(s) || ts.isClassDeclaration(s)) && s.name?.text === name);
        if (!found) {
            throw new Error(`${name} is not declared in ${source.fileName}`);
        }
        return found;
    }

    /** `Output<T>` → T, a plain string → string; anything else (resources) → undefined. */
    private outputValue(type: ts.Type): ts.Type | undefined {
        const members = this.members(type, false);
        if (members.length === 1 && members[0].flags & ts.TypeFlags.StringLike) {
            return members[0];
        }
        const parts = members.length === 1 && members[0].isIntersection() ? members[0].types : members;
        const output = parts.find((m) => m.getSymbol()?.name === "OutputInstance");
        const get = output?.getProperty("get");
        return get ? this.checker.getTypeOfSymbol(get).getCallSignatures()[0]?.getReturnType() : undefined;
    }

    /** Members of a type with `undefined` removed and, when `unwrapInput`, `Promise`/`Output` of `pulumi.Input` removed. */
    private members(type: ts.Type, unwrapInput = true): ts.Type[] {
        const all = type.isUnion() ? type.types : [type];
        const kept = all.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)));
        if (!unwrapInput || kept.length < 2) {
            return kept;
        }
        return kept.filter((t) => !["Promise", "OutputInstance", "Output"].includes(t.getSymbol()?.name ?? ""));
    }

    private isInput(type: ts.Type): boolean {
        return (type.isUnion() ? type.types : [type]).some((t) => ["OutputInstance", "Output", "Promise"].includes(t.getSymbol()?.name ?? ""));
    }

    private properties(type: ts.Type, module: string, context: string): { properties: Record<string, PropertySpec>; required: string[] } {
        const properties: Record<string, PropertySpec> = {};
        const required: string[] = [];
        for (const symbol of this.checker.getPropertiesOfType(type)) {
            const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
            const propType = decl ? this.checker.getTypeOfSymbolAtLocation(symbol, decl) : this.checker.getTypeOfSymbol(symbol);
            properties[symbol.name] = { ...this.typeOf(propType, module, `${context}${pascal(symbol.name)}`), ...this.docs(symbol) };
            if (!isOptionalMember(symbol)) {
                required.push(symbol.name);
            }
        }
        return { properties, required };
    }

    /**
     * JSDoc text, `@default` included as text only: generated SDKs send a schema `default` as if
     * the user had written it, and several of ours depend on other arguments (`edition` applies to
     * MicrosoftAD only, the key alias is made from the name), so the component decides them.
     */
    private docs(symbol: ts.Symbol): Partial<PropertySpec> {
        const result: Partial<PropertySpec> = {};
        let description = this.comment(symbol);
        for (const tag of symbol.getJsDocTags(this.checker)) {
            const text = ts.displayPartsToString(tag.text).trim();
            if (tag.name === "default") {
                description += `${description ? "\n\n" : ""}Default: ${text.replace(/^- /, "")}.`;
            } else if (tag.name === "example") {
                description += `${description ? "\n\n" : ""}Example (TypeScript): \`${text}\``;
            }
        }
        if (description) {
            result.description = description;
        }
        return result;
    }

    private comment(symbol: ts.Symbol | undefined): string {
        const text = symbol ? ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).trim() : "";
        return text.replace(/\{@link\s+([^}\s]+)\s*\}/g, "`$1`");
    }

    /** The wire type of a TypeScript type; `context` names anonymous object types. */
    private typeOf(type: ts.Type, module: string, context: string, output = false): TypeSpec {
        const plain = !output && !this.isInput(type);
        const spec = this.shape(this.members(type), type, module, context);
        return plain && !("$ref" in spec && spec.$ref === ANY.$ref) ? { ...spec, plain: true } : spec;
    }

    private shape(members: ts.Type[], whole: ts.Type, module: string, context: string): TypeSpec {
        const checker = this.checker;
        if (members.length === 0) {
            return ANY;
        }
        if (members.every((m) => m.flags & ts.TypeFlags.BooleanLike)) {
            return { type: "boolean" };
        }
        if (members.every((m) => m.flags & ts.TypeFlags.NumberLike)) {
            return { type: "number" };
        }
        if (members.every((m) => m.flags & ts.TypeFlags.StringLike)) {
            return this.strings(members, whole, module, context);
        }
        if (members.length === 1 && checker.isArrayType(members[0])) {
            const item = checker.getTypeArguments(members[0] as ts.TypeReference)[0];
            return { type: "array", items: this.typeOf(item, module, singular(context)) };
        }
        if (members.some((m) => checker.isArrayType(m) || m.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown))) {
            return ANY; // e.g. `"none" | "all" | string[]`: sent as is
        }
        const disable = members.some((m) => m.flags & ts.TypeFlags.BooleanLiteral);
        const rest = members.filter((m) => !(m.flags & ts.TypeFlags.BooleanLike));
        const scalars = rest.filter((m) => m.flags & ts.TypeFlags.StringLike);
        const objects = rest.filter((m) => m.flags & ts.TypeFlags.Object);
        if (objects.length === 0 || scalars.length + objects.length !== rest.length) {
            return ANY;
        }
        if (objects.length === 1 && scalars.length === 0 && !disable) {
            const index = checker.getIndexInfosOfType(objects[0]);
            if (index.length > 0 && checker.getPropertiesOfType(objects[0]).length === 0) {
                return { type: "object", additionalProperties: this.typeOf(index[0].type, module, singular(context)) };
            }
            if (isForeign(objects[0])) {
                return ANY;
            }
        }
        return { $ref: `#/types/${this.objectType(whole, objects, scalars, disable, module, context)}` };
    }

    private strings(members: ts.Type[], whole: ts.Type, module: string, context: string): TypeSpec {
        if (members.some((m) => !m.isStringLiteral())) {
            return { type: "string" };
        }
        const token = `${PACKAGE_NAME}:${module}:${this.nameOf(whole, context)}`;
        if (!this.types[token]) {
            this.types[token] = { type: "string", enum: members.map((m) => ({ value: (m as ts.StringLiteralType).value })) };
        }
        return { $ref: `#/types/${token}` };
    }

    /** An object type token; unions of objects merge, `false` adds `enabled`, a string member adds `name`. */
    private objectType(whole: ts.Type, objects: ts.Type[], scalars: ts.Type[], disable: boolean, module: string, context: string): string {
        const key = objects.length === 1 && scalars.length === 0 && !disable ? objects[0] : whole;
        const known = this.named.get(key);
        if (known) {
            return known;
        }
        const named = this.nameOf(objects.length === 1 && scalars.length === 0 ? objects[0] : whole, context);
        // A type may not share its token with a served component (`FleetArgs` vs `Fleet`).
        const base = SERVED_COMPONENTS.some((c) => c.token === `${PACKAGE_NAME}:${module}:${named}`) ? `${named}Properties` : named;
        let token = `${PACKAGE_NAME}:${module}:${base}`;
        for (let n = 2; this.types[token]; n++) {
            token = `${PACKAGE_NAME}:${module}:${base}${n}`;
        }
        this.named.set(key, token);
        this.types[token] = { type: "object" }; // reserve before recursion
        const properties: Record<string, PropertySpec> = {};
        const requiredIn: string[][] = [];
        for (const object of objects) {
            const own = this.properties(object, module, base);
            for (const [name, spec] of Object.entries(own.properties)) {
                properties[name] ??= spec;
            }
            requiredIn.push(own.required);
        }
        let required = objects.length === 1 ? requiredIn[0] : requiredIn[0].filter((r) => requiredIn.every((list) => list.includes(r)));
        const wire: WireForm = {};
        if (disable) {
            properties.enabled = { type: "boolean", plain: true, default: true, description: "`false` turns this off (TypeScript: `false`)." };
            wire.disable = "enabled";
            required = [];
        }
        if (scalars.length > 0) {
            const scalar = this.strings(scalars, scalars.length === 1 ? scalars[0] : whole, module, `${base}Name`);
            properties.name ??= { ...scalar, plain: true, description: "Given alone, the named preset (TypeScript: the string itself)." };
            wire.scalar = "name";
            required = [];
        }
        if (objects.length > 1) {
            wire.merged = true;
        }
        if (Object.keys(wire).length > 0) {
            this.wire[token] = wire;
        }
        const description = this.describe(key);
        this.types[token] = { type: "object", ...(description ? { description } : {}), properties, ...(required.length > 0 ? { required } : {}) };
        return token;
    }

    /** The doc comment of a type of this package; `Omit<X, …>` and the like take X's. */
    private describe(type: ts.Type): string {
        const symbol = type.aliasSymbol ?? type.getSymbol();
        if (symbol && UTILITY_TYPES.includes(symbol.name) && type.aliasTypeArguments?.[0]) {
            return this.describe(type.aliasTypeArguments[0]);
        }
        const ours = symbol?.declarations?.some((d) => d.getSourceFile().fileName.startsWith(path.join(ROOT, "components")));
        return ours ? this.comment(symbol) : "";
    }

    /** The declared name (without `Args`) for named interfaces and aliases in this package, else the context. */
    private nameOf(type: ts.Type, context: string): string {
        const symbol = type.aliasSymbol ?? type.getSymbol();
        const name = symbol?.name;
        const ours = symbol?.declarations?.some((d) => d.getSourceFile().fileName.startsWith(path.join(ROOT, "components")));
        if (!name || !ours || name.startsWith("__") || UTILITY_TYPES.includes(name)) {
            return context;
        }
        return name.replace(/Args$/, "");
    }
}

function isOptionalMember(symbol: ts.Symbol): boolean {
    return (symbol.flags & ts.SymbolFlags.Optional) !== 0;
}

function mayBeUndefined(type: ts.Type): boolean {
    return (type.isUnion() ? type.types : [type]).some((t) => t.flags & ts.TypeFlags.Undefined);
}

/** Types declared outside this package (e.g. `@pulumi/aws` input types) are sent as is. */
function isForeign(type: ts.Type): boolean {
    const decls = (type.aliasSymbol ?? type.getSymbol())?.declarations ?? [];
    return decls.length > 0 && decls.every((d) => d.getSourceFile().fileName.includes("node_modules/@pulumi"));
}

function pascal(name: string): string {
    return name.charAt(0).toUpperCase() + name.slice(1);
}

function singular(name: string): string {
    return name.replace(/ies$/, "y").replace(/s$/, "");
}

if (require.main === module) {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
    fs.writeFileSync(GENERATED_FILE, JSON.stringify(generateSchema(version), null, 2) + "\n");
    console.log(`wrote ${path.relative(process.cwd(), GENERATED_FILE)}`);
}
