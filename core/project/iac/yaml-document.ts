import { isMap, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, Pair, ScalarTag, CollectionTag, YAMLMap } from 'yaml';

/**
 * CloudFormation's short-form intrinsic functions (`!Ref X`, `!Sub "..."`, `!GetAtt A.B`, ...), as tags
 * the yaml package resolves to their long form (`{ Ref: 'X' }`), so that a template reads like its
 * JSON twin instead of failing on an unknown tag.
 */
const INTRINSICS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  Sub: 'Fn::Sub',
  GetAtt: 'Fn::GetAtt',
  Join: 'Fn::Join',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  If: 'Fn::If',
  Equals: 'Fn::Equals',
  And: 'Fn::And',
  Or: 'Fn::Or',
  Not: 'Fn::Not',
  FindInMap: 'Fn::FindInMap',
  ImportValue: 'Fn::ImportValue',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  GetAZs: 'Fn::GetAZs',
  Transform: 'Fn::Transform',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
  ForEach: 'Fn::ForEach',
};

const CLOUDFORMATION_TAGS: Array<ScalarTag | CollectionTag> = Object.entries(INTRINSICS).flatMap(([short, long]) => [
  { tag: `!${short}`, resolve: (value: string) => ({ [long]: short === 'GetAtt' ? value.split('.') : value }) } as ScalarTag,
  {
    tag: `!${short}`,
    collection: 'seq',
    resolve: (seq: { toJSON: () => unknown }) => ({ [long]: seq.toJSON() }),
  } as unknown as CollectionTag,
  {
    tag: `!${short}`,
    collection: 'map',
    resolve: (map: { toJSON: () => unknown }) => ({ [long]: map.toJSON() }),
  } as unknown as CollectionTag,
]);

/** A parsed YAML (or JSON) file with the line of each node. */
export interface YamlFile {
  document: Document;
  lineOf: (node: YamlNode | null | undefined) => number;
}

/** Parses YAML or JSON (JSON is YAML) with CloudFormation's tags; `undefined` when it does not parse. */
export function parseYamlFile(text: string): YamlFile | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, customTags: CLOUDFORMATION_TAGS, uniqueKeys: false });
  if (document.errors.length > 0) return undefined;
  return {
    document,
    lineOf: (node) => (node?.range ? lineCounter.linePos(node.range[0]).line : 0),
  };
}

/** The pair `key` of a map node, to get the line a property is written on. */
export function pairOf(map: unknown, key: string): Pair<YamlNode, YamlNode> | undefined {
  if (!isMap(map)) return undefined;
  return (map as YAMLMap<YamlNode, YamlNode>).items.find(
    (item) => isPair(item) && isScalar(item.key) && item.key.value === key,
  ) as Pair<YamlNode, YamlNode> | undefined;
}

/** The node at a path of keys, or `undefined`. */
export function nodeAt(map: unknown, ...keys: string[]): YamlNode | undefined {
  let current: unknown = map;
  for (const key of keys) current = pairOf(current, key)?.value;
  return (current ?? undefined) as YamlNode | undefined;
}

/** A node's plain value (intrinsics in their long form). */
export function valueOf(node: unknown): unknown {
  if (!node || typeof node !== 'object' || !('toJSON' in node)) return undefined;
  return (node as { toJSON: () => unknown }).toJSON();
}
