import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

const packageVersion = (
  JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }
).version;

describe('GET / and the served spec', () => {
  let t: TestApp;
  let behindProxy: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    behindProxy = await startTestApp({ env: { PUBLIC_URL: 'https://autopay.example/' } });
  });
  afterAll(async () => {
    await t.close();
    await behindProxy.close();
  });

  it('GET / answers an index with the version and links that answer, without a key', async () => {
    const res = await t.request('GET', '/');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      name: 'Autopay API',
      version: packageVersion,
      links: {
        docs: '/docs',
        openapi: '/docs-json',
        health: '/health',
        ready: '/health/ready',
        metrics: '/metrics',
      },
    });
    for (const link of ['/docs', '/docs-json', '/health', '/health/ready']) {
      expect([link, (await t.request('GET', link)).status]).toEqual([link, 200]);
    }
  });

  it("the served spec's server is where the request came in ('Try it out' works on any port)", async () => {
    const res = await t.request('GET', '/docs-json');
    expect(res.body.servers).toEqual([{ url: t.url, description: 'This deployment' }]);
  });

  it('with PUBLIC_URL the served spec names it; the committed spec keeps its {base_url} variable', async () => {
    const res = await behindProxy.request('GET', '/docs-json');
    expect(res.body.servers).toEqual([{ url: 'https://autopay.example', description: 'This deployment' }]);
    const committed = JSON.parse(readFileSync(join(__dirname, '../../openapi/openapi.json'), 'utf8')) as {
      servers: { url: string }[];
    };
    expect(committed.servers[0].url).toBe('{base_url}');
  });

  it('every tag an operation uses is described in the spec', async () => {
    const spec = (await t.request('GET', '/docs-json')).body as {
      tags: { name: string; description: string }[];
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const used = new Set(
      Object.values(spec.paths).flatMap((item) => Object.values(item).flatMap((op) => op.tags ?? [])),
    );
    const described = new Map(spec.tags.map((tag) => [tag.name, tag.description]));
    expect([...used].filter((tag) => !described.get(tag))).toEqual([]);
    expect([...described.keys()].filter((tag) => !used.has(tag))).toEqual([]);
  });
});
