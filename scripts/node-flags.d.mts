export const SERVER_V8_FLAGS: string[];
export function serverNodeFlags(nodeOptions?: string): string[];
