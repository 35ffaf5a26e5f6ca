/**
 * A small tokenizer for the architecture tests: it tells code from comments and string literals, so
 * that a `/proc` or a `process.exit` inside a comment or a child's `-e` script is not mistaken for
 * the harness's own, and reads the module specifiers a file imports.
 */
export interface Scanned {
  /** The code with every comment removed and every string literal replaced by `"#<index>"`. */
  readonly code: string;
  /** The string literals' contents (template literals: their text outside `${}`), by index. */
  readonly strings: readonly string[];
}

/** Where a `/` starts a regular expression rather than a division (good enough for this code base). */
const REGEX_BEFORE = /(?:^|[(,=:[!&|?{};+\-*%<>~^]|\breturn|\btypeof|\bcase)\s*$/;

export function scan(text: string): Scanned {
  const strings: string[] = [];
  let code = '';
  let i = 0;
  const literal = (value: string) => {
    code += `"#${strings.length}"`;
    strings.push(value);
  };
  const quoted = (quote: string) => {
    let value = '';
    i += 1;
    while (i < text.length && text[i] !== quote && text[i] !== '\n') {
      if (text[i] === '\\') { value += text.slice(i, i + 2); i += 2; continue; }
      value += text[i];
      i += 1;
    }
    i += 1;
    literal(value);
  };
  // A template literal: its text is one literal; each `${...}` body is scanned as code.
  const template = () => {
    let value = '';
    i += 1;
    while (i < text.length && text[i] !== '`') {
      if (text[i] === '\\') { value += text.slice(i, i + 2); i += 2; continue; }
      if (text[i] === '$' && text[i + 1] === '{') {
        i += 2;
        code += ' (';
        codeUntilBrace();
        code += ') ';
        value += '${}';
        continue;
      }
      value += text[i];
      i += 1;
    }
    i += 1;
    literal(value);
  };
  const regex = () => {
    let inClass = false;
    i += 1;
    while (i < text.length && text[i] !== '\n' && (text[i] !== '/' || inClass)) {
      if (text[i] === '\\') i += 1;
      else if (text[i] === '[') inClass = true;
      else if (text[i] === ']') inClass = false;
      i += 1;
    }
    i += 1;
    code += '/regex/';
  };
  // Code up to the `}` that closes the current `${` (or to the end of the file at the top level).
  const codeUntilBrace = (top = false): void => {
    let depth = 0;
    while (i < text.length) {
      const c = text[i]!;
      const next = text[i + 1];
      if (c === '/' && next === '/') {
        while (i < text.length && text[i] !== '\n') i += 1;
      } else if (c === '/' && next === '*') {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? text.length : end + 2;
        code += ' ';
      } else if (c === '"' || c === "'") {
        quoted(c);
      } else if (c === '`') {
        template();
      } else if (c === '/' && REGEX_BEFORE.test(code)) {
        regex();
      } else {
        if (c === '{') depth += 1;
        if (c === '}') {
          if (depth === 0 && !top) { i += 1; return; }
          depth -= 1;
        }
        code += c;
        i += 1;
      }
    }
  };
  codeUntilBrace(true);
  return { code, strings };
}

const stringAt = (s: Scanned, token: string): string => s.strings[Number(token.slice(2, -1))] ?? '';

/** Module specifiers a file names: static and type imports, re-exports, side-effect imports, `import()` and `require()`. */
export function importedSpecifiers(s: Scanned): string[] {
  const token = '"#\\d+"';
  const patterns = [
    new RegExp(`\\bfrom\\s*(${token})`, 'g'),
    new RegExp(`\\bimport\\s*(${token})`, 'g'),
    new RegExp(`\\bimport\\s*\\(\\s*(${token})\\s*\\)`, 'g'),
    new RegExp(`\\brequire\\s*\\(\\s*(${token})\\s*\\)`, 'g'),
  ];
  return patterns.flatMap((p) => [...s.code.matchAll(p)].map((m) => stringAt(s, m[1]!)));
}

/** The file imports node:child_process (statically, lazily or with require). */
export function spawnsChildren(s: Scanned): boolean {
  return importedSpecifiers(s).some((spec) => /^(node:)?child_process$/.test(spec));
}

/** A string literal names /proc (a read of it, whatever the API). */
export function readsProc(s: Scanned): boolean {
  return s.strings.some((text) => /^\/proc(\/|$)/.test(text));
}

/** The code sets the exit code or exits: `process.exit(...)`, `process.exitCode`, an injected `proc.exit`, `process['exit']`. */
export function setsExit(s: Scanned): boolean {
  const named = (i: string) => s.strings[Number(i)] ?? '';
  return /\b(process|proc)\s*\.\s*exit(Code)?\b/.test(s.code) || [...s.code.matchAll(/\bprocess\s*\[\s*"#(\d+)"\s*\]/g)].some((m) => /^exit(Code)?$/.test(named(m[1]!)));
}
