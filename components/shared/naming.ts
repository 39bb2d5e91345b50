/**
 * Name of a child resource: `<component name>-<role>`, so two instances of a component never
 * collide and a reader sees which component a child belongs to.
 */
export function childName(componentName: string, ...role: string[]): string {
    return [componentName, ...role].join("-");
}

/**
 * A stable, readable key for a value used in child names (a domain, a path pattern): wildcards
 * become `wildcard`, anything outside `[A-Za-z0-9.-]` becomes `-`. Keys come from what the user
 * named, never from a list index, so removing one entry never renames the others.
 */
export function nameKey(value: string): string {
    const key = value
        .replace(/^\*\./, "wildcard.")
        .replace(/\*/g, "star")
        .replace(/[^A-Za-z0-9.-]+/g, "-")
        .replace(/^-+|-+$/g, "");
    return key.length > 0 ? key : "root";
}
