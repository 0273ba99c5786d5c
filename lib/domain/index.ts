export * from "./movements";
export * from "./ledger";
export * from "./periods";
export * from "./compliance";
export * from "./rounding";
export * from "./units";
export * from "./edi-sender";
