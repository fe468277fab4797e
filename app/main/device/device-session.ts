import type { DeviceInfo, DeviceMessage, ServerMessage } from '../../shared/device-protocol';
import { CLOSE_CODES, DEVICE_PROTOCOL_VERSION, FATAL_REFUSALS } from '../../shared/device-protocol';
import type { Refusal } from '../../shared/device-protocol-schema';
import { parseDeviceMessage } from '../../shared/device-protocol-schema';
import type { TokenGrant } from './pairing-tokens';
import { RateLimiter } from './rate-limiter';

/** The wire under one device: a WebSocket in the devserver, anything that carries text frames elsewhere. */
export interface DeviceTransport {
  send(text: string): void;
  close(code: number, reason: string): void;
}

/** What the hub does with a session's traffic; the session itself only parses and enforces order and limits. */
export interface SessionOwner {
  authenticate(token: string): { ok: true; value: TokenGrant } | { ok: false; error: string };
  admit(session: DeviceSession, grant: TokenGrant, info: DeviceInfo): void;
  deliver(session: DeviceSession, message: Exclude<DeviceMessage, { type: 'hello' }>): void;
  refused(session: DeviceSession, refusal: Refusal): void;
  closed(session: DeviceSession, code: number, reason: string): void;
}

export interface SessionLimits {
  /** Close a connection that has not said a valid hello within this time. */
  readonly helloTimeoutMs: number;
  /** Close a connection after this many refused messages. */
  readonly maxRefusals: number;
  /** Average messages per second a device may send, and the burst above it; the rest are dropped and counted. */
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  readonly now: () => number;
}

/** How often a device hears how many of its messages were dropped for the rate limit. */
const DROP_REPORT_MS = 1000;

/** One connection's protocol state: waiting for hello, then admitted. Never throws on input. */
export class DeviceSession {
  private admitted = false;
  private refusals = 0;
  private closedAlready = false;
  private helloTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly rate: RateLimiter;
  private dropped = 0;
  private dropTimer: ReturnType<typeof setTimeout> | undefined;
  deviceId: string | undefined;

  constructor(
    private readonly transport: DeviceTransport,
    private readonly owner: SessionOwner,
    private readonly limits: SessionLimits,
    readonly remoteAddress: string | undefined,
  ) {
    this.helloTimer = setTimeout(() => this.close(CLOSE_CODES.helloTimeout, 'no hello in time'), limits.helloTimeoutMs);
    this.helloTimer.unref?.();
    this.rate = new RateLimiter(limits.messagesPerSecond, limits.messageBurst, limits.now);
  }

  get isAdmitted(): boolean {
    return this.admitted;
  }

  /** One text frame from the device. */
  receive(text: string, byteLength: number): void {
    if (this.closedAlready) return;
    if (!this.rate.take()) {
      this.countDrop();
      return;
    }
    const parsed = parseDeviceMessage(text, byteLength);
    if (!parsed.ok) {
      this.refuse(parsed.error);
      return;
    }
    const message = parsed.value;
    if (message.type === 'hello') {
      this.hello(message.protocol, message.token, message.device);
      return;
    }
    if (!this.admitted) {
      this.refuse({ code: 'hello-first', message: `send 'hello' with a token before '${message.type}'`, inReplyTo: message.type });
      return;
    }
    this.owner.deliver(this, message);
  }

  /** A binary frame: not part of the protocol. */
  receiveBinary(): void {
    this.refuse({ code: 'invalid', message: 'binary frames are not part of the device protocol; send JSON text' });
  }

  send(message: ServerMessage): void {
    if (this.closedAlready) return;
    this.transport.send(JSON.stringify(message));
  }

  close(code: number, reason: string): void {
    if (this.closedAlready) return;
    this.transport.close(code, reason);
    this.transportClosed(code, reason);
  }

  /** The transport went away (or we closed it). Idempotent. */
  transportClosed(code: number, reason: string): void {
    if (this.closedAlready) return;
    this.closedAlready = true;
    clearTimeout(this.helloTimer);
    clearTimeout(this.dropTimer);
    this.owner.closed(this, code, reason);
  }

  /** Dropped messages are reported once per interval, not one by one (that would be a flood of its own). */
  private countDrop(): void {
    this.dropped++;
    if (this.dropTimer !== undefined) return;
    this.dropTimer = setTimeout(() => {
      this.dropTimer = undefined;
      const count = this.dropped;
      this.dropped = 0;
      const refusal: Refusal = {
        code: 'rate-limited',
        message: `${count} message(s) dropped: over ${this.limits.messagesPerSecond} messages per second (burst ${this.limits.messageBurst})`,
      };
      this.owner.refused(this, refusal);
      this.send({ type: 'refused', ...refusal });
    }, DROP_REPORT_MS);
    this.dropTimer.unref?.();
  }

  private hello(protocol: number, token: string, info: DeviceInfo): void {
    if (this.admitted) {
      this.refuse({ code: 'invalid', message: 'hello was already accepted on this connection', inReplyTo: 'hello' });
      return;
    }
    if (protocol !== DEVICE_PROTOCOL_VERSION) {
      this.refuse({
        code: 'protocol-version',
        message: `device speaks protocol ${protocol}, this Mini Studio speaks ${DEVICE_PROTOCOL_VERSION}; update the device runtime`,
        inReplyTo: 'hello',
      });
      return;
    }
    const grant = this.owner.authenticate(token);
    if (!grant.ok) {
      this.refuse({ code: 'unauthorized', message: grant.error, inReplyTo: 'hello' });
      return;
    }
    this.admitted = true;
    clearTimeout(this.helloTimer);
    this.owner.admit(this, grant.value, info);
  }

  private refuse(refusal: Refusal): void {
    this.owner.refused(this, refusal);
    this.send({ type: 'refused', ...refusal });
    if (FATAL_REFUSALS.includes(refusal.code)) {
      this.close(refusal.code === 'unauthorized' ? CLOSE_CODES.unauthorized : CLOSE_CODES.protocolVersion, refusal.code);
      return;
    }
    if (++this.refusals >= this.limits.maxRefusals) {
      this.send({ type: 'refused', code: 'too-many-errors', message: `${this.refusals} refused messages; closing the connection` });
      this.close(CLOSE_CODES.tooManyErrors, 'too-many-errors');
    }
  }
}
