// The renderer's `text` holds only a node's own text children; views nest Text in Alerts, cells
// and lists, so assertions read the text of the whole subtree.
interface NodeLike {
  text?: string | null;
  childNodes?: readonly NodeLike[];
}

export function textOf(node: NodeLike | null | undefined): string {
  if (!node) return '';
  const own = node.childNodes ? '' : (node.text ?? '');
  return own + (node.childNodes ?? []).map((child) => textOf(child)).join(' ');
}
