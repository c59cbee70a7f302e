export function electronBinary(): string | null;
export function fetchElectron(timeoutMs?: number): string | null;
