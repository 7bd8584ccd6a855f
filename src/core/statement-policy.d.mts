export declare const PREPARED_LIMIT: number;
export declare function keepsPrepared(text: string): boolean;
export declare function isStalePlan(err: unknown): boolean;
