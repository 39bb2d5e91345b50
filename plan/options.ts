/** Which program to plan, and with what stack and configuration. */
export interface PlanOptions {
    /** Folder of the program (holding `Pulumi.yaml`). */
    programDir: string;
    stack: string;
    /** `--config key=value` pairs, in order. */
    config: Record<string, string>;
    /** A stack config file to read instead of `Pulumi.<stack>.yaml`. */
    configFile?: string;
    /** A file of canned invoke results and resource outputs (`--mocks`). */
    mocksFile?: string;
}
