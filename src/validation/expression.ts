/**
 * A small, safe expression language for validation rules over indicator figures. Rules are data, written by
 * statisticians, so they are parsed by hand here and evaluated by walking the tree: nothing is ever handed to
 * eval or Function.
 *
 * Grammar (lowest precedence first):
 *   rule        := implication
 *   implication := or ('=>' implication)?            right-associative: a => b => c is a => (b => c)
 *   or          := and ('or' and)*
 *   and         := not ('and' not)*
 *   not         := 'not' not | comparison
 *   comparison  := sum (('<' | '<=' | '>' | '>=' | '==' | '=' | '!=') sum)?    no chains: a < b < c is an error
 *   sum         := product (('+' | '-') product)*
 *   product     := unary (('*' | '/') unary)*
 *   unary       := '-' unary | primary
 *   primary     := number | reference | 'sum' '(' indicator ')' | '(' implication ')'
 *   reference   := indicator ('[' option ']')?
 *   indicator   := name ('.' name)*        e.g. drug.seized_tablets
 *
 * Numbers are written plainly (12, 0.5). Keywords (and, or, not, sum) are lower case and reserved.
 * Arithmetic yields numbers and comparisons and logic yield truth values; mixing them is a type error found when
 * the rule is parsed, with its position, not when it runs.
 */

export type Expr =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'ref'; indicator: string; option: string | null; pos: number }
  | { kind: 'sum'; indicator: string; pos: number }
  | { kind: 'neg'; operand: Expr; pos: number }
  | { kind: 'arith'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr; pos: number }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr; pos: number }
  | { kind: 'not'; operand: Expr; pos: number }
  | { kind: 'logic'; op: 'and' | 'or' | 'implies'; left: Expr; right: Expr; pos: number };

export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** A rule text that does not parse: where (0-based offset and 1-based column) and why, in both languages. */
export class RuleSyntaxError extends Error {
  constructor(
    readonly position: number,
    readonly reasonVi: string,
    readonly reasonEn: string,
  ) {
    super(`column ${position + 1}: ${reasonEn}`);
    this.name = 'RuleSyntaxError';
  }

  get column(): number {
    return this.position + 1;
  }
}

type TokenKind = 'number' | 'name' | 'op' | 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'end';

interface Token {
  kind: TokenKind;
  text: string;
  pos: number;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'sum']);
/** Longest first, so that "<=" is not read as "<" then "=". */
const OPERATORS = ['=>', '<=', '>=', '==', '!=', '<', '>', '=', '+', '-', '*', '/'];
const NAME_START = /[a-z_]/i;
const NAME_PART = /[a-z0-9_]/i;
const MAX_LENGTH = 2000;

export function tokenize(text: string): Token[] {
  if (text.length > MAX_LENGTH)
    throw new RuleSyntaxError(MAX_LENGTH, 'biểu thức quá dài', 'expression too long');
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^[0-9]*(\.[0-9]+)?/.exec(text.slice(i));
      const literal = match?.[0] ?? '';
      if (NAME_START.test(text[i + literal.length] ?? ''))
        throw new RuleSyntaxError(
          i + literal.length,
          'số không được dính liền với chữ',
          'a number runs into a name',
        );
      tokens.push({ kind: 'number', text: literal, pos: i });
      i += literal.length;
      continue;
    }
    if (NAME_START.test(ch)) {
      const start = i;
      // Dotted names are one token: "drug.seized_tablets".
      while (i < text.length) {
        while (i < text.length && NAME_PART.test(text[i] as string)) i++;
        if (text[i] === '.' && NAME_START.test(text[i + 1] ?? '')) i++;
        else break;
      }
      if (text[i] === '.')
        throw new RuleSyntaxError(
          i,
          'tên chỉ tiêu không được kết thúc bằng dấu chấm',
          'name ends with a dot',
        );
      tokens.push({ kind: 'name', text: text.slice(start, i), pos: start });
      continue;
    }
    const single: Partial<Record<string, TokenKind>> = {
      '(': 'lparen',
      ')': 'rparen',
      '[': 'lbracket',
      ']': 'rbracket',
    };
    const kind = single[ch];
    if (kind) {
      tokens.push({ kind, text: ch, pos: i });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, pos: i });
      i += op.length;
      continue;
    }
    throw new RuleSyntaxError(i, `ký tự không hợp lệ "${ch}"`, `unexpected character "${ch}"`);
  }
  tokens.push({ kind: 'end', text: '', pos: text.length });
  return tokens;
}

