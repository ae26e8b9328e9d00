export const world = (): string => 'world';
export const unusedFixture = (): string => 'fixture';
