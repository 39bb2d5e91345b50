export * from "../../engine";
export * from "./scenario";
