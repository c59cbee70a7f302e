/**
 * A compiled query with its `?` parameters written into the SQL text as literals, for a script run
 * by one `Database#exec` (write-batch.ts): exec takes no parameters. Each literal stores what the
 * sqlite3 binding would have stored for that value (same type, same bytes), so a batch writes the
 * rows a prepared statement would.
 */
export function inlineParameters(sql: string, parameters: readonly unknown[]): string {
  let out = '';
  let next = 0;
  let from = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === '`') i = closingQuote(sql, i, c);
    else if (c === '[') i = must(sql.indexOf(']', i), sql);
    else if (c === '-' && sql[i + 1] === '-') i = endOf(sql.indexOf('\n', i), sql);
    else if (c === '/' && sql[i + 1] === '*') i = must(sql.indexOf('*/', i + 2), sql) + 1;
    else if (c === '?') {
      if (/[0-9]/.test(sql[i + 1] ?? '')) throw new Error('inlineParameters: numbered parameters (?NNN) are not supported');
      if (next >= parameters.length) throw new Error('inlineParameters: more placeholders than parameters');
      out += sql.slice(from, i) + sqlLiteral(parameters[next++]);
      from = i + 1;
    }
  }
  if (next !== parameters.length) throw new Error('inlineParameters: more parameters than placeholders');
  return out + sql.slice(from);
}

/** The index of the quote that closes the one at `start` (a doubled quote is part of the text). */
function closingQuote(sql: string, start: number, q: string): number {
  let i = start + 1;
  for (;;) {
    i = must(sql.indexOf(q, i), sql);
    if (sql[i + 1] !== q) return i;
    i += 2;
  }
}

function must(i: number, sql: string): number {
  if (i < 0) throw new Error(`inlineParameters: unterminated quote or comment in ${sql.slice(0, 80)}`);
  return i;
}

const endOf = (i: number, sql: string) => (i < 0 ? sql.length : i);

const isInt32 = (n: number) => (n | 0) === n;
/** A negative number in parentheses: after a minus (`x -?`) its sign would otherwise start a `--` comment. */
const signed = (text: string) => (text.startsWith('-') ? `(${text})` : text);
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * One value as SQL text, stored as the sqlite3 binding stores it: a number that is a 32-bit
 * integer as INTEGER (so -0 is 0), any other finite number as REAL written with 17 significant
 * digits (the shortest form does not always parse back to the same double in SQLite); booleans
 * 1/0; strings quoted ('' doubled), or as hex cast to TEXT if they hold a NUL (a literal would end
 * there); Buffers and Uint8Arrays as X'…' blobs; bigints within 64 bits as INTEGER. Anything else
 * (undefined, NaN, ±Infinity, dates, objects) is refused: a statement must not store a guess.
 */
export function sqlLiteral(v: unknown): string {
  if (v === null) return 'NULL';
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) throw new Error(`sqlLiteral: ${v} cannot be stored`);
      return signed(isInt32(v) ? String(v) : v.toExponential(16));
    case 'boolean':
      return v ? '1' : '0';
    case 'bigint':
      if (v < INT64_MIN || v > INT64_MAX) throw new Error('sqlLiteral: bigint beyond 64 bits');
      return signed(v.toString());
    case 'string':
      return v.includes('\0') ? `CAST(X'${Buffer.from(v, 'utf8').toString('hex')}' AS TEXT)` : `'${v.replaceAll("'", "''")}'`;
    default:
      if (v instanceof Uint8Array) return `X'${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}'`;
      throw new Error(`sqlLiteral: a ${Object.prototype.toString.call(v)} cannot be stored`);
  }
}
