/**
 * Writes the TypeScript `paths` type of the OpenAPI document, in the shape openapi-fetch reads, for clients other
 * than the page (which imports the zod contract directly). openapi-typescript would do this but needs
 * TypeScript 5; the document uses a small part of JSON Schema, translated here.
 *   node --import tsx scripts/openapi-types.ts [FILE]   (default: src/contract/paths.ts)
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Schema = Record<string, unknown>;
interface Operation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Where the `paths` type of the committed document lives. */
export const PATHS_FILE = 'src/contract/paths.ts';

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

/** The TypeScript type of a JSON Schema, for the subset zod and fastify-swagger emit. */
export function typeOf(schema: Schema | undefined, indent = ''): string {
  if (!schema) return 'unknown';
  if (typeof schema.$ref === 'string')
    return `components['schemas'][${JSON.stringify(schema.$ref.split('/').pop())}]`;
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (options) return options.map((o) => typeOf(o, indent)).join(' | ');
  if (Array.isArray(schema.allOf))
    return (schema.allOf as Schema[]).map((o) => typeOf(o, indent)).join(' & ');
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  return types
    .map((type) => {
      switch (type) {
        case 'string':
          return schema.format === 'binary' ? 'Blob' : 'string';
        case 'integer':
        case 'number':
          return 'number';
        case 'boolean':
          return 'boolean';
        case 'null':
          return 'null';
        case 'array':
          if (Array.isArray(schema.prefixItems))
            return `[${(schema.prefixItems as Schema[]).map((s) => typeOf(s, indent)).join(', ')}]`;
          return `Array<${typeOf(schema.items as Schema | undefined, indent)}>`;
        case 'object': {
          const properties = (schema.properties ?? {}) as Record<string, Schema>;
          const required = new Set((schema.required ?? []) as string[]);
          const inner = `${indent}  `;
          const lines = Object.entries(properties).map(
            ([name, s]) => `${inner}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(s, inner)};`,
          );
          const extra = schema.additionalProperties;
          if (extra && typeof extra === 'object')
            lines.push(`${inner}[key: string]: ${typeOf(extra as Schema, inner)};`);
          if (lines.length === 0)
            return extra === false ? 'Record<string, never>' : 'Record<string, unknown>';
          return `{\n${lines.join('\n')}\n${indent}}`;
        }
        default:
          return 'unknown';
      }
    })
    .join(' | ');
}

function contentOf(content: Record<string, { schema?: Schema }> | undefined, indent: string): string {
  const entries = Object.entries(content ?? {});
  if (entries.length === 0) return 'never';
  const inner = `${indent}  `;
  return `{\n${entries.map(([type, m]) => `${inner}${JSON.stringify(type)}: ${typeOf(m.schema, inner)};`).join('\n')}\n${indent}}`;
}

function parametersOf(op: Operation, where: string, indent: string): string {
  const params = (op.parameters ?? []).filter((p) => p.in === where);
  if (params.length === 0) return 'never';
  const inner = `${indent}  `;
  return `{\n${params.map((p) => `${inner}${key(p.name)}${p.required ? '' : '?'}: ${typeOf(p.schema, inner)};`).join('\n')}\n${indent}}`;
}

/** The module text: `paths` and `components` as openapi-fetch expects them. */
export function pathsModule(doc: Document): string {
  const out: string[] = [
    '// Generated from openapi.json by scripts/openapi-types.ts (`npm run openapi`); do not edit.',
    '// test/api/openapi.test.ts fails when this file and the document disagree.',
    '',
    'export interface paths {',
  ];
  for (const [path, methods] of Object.entries(doc.paths)) {
    out.push(`  ${JSON.stringify(path.replace(/:(\w+)/g, '{$1}'))}: {`);
    for (const [method, op] of Object.entries(methods)) {
      out.push(`    ${method}: {`);
      out.push('      parameters: {');
      for (const where of ['query', 'path'])
        out.push(
          `        ${where}${(op.parameters ?? []).some((p) => p.in === where && p.required) ? '' : '?'}: ${parametersOf(op, where, '        ')};`,
        );
      out.push('      };');
      if (op.requestBody)
        out.push(
          `      requestBody${op.requestBody.required ? '' : '?'}: { content: ${contentOf(op.requestBody.content, '        ')} };`,
        );
      out.push('      responses: {');
      for (const [status, answer] of Object.entries(op.responses ?? {}))
        out.push(
          `        ${status}: { headers: Record<string, unknown>; content: ${contentOf(answer.content, '          ')} };`,
        );
      out.push('      };');
      out.push('    };');
    }
    out.push('  };');
  }
  out.push('}', '', 'export interface components {', '  schemas: {');
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {}))
    out.push(`    ${key(name)}: ${typeOf(schema, '    ')};`);
  out.push('  };', '}', '');
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? PATHS_FILE;
  const doc = JSON.parse(readFileSync('openapi.json', 'utf8')) as Document;
  writeFileSync(file, pathsModule(doc));
  process.stdout.write(`${file}\n`);
}
