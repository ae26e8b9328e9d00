export const allow = (): boolean => true;