type ValueType = 'number' | 'boolean';

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.kind === 'op' && ops.includes(t.text);
  }

  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === 'name' && t.text === word;
  }

  private expect(kind: TokenKind, vi: string, en: string): Token {
    const t = this.peek();
    if (t.kind !== kind) throw this.unexpected(t, vi, en);
    return this.next();
  }

  private unexpected(t: Token, expectedVi: string, expectedEn: string): RuleSyntaxError {
    const found = t.kind === 'end' ? 'hết biểu thức' : `"${t.text}"`;
    const foundEn = t.kind === 'end' ? 'end of expression' : `"${t.text}"`;
    return new RuleSyntaxError(
      t.pos,
      `cần ${expectedVi}, gặp ${found}`,
      `expected ${expectedEn}, found ${foundEn}`,
    );
  }

  parseRule(): Expr {
    const expr = this.implication();
    const t = this.peek();
    if (t.kind !== 'end') throw this.unexpected(t, 'toán tử hoặc hết biểu thức', 'an operator or the end');
    return expr;
  }

  private implication(): Expr {
    const left = this.or();
    if (this.isOp('=>')) {
      const op = this.next();
      const right = this.implication();
      return { kind: 'logic', op: 'implies', left, right, pos: op.pos };
    }
    return left;
  }

  private or(): Expr {
    let left = this.and();
    while (this.isKeyword('or')) {
      const op = this.next();
      left = { kind: 'logic', op: 'or', left, right: this.and(), pos: op.pos };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isKeyword('and')) {
      const op = this.next();
      left = { kind: 'logic', op: 'and', left, right: this.not(), pos: op.pos };
    }
    return left;
  }

  private not(): Expr {
    if (this.isKeyword('not')) {
      const op = this.next();
      return { kind: 'not', operand: this.not(), pos: op.pos };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.additive();
    if (this.isOp('<', '<=', '>', '>=', '==', '=', '!=')) {
      const op = this.next();
      const right = this.additive();
      if (this.isOp('<', '<=', '>', '>=', '==', '=', '!=')) {
        const again = this.peek();
        throw new RuleSyntaxError(
          again.pos,
          'không so sánh nối tiếp (a < b < c); hãy viết a < b and b < c',
          'comparisons do not chain (a < b < c); write a < b and b < c',
        );
      }
      const normalized = (op.text === '=' ? '==' : op.text) as CompareOp;
      return { kind: 'compare', op: normalized, left, right, pos: op.pos };
    }
    return left;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    while (this.isOp('+', '-')) {
      const op = this.next();
      left = {
        kind: 'arith',
        op: op.text as '+' | '-',
        left,
        right: this.multiplicative(),
        pos: op.pos,
      };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    while (this.isOp('*', '/')) {
      const op = this.next();
      left = { kind: 'arith', op: op.text as '*' | '/', left, right: this.unary(), pos: op.pos };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('-')) {
      const op = this.next();
      return { kind: 'neg', operand: this.unary(), pos: op.pos };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.kind === 'number') {
      this.next();
      return { kind: 'number', value: Number(t.text), pos: t.pos };
    }
    if (t.kind === 'lparen') {
      this.next();
      const inner = this.implication();
      this.expect('rparen', 'dấu ")"', '")"');
      return inner;
    }
    if (t.kind === 'name' && t.text === 'sum') {
      this.next();
      this.expect('lparen', 'dấu "(" sau sum', '"(" after sum');
      const name = this.indicatorName();
      if (this.peek().kind === 'lbracket')
        throw new RuleSyntaxError(
          this.peek().pos,
          'sum() cộng mọi phân tổ của một chỉ tiêu, không nhận phân tổ',
          'sum() adds every option of an indicator and takes no option',
        );
      this.expect('rparen', 'dấu ")"', '")"');
      return { kind: 'sum', indicator: name.text, pos: t.pos };
    }
    if (t.kind === 'name') {
      const name = this.indicatorName();
      let option: string | null = null;
      if (this.peek().kind === 'lbracket') {
        this.next();
        const o = this.peek();
        if (o.kind !== 'name' || o.text.includes('.') || KEYWORDS.has(o.text))
          throw this.unexpected(o, 'mã phân tổ', 'an option code');
        this.next();
        option = o.text;
        this.expect('rbracket', 'dấu "]"', '"]"');
      }
      return { kind: 'ref', indicator: name.text, option, pos: name.pos };
    }
    throw this.unexpected(t, 'số, chỉ tiêu hoặc "("', 'a number, an indicator or "("');
  }

  private indicatorName(): Token {
    const t = this.peek();
    if (t.kind !== 'name' || KEYWORDS.has(t.text))
      throw this.unexpected(t, 'mã chỉ tiêu', 'an indicator code');
    return this.next();
  }
}

function typeOf(expr: Expr): ValueType {
  switch (expr.kind) {
    case 'number':
    case 'ref':
    case 'sum':
      return 'number';
    case 'neg':
      expectType(expr.operand, 'number', expr.pos);
      return 'number';
    case 'arith':
      expectType(expr.left, 'number', expr.pos);
      expectType(expr.right, 'number', expr.pos);
      return 'number';
    case 'compare':
      expectType(expr.left, 'number', expr.pos);
      expectType(expr.right, 'number', expr.pos);
      return 'boolean';
    case 'not':
      expectType(expr.operand, 'boolean', expr.pos);
      return 'boolean';
    case 'logic':
      expectType(expr.left, 'boolean', expr.pos);
      expectType(expr.right, 'boolean', expr.pos);
      return 'boolean';
  }
}

function expectType(expr: Expr, wanted: ValueType, opPos: number): void {
  if (typeOf(expr) === wanted) return;
  if (wanted === 'number')
    throw new RuleSyntaxError(
      opPos,
      'phép tính hoặc so sánh cần số, không phải mệnh đề đúng/sai',
      'arithmetic and comparison need numbers, not conditions',
    );
  throw new RuleSyntaxError(
    opPos,
    'and, or, not và => cần mệnh đề so sánh, không phải số',
    'and, or, not and => need conditions, not numbers',
  );
}

/** Parses a rule and checks that it is a condition (true or false), not a number. */
export function parseRule(text: string): Expr {
  const expr = new Parser(tokenize(text)).parseRule();
  if (typeOf(expr) !== 'boolean')
    throw new RuleSyntaxError(
      0,
      'quy tắc phải là một điều kiện (có so sánh), không phải một số',
      'a rule must be a condition (with a comparison), not a number',
    );
  return expr;
}

/** Every indicator reference in a rule, in order of appearance (sum() gives its indicator with option '*'). */
export function references(expr: Expr): Array<{ indicator: string; option: string | null | '*' }> {
  const out: Array<{ indicator: string; option: string | null | '*' }> = [];
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'ref':
        out.push({ indicator: e.indicator, option: e.option });
        return;
      case 'sum':
        out.push({ indicator: e.indicator, option: '*' });
        return;
      case 'number':
        return;
      case 'neg':
      case 'not':
        walk(e.operand);
        return;
      case 'arith':
      case 'compare':
      case 'logic':
        walk(e.left);
        walk(e.right);
        return;
    }
  };
  walk(expr);
  return out;
}

