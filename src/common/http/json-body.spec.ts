import { jsonDeeperThan } from './json-body';

describe('jsonDeeperThan', () => {
  it('counts objects and arrays outside strings', () => {
    expect(jsonDeeperThan('{"a":[{"b":[]}]}', 4)).toBe(false);
    expect(jsonDeeperThan('{"a":[{"b":[]}]}', 3)).toBe(true);
    expect(jsonDeeperThan('"[[[[[["', 1)).toBe(false);
    expect(jsonDeeperThan('{"a":"\\"[[[[","b":1}', 1)).toBe(false);
    expect(jsonDeeperThan('{"a":"\\\\","b":[[1]]}', 2)).toBe(true);
    expect(jsonDeeperThan('[][][][]', 1)).toBe(false);
  });
});
