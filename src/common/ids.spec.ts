import { ID_PATTERN, newId, newIdHead } from './ids';

describe('newId', () => {
  it('makes valid, unique ids that sort in creation order, well past one refill of the random pool', () => {
    const ids = Array.from({ length: 5000 }, () => newId('ref', 1_765_000_000_000));
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('gives different milliseconds different random parts, and heads that differ from each other', () => {
    const randoms = Array.from({ length: 2000 }, (_, i) =>
      newId('evt', 1_765_000_000_000 + i * 40).slice(14),
    );
    expect(new Set(randoms).size).toBe(randoms.length);
    const heads = Array.from({ length: 2000 }, () => newIdHead('whd', 1_765_000_000_000));
    expect(new Set(heads).size).toBe(heads.length);
    for (const head of heads) expect(`${head}00`).toMatch(ID_PATTERN);
  });
});