/** Figures by key: "indicator" for an indicator without options, "indicator/option" otherwise. */
export type FigureMap = ReadonlyMap<string, number | null>;

export interface Evaluation {
  /** true: the rule holds; false: it is broken; null: it could not be decided (every figure missing, or x / 0). */
  result: boolean | null;
  /** The figure keys the rule looked at (present in the map or not). */
  fields: string[];
  /** Whether at least one referenced figure has a value. */
  anyPresent: boolean;
}

/**
 * Evaluates a parsed rule. Missing figures (absent or null) count as 0, so that "tablets seized requires a case"
 * is broken when the case count was left empty; sum() adds the options present. A division by zero makes the
 * comparison that uses it undecided, and logic then follows Kleene's three-valued rules (false and ? = false).
 */
export function evaluate(expr: Expr, figures: FigureMap): Evaluation {
  const fields = new Set<string>();
  let anyPresent = false;
  const read = (key: string): number => {
    fields.add(key);
    const v = figures.get(key);
    if (v === null || v === undefined) return 0;
    anyPresent = true;
    return v;
  };
  const num = (e: Expr): number | null => {
    switch (e.kind) {
      case 'number':
        return e.value;
      case 'ref':
        return read(e.option === null ? e.indicator : `${e.indicator}/${e.option}`);
      case 'sum': {
        let total = 0;
        let matched = false;
        const prefix = `${e.indicator}/`;
        for (const key of figures.keys()) {
          if (key === e.indicator || key.startsWith(prefix)) {
            matched = true;
            total += read(key);
          }
        }
        if (!matched) fields.add(e.indicator);
        return total;
      }
      case 'neg': {
        const v = num(e.operand);
        return v === null ? null : -v;
      }
      case 'arith': {
        const a = num(e.left);
        const b = num(e.right);
        if (a === null || b === null) return null;
        switch (e.op) {
          case '+':
            return a + b;
          case '-':
            return a - b;
          case '*':
            return a * b;
          case '/':
            return b === 0 ? null : a / b;
        }
        return null;
      }
      default:
        throw new Error(`not a number expression: ${e.kind}`);
    }
  };
  const bool = (e: Expr): boolean | null => {
    switch (e.kind) {
      case 'compare': {
        const a = num(e.left);
        const b = num(e.right);
        if (a === null || b === null) return null;
        // Figures are decimals of at most a few places; a tolerance keeps 0.1 + 0.2 == 0.3 true.
        const eps = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
        switch (e.op) {
          case '<':
            return a < b - eps;
          case '<=':
            return a <= b + eps;
          case '>':
            return a > b + eps;
          case '>=':
            return a >= b - eps;
          case '==':
            return Math.abs(a - b) <= eps;
          case '!=':
            return Math.abs(a - b) > eps;
        }
        return null;
      }
      case 'not': {
        const v = bool(e.operand);
        return v === null ? null : !v;
      }
      case 'logic': {
        // Both sides are always evaluated so that `fields` lists every figure of the rule.
        const a = bool(e.left);
        const b = bool(e.right);
        if (e.op === 'and') {
          if (a === false || b === false) return false;
          return a === null || b === null ? null : true;
        }
        if (e.op === 'or') {
          if (a === true || b === true) return true;
          return a === null || b === null ? null : false;
        }
        if (a === false || b === true) return true;
        return a === null || b === null ? null : false;
      }
      default:
        throw new Error(`not a condition: ${e.kind}`);
    }
  };
  const result = bool(expr);
  return { result: anyPresent ? result : null, fields: [...fields], anyPresent };
}

/** The parse tree back as text with every operation bracketed; shows how precedence was applied. */
export function show(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return String(expr.value);
    case 'ref':
      return expr.option === null ? expr.indicator : `${expr.indicator}[${expr.option}]`;
    case 'sum':
      return `sum(${expr.indicator})`;
    case 'neg':
      return `(-${show(expr.operand)})`;
    case 'not':
      return `(not ${show(expr.operand)})`;
    case 'arith':
    case 'compare':
      return `(${show(expr.left)} ${expr.op} ${show(expr.right)})`;
    case 'logic':
      return `(${show(expr.left)} ${expr.op === 'implies' ? '=>' : expr.op} ${show(expr.right)})`;
  }
}
