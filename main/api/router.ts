import type { z } from 'zod';
import {
  AppError,
  methods,
  type MethodName,
  type MethodSpec,
  type Methods,
  type Result,
} from '../../common/contract';
import { APPLICANT_SCREEN_ROLE, type ApplicantScreenRole } from '../../common/contract/applicant-screen';
import { CLI_ROLE, cliMayCall, type CliRole } from '../../common/contract/cli';
import { bytesLimitOf, PAGE_TOO_LARGE_MESSAGE } from '../../common/contract/materials';
import type { Session } from '../auth/session';
import { KeyError } from '../crypto/pii-cipher';
import type { Logger } from '../../platform/log/logger';

export interface CallContext {
  session: Session | null;
  /** Set by the command line: its local caller (本机运维) may call the CLI's list in the contract, nothing else. */
  role?: CliRole | ApplicantScreenRole;
  /** The raw bytes of a bytes method (BYTES_METHODS); refused on any other method. */
  bytes?: Uint8Array;
}

export type Handler<M extends MethodName> = (
  input: z.output<Methods[M]['input']>,
  ctx: CallContext,
) => Promise<z.input<Methods[M]['output']>> | z.input<Methods[M]['output']>;

export type Handlers = { [M in MethodName]?: Handler<M> };

/** Inputs above this size are refused before parsing: no legitimate call comes near it. */
export const MAX_INPUT_BYTES = 1_000_000;

export interface Router {
  invoke(method: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
}

const fail = (code: Extract<Result<never>, { ok: false }>['error']['code'], message: string) =>
  ({ ok: false, error: { code, message } }) as const;

/** The one router behind every transport: validate, authorise, run, wrap. `table` is for tests. */
export function createRouter(
  handlers: Handlers,
  log: Logger,
  table: Record<string, MethodSpec> = methods,
): Router {
  return {
    async invoke(method, rawInput, ctx) {
      if (typeof method !== 'string' || !Object.hasOwn(table, method))
        return fail('UNKNOWN_METHOD', `未知的接口：${typeof method === 'string' ? method.slice(0, 80) : typeof method}`);
      const spec = table[method]!;
      if (ctx.role === APPLICANT_SCREEN_ROLE) {
        // The applicant screen is held to its own list, `public` methods included, and has no staff session to lock.
        if (!spec.roles.includes(APPLICANT_SCREEN_ROLE)) return fail('FORBIDDEN', '申请人屏不能执行此操作。');
      } else if (!spec.roles.includes('public')) {
        if (!ctx.session) return fail('UNAUTHENTICATED', '请先登录。');
        if (!mayCall(method, spec, ctx))
          return fail('FORBIDDEN', '当前账号没有执行此操作的权限。');
        // A locked screen keeps the session but serves no data: only auth.* (unlock, switch user).
        if (ctx.session.locked && !method.startsWith('auth.')) return fail('LOCKED', '屏幕已锁定，请先解锁。');
      }
      if (rawInput !== undefined && byteSize(rawInput) > MAX_INPUT_BYTES) return fail('TOO_LARGE', '输入内容过大。');
      const bytesProblem = checkBytes(method, ctx.bytes);
      if (bytesProblem) return bytesProblem;
      const parsed = spec.input.safeParse(rawInput);
      if (!parsed.success) return fail('INVALID_INPUT', describeZodError(parsed.error));
      const handler = (handlers as Record<string, Handler<MethodName> | undefined>)[method];
      if (!handler) return fail('NOT_AVAILABLE', `${method} 暂不可用（not available yet）。`);
      try {
        const value = await handler(parsed.data as never, ctx);
        const out = spec.output.safeParse(value);
        if (!out.success) {
          log.error({ method, issues: out.error.issues.slice(0, 5) }, 'handler output breaks the contract');
          return fail('INTERNAL', '内部错误：返回数据不符合约定。');
        }
        return { ok: true, value: out.data };
      } catch (err) {
        if (err instanceof AppError) return fail(err.code, err.message);
        log.error({ method, err }, 'handler failed');
        // A missing or damaged data key is the operator's to fix: its message says how (restore the key).
        if (err instanceof KeyError) return fail('INTERNAL', err.message);
        return fail('INTERNAL', '内部错误，请重试；如果反复出现，请联系运维人员。');
      }
    },
  };
}

/** Staff by the method's roles; the CLI's local caller by its own list in the contract, nothing else. */
// (The applicant screen is checked before this, in invoke.)
function mayCall(method: string, spec: MethodSpec, ctx: CallContext): boolean {
  if (ctx.role === CLI_ROLE) return cliMayCall(method);
  return spec.roles.some((r) => ctx.session!.roles.includes(r as never));
}

/** A bytes method needs its bytes within its limit; any other method takes none. */
function checkBytes(method: string, bytes: Uint8Array | undefined) {
  const limit = bytesLimitOf(method);
  if (limit === null) return bytes === undefined ? null : fail('INVALID_INPUT', `${method} 不接收文件内容。`);
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) return fail('INVALID_INPUT', '缺少文件内容：文件为空或未能读取，请重新选择文件。');
  return bytes.byteLength > limit ? fail('TOO_LARGE', PAGE_TOO_LARGE_MESSAGE) : null;
}

function byteSize(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or otherwise unserialisable: not a valid input
  }
}

function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first?.path.length ? first.path.join('.') : '输入';
  return `输入无效（${where}）：${first?.message ?? 'invalid'}`;
}
