/** Types of programs.mjs, for the TypeScript that runs the programs as production does (the bench). */
export declare const PROGRAMS: Readonly<Record<string, { readonly entry: string; readonly script: string }>>;
export declare function nodeFlagsOf(name: string): string[];
