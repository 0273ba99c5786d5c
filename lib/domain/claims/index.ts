export * from "./types";
export * from "./reasons";
export * from "./arithmetic";
export * from "./customer";
export * from "./totals";
