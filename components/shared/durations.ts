/** True when `text` is a Pulumi custom-timeout duration such as `90s`, `45m` or `2h`. */
export function isDuration(text: string): boolean {
    return /^[1-9]\d*(s|m|h)$/.test(text);
}
