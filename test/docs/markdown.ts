import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** README.md and every docs/*.md, in the order a reader meets them (README first, then docs/ by name). */
export function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(ROOT, 'docs', name));
  return [join(ROOT, 'README.md'), ...docs];
}

export const rel = (file: string): string => relative(ROOT, file);

export interface CodeBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  body: string;
  /**
   * The `<!-- shell: … -->` note right above the fence (blank lines between allowed): `not-run — reason` or
   * `expect 4xx — reason`.
   */
  note?: string;
}

const NOTE = /^<!--\s*shell:\s*(.*?)\s*-->$/;

export function codeBlocks(file: string): CodeBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    let j = start - 1;
    while (j >= 0 && lines[j].trim() === '') j--;
    const note = j >= 0 ? NOTE.exec(lines[j].trim())?.[1] : undefined;
    blocks.push({ file, line: start + 1, lang: open[1], body: body.join('\n') + '\n', note });
  }
  return blocks;
}

export const isShell = (block: CodeBlock): boolean => ['bash', 'sh', 'shell'].includes(block.lang);

/** What a `<!-- shell: … -->` note asks for. */
export function parseNote(
  note: string | undefined,
):
  { kind: 'run' } | { kind: 'not-run'; reason: string } | { kind: 'expect'; status: number; reason: string } {
  if (note === undefined) return { kind: 'run' };
  const notRun = /^not-run\s+—\s+(\S.*)$/.exec(note);
  if (notRun) return { kind: 'not-run', reason: notRun[1] };
  const expect = /^expect\s+([1-5]\d\d)\s+—\s+(\S.*)$/.exec(note);
  if (expect) return { kind: 'expect', status: Number(expect[1]), reason: expect[2] };
  throw new Error(
    `unreadable shell note "${note}": use "not-run — <reason>" or "expect <status> — <reason>"`,
  );
}

const BEGIN = (name: string) => `<!-- generated: ${name} (npm run docs:lists) -->`;
const END = '<!-- end generated -->';

/** The text between a generated section's markers, or undefined when the file has none. */
export function generatedSection(text: string, name: string): string | undefined {
  const begin = text.indexOf(BEGIN(name));
  if (begin < 0) return undefined;
  const from = begin + BEGIN(name).length;
  const end = text.indexOf(END, from);
  if (end < 0) throw new Error(`generated section ${name} has no end marker`);
  return text.slice(from, end);
}

export function replaceGeneratedSection(text: string, name: string, content: string): string {
  const begin = text.indexOf(BEGIN(name));
  const from = begin + BEGIN(name).length;
  const end = text.indexOf(END, from);
  return text.slice(0, from) + content + text.slice(end);
}
