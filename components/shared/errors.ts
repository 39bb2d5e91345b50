import * as pulumi from "@pulumi/pulumi";

/** One rejected argument: where it is and why it was rejected. */
export interface ArgumentProblem {
    propertyPath: string;
    reason: string;
    /** The argument is missing: problems found below it are consequences, not reported. */
    missing?: boolean;
}

/**
 * Problems found by the schema check of a component before its hand-written checks ran, keyed by
 * component type and name (see `components/arguments`). The hand-written checks of the same
 * component report them with their own, where they found nothing at the same path or above it.
 */
const earlierProblems = new Map<string, ArgumentProblem[]>();

/** Hands `problems` to the next `throwIfAny` of the component `componentType` `componentName`. */
export function deferArgumentProblems(componentType: string, componentName: string, problems: ArgumentProblem[]): void {
    const key = `${componentType}::${componentName}`;
    if (problems.length > 0) {
        earlierProblems.set(key, problems);
    } else {
        earlierProblems.delete(key);
    }
}

/**
 * Collects every problem with a component's arguments so that the user sees all of them at once,
 * then throws a single `pulumi.InputPropertiesError` whose message lists each property path.
 */
export class ArgumentProblems {
    private readonly problems: ArgumentProblem[] = [];

    constructor(private readonly componentType: string, private readonly componentName: string) {}

    add(propertyPath: string, reason: string): void {
        this.problems.push({ propertyPath, reason });
    }

    /** Records `reason` for `propertyPath` unless `ok` holds. Returns `ok` for chaining. */
    require(ok: boolean, propertyPath: string, reason: string): boolean {
        if (!ok) {
            this.add(propertyPath, reason);
        }
        return ok;
    }

    /** Records a problem when a given number is not an integer from `range.min` to `range.max`. */
    requireRange(value: number | undefined, range: { min: number; max: number }, propertyPath: string, unit = ""): void {
        if (value === undefined) {
            return;
        }
        const ok = Number.isInteger(value) && value >= range.min && value <= range.max;
        this.require(ok, propertyPath, `${show(value)} is out of range; use an integer from ${range.min} to ${range.max}${unit}`);
    }

    /** Records a problem when a given value is not one of `allowed`. */
    requireOneOf<T>(value: T | undefined, allowed: readonly T[], propertyPath: string): void {
        if (value !== undefined) {
            this.require(allowed.includes(value), propertyPath, `${show(value)} is not allowed; use one of ${oneOf(allowed)}`);
        }
    }

    throwIfAny(): void {
        const key = `${this.componentType}::${this.componentName}`;
        const earlier = earlierProblems.get(key) ?? [];
        earlierProblems.delete(key);
        const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`);
        const missing = earlier.filter((p) => p.missing).map((p) => p.propertyPath);
        this.problems.splice(0, this.problems.length, ...this.problems.filter((p) => !missing.some((m) => p.propertyPath !== m && within(p.propertyPath, m))));
        const reported = this.problems.map((p) => p.propertyPath);
        this.problems.push(...earlier.filter((p) => !reported.some((r) => within(p.propertyPath, r))));
        if (this.problems.length === 0) {
            return;
        }
        const lines = this.problems.map((p) => `  - ${p.propertyPath}: ${p.reason}`);
        throw new pulumi.InputPropertiesError({
            message:
                `${this.componentType} '${this.componentName}' has invalid arguments:\n` + lines.join("\n"),
            errors: this.problems.map((p) => ({ propertyPath: p.propertyPath, reason: p.reason })),
        });
    }
}

/** Renders a user value for an error message: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
    if (typeof value === "string") {
        return `'${value}'`;
    }
    return JSON.stringify(value) ?? String(value);
}

/** Renders a list of allowed values for an error message. */
export function oneOf(values: readonly unknown[]): string {
    return values.map(show).join(", ");
}

/** True when the value is known while the program runs (not an Output or a Promise). */
export function isPlain<T>(value: pulumi.Input<T> | undefined): value is T {
    return value !== undefined && !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}
