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

/**
 * Calls a node's event prop with an argument. The renderer types `trigger`'s argument as the
 * handler itself, so a value (the new Select value, a Toggle's checked) needs this cast.
 */
export function fire(node: { trigger: unknown }, event: string, arg: unknown): void {
  (node.trigger as (name: string, value: unknown) => void)(event, arg);
}
