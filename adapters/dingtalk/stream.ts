/**
 * Stream mode, with the official dingtalk-stream SDK: an outgoing WebSocket, so no public
 * address is needed (what a government network allows). The SDK asks the OpenAPI's
 * /v1.0/gateway/connections/open for an endpoint and a ticket, connects, and hands over each
 * robot message (topic /v1.0/im/bot/messages/get), which we acknowledge at once so that DingTalk
 * does not deliver it again (it does after about 60 s without an ack).
 *
 * The SDK posts to a hardcoded https://api.dingtalk.com; RootedClient replaces only that one
 * method, getEndpoint, so that DINGTALK_API_ROOT (a gateway, or the fake in the tests) is used.
 * Everything else — the socket, keep-alive pings, reconnecting after a drop — is the SDK's,
 * but for one guard: once stopped, its reconnect timer does not connect again.
 */
import { DWClient, TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import type { Logger } from '../../src/log.js';
import { DingTalkApiError, postJson } from './openapi.js';

/** The gateway answered, but its WebSocket endpoint could not be connected to. */
export class StreamConnectError extends Error {
  constructor(endpoint: string, reason: string) {
    super(`cannot connect to the Stream endpoint ${endpoint} (${reason})`);
    this.name = 'StreamConnectError';
  }
}

class RootedClient extends DWClient {
  /** Where the gateway said to connect (origin only: the ticket stays out of messages). */
  endpointOrigin = '';
  private stopped = false;

  constructor(
    opts: { clientId: string; clientSecret: string; keepAlive: boolean },
    private readonly apiRoot: string,
    private readonly timeoutMs: number,
  ) {
    super(opts);
  }

  /**
   * The SDK reconnects from a timer set when a socket closes, and its connect() clears its own
   * "user disconnected" flag: after stop() no timer may connect again.
   */
  override async connect(): Promise<void> {
    if (!this.stopped) await super.connect();
  }

  stop(): void {
    this.stopped = true;
    this.disconnect();
  }

  override async getEndpoint(): Promise<this> {
    const { clientId, clientSecret, ua, subscriptions } = this.config;
    const json = await postJson(`${this.apiRoot}/v1.0/gateway/connections/open`, { clientId, clientSecret, ua, subscriptions }, {}, this.timeoutMs);
    const { endpoint, ticket } = json ?? {};
    if (typeof endpoint !== 'string' || typeof ticket !== 'string') {
      throw new DingTalkApiError(200, 'noEndpoint', 'the gateway answered without an endpoint and ticket');
    }
    this.endpointOrigin = URL.canParse(endpoint) ? new URL(endpoint).origin : 'given by the gateway';
    // The SDK keeps the address in a field its typings call private.
    (this as unknown as { dw_url: string }).dw_url = `${endpoint}?ticket=${encodeURIComponent(ticket)}`;
    return this;
  }
}

export interface StreamOptions {
  clientId: string;
  clientSecret: string;
  apiRoot: string;
  log: Logger;
  /** Each robot message's data, parsed; called after the ack. */
  onMessage(body: unknown): void;
  /** The gateway call and the connection must succeed within this (default 30 s). */
  withinMs?: number;
}

export interface RunningStream {
  /** Closes the socket; the SDK does not reconnect after this. */
  close(): void;
}

/** Connects; a failure at start-up is thrown (with the socket closed), not retried. */
export async function openStream(options: StreamOptions): Promise<RunningStream> {
  const withinMs = options.withinMs ?? 30_000;
  const client = new RootedClient({ clientId: options.clientId, clientSecret: options.clientSecret, keepAlive: true }, options.apiRoot, withinMs);
  client.registerCallbackListener(TOPIC_ROBOT, (message: DWClientDownStream) => {
    client.socketCallBackResponse(message.headers.messageId, {});
    let body: unknown;
    try {
      body = JSON.parse(message.data);
    } catch {
      options.log.warn({ messageId: message.headers.messageId }, 'dingtalk: a stream message that is not JSON, ignored');
      return;
    }
    options.onMessage(body);
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    // Not client.connect(): it swallows every failure and retries without end.
    await client.getEndpoint();
    await Promise.race([
      client._connect().catch((err: NodeJS.ErrnoException) => {
        throw new StreamConnectError(client.endpointOrigin, err?.code ?? err?.message ?? String(err));
      }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new StreamConnectError(client.endpointOrigin, `no connection within ${withinMs / 1000} s`)), withinMs);
      }),
    ]);
  } catch (error) {
    client.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  options.log.info({ mode: 'stream' }, 'dingtalk: connected');
  return { close: () => client.stop() };
}
