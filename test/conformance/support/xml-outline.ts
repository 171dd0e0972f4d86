/** An element of a parsed XML document: its name, attributes and child elements. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
}

const TOKEN =
  /<\?[^>]*\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"<]*")*)\s*(\/?)>|<|&(?!(?:lt|gt|amp|apos|quot|#\d+);)/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*"([^"<]*)"/g;

/**
 * A strict outline parser for the XML our reports write: throws on a stray `<` or `&`, a
 * mismatched or unclosed tag, or more than one root element. Enough to prove a JUnit file parses.
 */
export function parseXmlOutline(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  for (const match of xml.matchAll(TOKEN)) {
    const [text, closing, name, attributes = '', selfClosing] = match;
    if (text === '<' || text === '&') throw new Error(`stray "${text}" at offset ${match.index}`);
    if (!name) continue;
    const parent = stack.at(-1) as XmlElement;
    if (closing) {
      if (parent.name !== name)
        throw new Error(`</${name}> closes <${parent.name}> at offset ${match.index}`);
      stack.pop();
      continue;
    }
    const element: XmlElement = {
      name,
      attributes: Object.fromEntries([...attributes.matchAll(ATTRIBUTE)].map(([, k = '', v = '']) => [k, v])),
      children: [],
    };
    parent.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)?.name}>`);
  const [top, ...extra] = root.children;
  if (!top || extra.length > 0) throw new Error('an XML document has exactly one root element');
  return top;
}
