// One published article whose title, lead and section name hold what XML cannot (a control
// character, a noncharacter) and what would end a CDATA section, a script or open a comment
// must not break any feed, sitemap or the article's JSON-LD for everyone else: each stays
// well-formed to a strict XML parser, and says the text as written less those characters.
import { expect, test } from '@playwright/test';
import { saveInEditor, signIn } from './cluster/instances';
import { createUser, e2eSql, insertArticle, uniqueSlug } from './fixtures';
import { findAll, parseStrictXml, type XmlElement } from '../testing/strict-xml';
import { xmlText } from '../lib/xml-text';

// PostgreSQL stores neither NUL nor a lone surrogate (postgres.js sends U+FFFD for one), so these
// are the hostile characters a row can really hold; lib/feeds.test.ts covers the rest.
const HOSTILE = 'Tin ]]> một ]]><link>https://evil.example/</link><![CDATA[ hai \u0001\u001F\uFFFE\uFFFF </script><script>alert(1)</script> <!-- & &amp; đ';

/** As a parser reads the cleaned text back. */
const asParsed = (text: string) => xmlText(text).replace(/\r\n?/g, '\n');
const child = (element: XmlElement | undefined, name: string) => element?.children.find((c) => c.name === name);

test('feeds, sitemaps and JSON-LD stay well-formed with a hostile article published', async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const sql = e2eSql();
  const sectionSlug = uniqueSlug('chuyen-muc-doc');
  const [section] = await sql<{ id: number }[]>`
    insert into sections (slug, name, description, position) values (${sectionSlug}, ${`Mục ${HOSTILE}`}, ${`Mô tả ${HOSTILE}`}, 98) returning id`;
  const slug = uniqueSlug('bai-doc');
  await insertArticle({ slug, title: HOSTILE, lead: `Tóm tắt ${HOSTILE}`, sectionId: section?.id, publishedAt: new Date(Date.now() - 1_000) });
  const [stored] = await sql<{ title: string; lead: string }[]>`select title, lead from articles where slug = ${slug}`;
  if (!stored) throw new Error('the article was not stored');
  expect(stored.title).toContain('\u0001');

  // Feeds and sitemaps are static: a publish through the newsroom regenerates them all, as it would
  // when the hostile article itself was published.
  const editor = await createUser('editor', 'bientap-doc');
  const session = await signIn(baseURL as string, editor.email, editor.password);
  const other = await insertArticle({ slug: uniqueSlug('bai-kich-hoat'), title: 'Bài làm mới các nguồn tin', status: 'draft', sectionId: section?.id });
  expect((await saveInEditor(baseURL as string, session, other, 'publish', {})).status).toBe(303);

  const fetchXml = async (path: string) => {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const text = await response.text();
    try {
      return parseStrictXml(text);
    } catch (error) {
      throw new Error(`${path} is not well-formed: ${(error as Error).message}`);
    }
  };
  const itemFor = (doc: XmlElement) => findAll(doc, 'item').find((i) => child(i, 'link')?.text.endsWith(`/bai-viet/${slug}`));

  for (const path of ['/rss.xml', `/chuyen-muc/${sectionSlug}/rss.xml`]) {
    const doc = await fetchXml(path);
    const item = itemFor(doc);
    expect(child(item, 'title')?.text, path).toBe(asParsed(stored.title));
    expect(child(item, 'description')?.text, path).toBe(asParsed(stored.lead));
    expect(child(item, 'category')?.text, path).toBe(asParsed(`Mục ${HOSTILE}`));
    expect(findAll(doc, 'link').some((l) => l.text.includes('evil.example')), path).toBe(false);
  }
  const sectionFeed = await fetchXml(`/chuyen-muc/${sectionSlug}/rss.xml`);
  expect(child(findAll(sectionFeed, 'channel')[0], 'description')?.text).toBe(asParsed(`Mô tả ${HOSTILE}`));

  const sitemap = await fetchXml('/sitemap.xml');
  expect(findAll(sitemap, 'loc').some((l) => l.text.endsWith(`/bai-viet/${slug}`))).toBe(true);
  const news = await fetchXml('/news-sitemap.xml');
  const entry = findAll(news, 'url').find((u) => child(u, 'loc')?.text.endsWith(`/bai-viet/${slug}`));
  expect(findAll(entry as XmlElement, 'news:title').map((t) => t.text)).toEqual([asParsed(stored.title)]);

  // The article page: its JSON-LD is the whole script element (nothing closed it early), parses,
  // and holds the cleaned title; the title's own <script> never became an element.
  const page = await request.get(`/bai-viet/${slug}`);
  expect(page.status()).toBe(200);
  const html = await page.text();
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  expect(scripts).toHaveLength(1);
  const jsonLd = JSON.parse(scripts[0] as string) as { headline: string; description: string; articleSection: string };
  expect(jsonLd.headline).toBe(xmlText(stored.title));
  expect(jsonLd.description).toBe(xmlText(stored.lead));
  expect(jsonLd.articleSection).toBe(xmlText(`Mục ${HOSTILE}`));
  expect(html).not.toContain('<script>alert(1)</script>');
});
