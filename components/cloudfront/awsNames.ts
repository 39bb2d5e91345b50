/**
 * Pulumi names of children whose AWS name is derived from them (auto-named: `<name>-<7 chars>`).
 * WAF and CloudFront policy names take only letters, digits, `-` and `_`, so a component named
 * `www.example.com` or a behavior on `*.jpg` must not carry its dots into them. Names that are
 * already valid stay as they are, so no deployed resource is renamed.
 */
export function awsSafeName(name: string, maxLength = 120): string {
    const safe = name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "");
    return (safe.length > 0 ? safe : "x").slice(0, maxLength).replace(/-+$/, "");
}

/** Cuts a comment to what AWS accepts, marking the cut with an ellipsis. */
export function fitComment(comment: string, max: number): string {
    return comment.length <= max ? comment : `${comment.slice(0, max - 1)}…`;
}
