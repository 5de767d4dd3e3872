// Reads the model types of the official Node SDK (authing-node-sdk 4.0.1, src/models/<Name>.ts): the
// contract's DTOs with their fields, requiredness and enums.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const MODELS = path.join(path.dirname(require.resolve('authing-node-sdk/package.json')), 'src', 'models');

/** { properties: { name: { required, type } }, enums: { property: [values] } }, or null when the SDK has no such model. */
export async function sdkModel(name) {
  let text;
  try {
    text = await readFile(path.join(MODELS, `${name}.ts`), 'utf8');
  } catch {
    return null;
  }
  text = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const body = text.match(new RegExp(`export type ${name} = \\{([\\s\\S]*?)\\n\\};`));
  if (!body) throw new Error(`cannot read the SDK model ${name}`);
  const properties = {};
  for (const [, property, optional, type] of body[1].matchAll(/^\s+'?([\w-]+)'?(\?)?:\s*(.+?);\s*$/gm)) {
    properties[property] = { required: !optional, type };
  }
  const enums = {};
  for (const [, property, values] of text.matchAll(/export enum (\w+) \{([\s\S]*?)\}/g)) {
    enums[property] = [...values.matchAll(/=\s*'([^']*)'/g)].map((v) => v[1]);
  }
  return { properties, enums };
}

/** The JSON type a TypeScript field type stands for, or null when it says nothing checkable (any, models, enums). */
export function jsonTypeOf(tsType) {
  if (tsType === 'string') return 'string';
  if (tsType === 'number') return 'number';
  if (tsType === 'boolean') return 'boolean';
  if (tsType.startsWith('Array<')) return 'array';
  return null;
}
