import { describe, expect, it } from '@jest/globals';

// None of these is a tag: a SKU, an id, an entity, a colour, a requirement, an association type.
const notTags = ['W-1', 'e2e-item-w1', '&#39;', '#33475b', 'R-ERR-7', 'line item 409', 'W100'];

// W12 moved this here (a tag in a comment).
describe('a title with a tag (W3, R-ERR-7)', () => {
  it('names issue #12 and item 4 and (#5)', () => expect(notTags).toHaveLength(7));
});
