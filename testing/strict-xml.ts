// A strict XML 1.0 reading for tests of feeds and sitemaps: saxes checks well-formedness to the
// letter of the spec (characters outside XML's Char production, `]]>` in text, undeclared
// namespace prefixes), where fast-xml-parser is lenient. A document that any conforming feed
// reader would reject throws here.
import { SaxesParser } from 'saxes';

/** One element as read: its qualified name, attributes and the text it directly holds (CDATA included). */
export type XmlElement = { name: string; attributes: Record<string, string>; text: string; children: XmlElement[] };

/** Parses `xml` strictly; throws with saxes's message (line and column) on the first fault. */
export function parseStrictXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XmlElement = { name: '#document', attributes: {}, text: '', children: [] };
  const stack: XmlElement[] = [root];
  let failure: Error | undefined;
  const top = () => stack[stack.length - 1] as XmlElement;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      attributes[name] = typeof attribute === 'string' ? attribute : attribute.value;
    }
    const element: XmlElement = { name: tag.name, attributes, text: '', children: [] };
    top().children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    top().text += text;
  });
  parser.on('cdata', (text) => {
    top().text += text;
  });
  parser.write(xml).close();
  if (failure) throw failure;
  const [document] = root.children;
  if (!document || root.children.length !== 1) throw new Error('not exactly one root element');
  return document;
}

/** Every element named `name` below `element`, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const child of e.children) {
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}
