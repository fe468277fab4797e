import { randomBytes } from 'node:crypto';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';

/**
 * - `pairing`: for a phone scanning a QR code; single-use, expires after minutes.
 * - `launch`: the one token a `ministudio serve` URL carries; reusable until revoked, like Jupyter's token,
 *   so the printed link can be opened again. Only ever shown to the local user.
 * - `resume`: handed to a connected device in `welcome` to reconnect as the same device; single-use, each
 *   welcome hands out a fresh one.
 */
export type TokenKind = 'pairing' | 'launch' | 'resume';

export interface TokenGrant {
  readonly kind: TokenKind;
  readonly projectId: string;
  /** Set for resume tokens: the device that reconnects. */
  readonly deviceId?: string;
}

interface StoredToken extends TokenGrant {
  readonly expiresAt: number;
}

export const DEFAULT_TOKEN_TTL_MS: Readonly<Record<TokenKind, number>> = {
  pairing: 5 * 60_000,
  launch: Number.POSITIVE_INFINITY,
  resume: 12 * 60 * 60_000,
};

/** Issues and redeems device tokens. Tokens are 144 random bits, base64url. */
export class PairingTokens {
  private readonly tokens = new Map<string, StoredToken>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(grant: TokenGrant, ttlMs: number = DEFAULT_TOKEN_TTL_MS[grant.kind]): string {
    this.sweep();
    const token = randomBytes(18).toString('base64url');
    this.tokens.set(token, { ...grant, expiresAt: this.now() + ttlMs });
    return token;
  }

  /** Checks a token and, unless it is a launch token, uses it up. */
  redeem(token: string): Result<TokenGrant, string> {
    const stored = this.tokens.get(token);
    if (!stored) return err('unknown or already used token; open the simulator link again or scan a fresh QR code');
    if (stored.expiresAt <= this.now()) {
      this.tokens.delete(token);
      return err(`this ${stored.kind} token has expired; get a fresh one`);
    }
    if (stored.kind !== 'launch') this.tokens.delete(token);
    const { expiresAt: _expiresAt, ...grant } = stored;
    return ok(grant);
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  /** Forgets every token of a project (when it closes). */
  revokeProject(projectId: string): void {
    for (const [token, stored] of this.tokens) if (stored.projectId === projectId) this.tokens.delete(token);
  }

  /** Forgets outstanding resume tokens of a device, so only the newest one works. */
  revokeDevice(deviceId: string): void {
    for (const [token, stored] of this.tokens) if (stored.deviceId === deviceId) this.tokens.delete(token);
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, stored] of this.tokens) if (stored.expiresAt <= now) this.tokens.delete(token);
  }
}
