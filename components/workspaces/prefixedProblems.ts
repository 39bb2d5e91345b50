import { ArgumentProblems } from "../shared";

/**
 * The problems of a part, reported into a composite's list under the path the user wrote: a
 * `Directory`'s `network.subnetIds` is `directory.network.subnetIds` in a `DesktopEnvironment`.
 */
export class PrefixedProblems extends ArgumentProblems {
    constructor(
        private readonly target: ArgumentProblems,
        private readonly prefix: string,
    ) {
        super("", "");
    }

    override add(propertyPath: string, reason: string): void {
        this.target.add(`${this.prefix}${propertyPath}`, reason);
    }
}
