/**
 * The little of `ws` (installed with dingtalk-stream, which connects with it) that the fake
 * DingTalk Stream gateway uses; the package ships no types of its own.
 */
declare module 'ws' {
  import type { EventEmitter } from 'node:events';
  import type { AddressInfo } from 'node:net';

  export class WebSocket extends EventEmitter {
    readyState: number;
    send(data: string): void;
    close(): void;
    terminate(): void;
  }

  export class WebSocketServer extends EventEmitter {
    constructor(options: { host?: string; port?: number });
    clients: Set<WebSocket>;
    address(): AddressInfo | string;
    close(callback?: (error?: Error) => void): void;
  }
}
