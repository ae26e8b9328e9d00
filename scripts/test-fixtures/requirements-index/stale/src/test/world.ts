// A harness that only tests run (R-ONE-2/3).
export const world = {};
