import { ArgumentProblems } from "../shared";

/**
 * The problems of one part of a composite's arguments, recorded in the composite's list with the
 * part's path in front (`fleet.capacity`, `users.users[0].email`), so a part's own checks report
 * paths as the user wrote them in the composite.
 */
export class ScopedProblems extends ArgumentProblems {
    constructor(
        private readonly whole: ArgumentProblems,
        private readonly prefix: string,
    ) {
        super("", "");
    }

    override add(propertyPath: string, reason: string): void {
        this.whole.add(propertyPath ? `${this.prefix}.${propertyPath}` : this.prefix, reason);
    }
}
