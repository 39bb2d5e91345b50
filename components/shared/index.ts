export * from "./errors";
export * from "./regions";
export * from "./naming";
export * from "./tags";
export * from "./domains";
export * from "./formats";
export * from "./alarms";
export * from "./accountFacts";
