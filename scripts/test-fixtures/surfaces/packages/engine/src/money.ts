export const dec = (value: string): string => value;
export function sameDecimal(a: string, b: string): boolean {
  return a === b;
}
