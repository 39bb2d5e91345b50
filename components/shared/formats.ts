/** Formats of plain-text arguments, checked the same way by every component. */

/** True when `text` is a Pulumi custom-timeout duration such as `90s`, `45m` or `2h`. */
export function isDuration(text: string): boolean {
    return /^[1-9]\d*(s|m|h)$/.test(text);
}

/** True when `text` looks like an e-mail address (one `@`, a dot in the domain, no spaces). */
export function isEmail(text: string): boolean {
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}

/** True when `text` is a dotted IPv4 address. */
export function isIpv4(text: string): boolean {
    return /^(\d{1,3}\.){3}\d{1,3}$/.test(text) && text.split(".").every((octet) => Number(octet) <= 255);
}

/** True when `text` is an IPv4 CIDR block such as `10.0.0.0/16`. */
export function isIpv4Cidr(text: string): boolean {
    const [address, bits, ...rest] = text.split("/");
    return rest.length === 0 && isIpv4(address) && /^\d{1,2}$/.test(bits ?? "") && Number(bits) <= 32;
}
