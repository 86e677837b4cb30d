/**
 * WECOM_ALLOWED_USERS and WECOM_OPERATORS. With the allowlist set, only the members on it (by
 * userid) get answers; anyone else gets one polite refusal per process, never any data. (The
 * application's 可见范围 in the admin console limits who sees it at all; this is the bot's own
 * check.) Operators alone may subscribe an application group chat (appchat) to the digest, and
 * add reports by sending a file; a member's own subscription is always theirs.
 */
import type { Logger } from '../../src/log.js';

const MAX_REMEMBERED = 10_000;

export class Access {
  private readonly allowed: Set<string>;
  private readonly operators: Set<string>;
  private readonly refused = new Set<string>();

  constructor(allowed: readonly string[], operators: readonly string[], private readonly log?: Logger) {
    this.allowed = new Set(allowed.map((s) => s.trim()).filter(Boolean));
    this.operators = new Set(operators.map((s) => s.trim()).filter(Boolean));
  }

  allows(user: string): boolean {
    return this.allowed.size === 0 || this.allowed.has(user);
  }

  refuseOnce(user: string): boolean {
    if (this.refused.has(user)) return false;
    if (this.refused.size >= MAX_REMEMBERED) this.refused.clear();
    this.refused.add(user);
    this.log?.info({ user }, 'wecom: member not allowed (WECOM_ALLOWED_USERS)');
    return true;
  }

  isOperator(user: string): boolean {
    return this.operators.has(user);
  }
}
