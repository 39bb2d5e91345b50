import { ArgumentProblems, isPlain } from "../shared";
import { DESCRIPTION_MAX, DISPLAY_NAME_MAX } from "./awsRules";

/** Checks a display name and description against AppStream's lengths. */
export function validateLabels(args: { displayName?: string; description?: string }, problems: ArgumentProblems): void {
    if (isPlain(args.displayName)) {
        problems.require(args.displayName.length <= DISPLAY_NAME_MAX, "displayName", `has ${args.displayName.length} characters; AppStream takes at most ${DISPLAY_NAME_MAX}`);
    }
    if (isPlain(args.description)) {
        problems.require(args.description.length <= DESCRIPTION_MAX, "description", `has ${args.description.length} characters; AppStream takes at most ${DESCRIPTION_MAX}`);
    }
}
