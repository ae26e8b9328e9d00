export interface Row {
  readonly id: string;
}
export const open = (): Row[] => [];
