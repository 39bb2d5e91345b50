/** RFC 1035 host names as CloudFront and ACM accept them, optionally with one leading `*.` label. */
const LABEL = "(?!-)[a-z0-9-]{1,63}(?<!-)";
const DOMAIN = new RegExp(`^(\\*\\.)?(${LABEL}\\.)+[a-z][a-z0-9-]{0,62}(?<!-)$`);

/** True when `name` is a lowercase fully qualified domain name (wildcard first label allowed). */
export function isDomainName(name: string): boolean {
    return name.length <= 253 && DOMAIN.test(name);
}

/** A zone name without its trailing dot, the form Route53 APIs return and users write. */
export function zoneNameOf(name: string): string {
    return name.endsWith(".") ? name.slice(0, -1) : name;
}

/** True when `domain` (maybe `*.x`) is the zone apex or a name inside `zoneName`. */
export function isInZone(domain: string, zoneName: string): boolean {
    const zone = zoneNameOf(zoneName).toLowerCase();
    const base = domain.toLowerCase().replace(/^\*\./, "");
    return base === zone || base.endsWith(`.${zone}`);
}

/**
 * The name whose DNS record proves control of `domain` for ACM: a wildcard `*.x` is validated by
 * the same record as `x`, which is why validation records must be de-duplicated.
 */
export function validationDomainOf(domain: string): string {
    return domain.replace(/^\*\./, "");
}
