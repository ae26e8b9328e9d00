import {
  activityActionSchema,
  directionSchema,
  errorCategorySchema,
  linkStatusSchema,
  recordColumnSchema,
  syncObjectSchema,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';

// R-VIS-5: what a person reads holds no internal code, enum value or ISO timestamp. These read
// every text a rendered tree shows a person: text nodes, and the props HubSpot draws as text
// (titles, labels, options), overlays (tooltips, panels) included.

interface NodeLike {
  nodeType?: string;
  text?: string | null;
  props?: Record<string, unknown>;
  childNodes?: readonly NodeLike[];
}

const SHOWN_PROPS = ['title', 'label', 'description', 'placeholder', 'tooltip'];

/** Every text of the tree a person reads, one string per node or prop. */
export function shownTexts(node: NodeLike | null | undefined): string[] {
  if (!node) return [];
  const out: string[] = [];
  if (!node.childNodes && typeof node.text === 'string') out.push(node.text);
  for (const [key, value] of Object.entries(node.props ?? {})) {
    if (SHOWN_PROPS.includes(key) && typeof value === 'string') out.push(value);
    if (key === 'options' && Array.isArray(value))
      for (const o of value) if (typeof o?.label === 'string') out.push(o.label);
    if (value && typeof value === 'object' && 'childNodes' in value)
      out.push(...shownTexts(value as NodeLike));
  }
  for (const child of node.childNodes ?? []) out.push(...shownTexts(child));
  return out;
}

const ENUM_VALUES = new Set<string>([
  ...syncObjectSchema.options,
  ...linkStatusSchema.options,
  ...directionSchema.options,
  ...activityActionSchema.options,
  ...errorCategorySchema.options,
  ...recordColumnSchema.options,
]);
const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const SNAKE_CASE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/;
const CAMEL_CASE = /\b[a-z]+[A-Z][A-Za-z]*\b/;

/** The texts that show a code: an ISO timestamp, a snake_case or camelCase token, or an enum value as it is. */
export function codesShown(texts: readonly string[]): string[] {
  return texts.filter(
    (t) => ISO_TIMESTAMP.test(t) || SNAKE_CASE.test(t) || CAMEL_CASE.test(t) || ENUM_VALUES.has(t.trim()),
  );
}
