// Loaded with `node --require` in a policy pack's process: its `.ts` files run with the
// TypeScript of the folder it starts in (AWS_EUC_TS_DIR, or the working directory).
import { findTypeScript, registerTypeScript } from "./typescript";

const setup = findTypeScript(process.env.AWS_EUC_TS_DIR ?? process.cwd());
if (setup) {
    registerTypeScript(setup);
}
