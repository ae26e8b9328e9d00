// R-ONE-1: the first behaviour lives here.
export const first = 1;
// R-ONE-9 is not defined anywhere.
