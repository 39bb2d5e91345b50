/** Edit distance (insertions, deletions, substitutions, adjacent swaps), case-insensitive. */
export function editDistance(a: string, b: string): number {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
    for (let j = 1; j <= t.length; j++) {
        d[0][j] = j;
    }
    for (let i = 1; i <= s.length; i++) {
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[s.length][t.length];
}

/**
 * The known key closest to `key`, when it is close enough to be a typo: at most a third of the
 * longer name differs, or one name contains the other (`alias` / `aliases`).
 */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
    let best: { name: string; distance: number } | undefined;
    for (const name of known) {
        const distance = editDistance(key, name);
        if (!best || distance < best.distance) {
            best = { name, distance };
        }
    }
    if (!best) {
        return undefined;
    }
    const contains = best.name.toLowerCase().includes(key.toLowerCase()) || key.toLowerCase().includes(best.name.toLowerCase());
    return best.distance <= Math.max(1, Math.floor(Math.max(key.length, best.name.length) / 3)) || (contains && Math.min(key.length, best.name.length) >= 3)
        ? best.name
        : undefined;
}
