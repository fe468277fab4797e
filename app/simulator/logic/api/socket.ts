/** `wx.connectSocket` and its SocketTask over the runtime's WebSocket, plus the legacy single-socket API. */
import type { WxHost } from '../wx-api';
import { ApiFailure, type ApiOptions } from '../wx-callbacks';
import { ListenerSet, simulatedNotice, type ApiMaker } from './api-maker';
import { bytesOf, toArrayBuffer } from './encoding';
import { NetworkReport, type NetworkTransport } from './network-transport';
import { appNetworkTimeout } from './request';

const CONNECTING = 0;
const OPEN = 1;

export function createSocketApi(host: WxHost, api: ApiMaker, transport: NetworkTransport): Record<string, unknown> {
  const legacy = {
    open: new ListenerSet<[unknown]>(host, 'onSocketOpen'),
    message: new ListenerSet<[unknown]>(host, 'onSocketMessage'),
    error: new ListenerSet<[unknown]>(host, 'onSocketError'),
    close: new ListenerSet<[unknown]>(host, 'onSocketClose'),
  };
  let latest: ReturnType<typeof createTask> | undefined;

  const createTask = (o: ApiOptions) => {
    const url = o.url;
    if (typeof url !== 'string' || !/^wss?:\/\/[^/\s]+/i.test(url)) throw new ApiFailure(`connectSocket:fail invalid url "${String(url ?? '')}"`);
    const Impl = transport.WebSocketImpl;
    if (!Impl) throw new ApiFailure('connectSocket:fail this runtime has no WebSocket');
    if (o.header && Object.keys(o.header as object).length) simulatedNotice(host, 'connectSocket', 'custom headers cannot be sent by a web runtime and were left out');
    const protocols = Array.isArray(o.protocols) ? (o.protocols as string[]) : undefined;
    const report = new NetworkReport(host, 'WS', url, { api: 'connectSocket', ...(protocols ? { headers: { 'sec-websocket-protocol': protocols.join(', ') } } : {}) });
    const socket = protocols ? new Impl(transport.socketUrl(url), protocols) : new Impl(transport.socketUrl(url));
    socket.binaryType = 'arraybuffer';
    const open = new ListenerSet<[{ header: Record<string, string>; profile: Record<string, never> }]>(host, 'SocketTask.onOpen');
    const message = new ListenerSet<[{ data: string | ArrayBuffer }]>(host, 'SocketTask.onMessage');
    const error = new ListenerSet<[{ errMsg: string }]>(host, 'SocketTask.onError');
    const close = new ListenerSet<[{ code: number; reason: string }]>(host, 'SocketTask.onClose');
    const ms = typeof o.timeout === 'number' && o.timeout > 0 ? o.timeout : appNetworkTimeout(host, 'connectSocket');
    const timeout = setTimeout(() => {
      if (socket.readyState !== CONNECTING) return;
      socket.close();
      error.emit({ errMsg: 'connectSocket:fail timeout' });
    }, ms);
    socket.onopen = () => {
      clearTimeout(timeout);
      report.response(101);
      open.emit({ header: {}, profile: {} });
    };
    socket.onmessage = (event: MessageEvent) => {
      const data: unknown = event.data;
      message.emit({ data: typeof data === 'string' ? data : (bytesOf(data) ? toArrayBuffer(bytesOf(data)!) : String(data)) });
    };
    socket.onerror = () => {
      report.error('WebSocket error');
      error.emit({ errMsg: `connectSocket:fail could not connect to ${url}` });
    };
    socket.onclose = (event: CloseEvent) => {
      clearTimeout(timeout);
      close.emit({ code: event.code, reason: event.reason });
    };

    const sendRaw = (data: unknown) => {
      if (socket.readyState !== OPEN) throw new ApiFailure('sendSocketMessage:fail WebSocket is not connected');
      const bytes = bytesOf(data);
      if (typeof data !== 'string' && !bytes) throw new ApiFailure('sendSocketMessage:fail parameter error: parameter.data should be String or ArrayBuffer');
      socket.send(typeof data === 'string' ? data : toArrayBuffer(bytes!));
    };
    const closeRaw = (co: ApiOptions) => {
      socket.close(typeof co.code === 'number' ? co.code : 1000, typeof co.reason === 'string' ? co.reason : undefined);
    };
    return {
      get readyState() {
        return socket.readyState;
      },
      send: api('SocketTask.send', (so) => sendRaw(so.data)),
      close: api('SocketTask.close', (co) => closeRaw(co)),
      sendRaw,
      closeRaw,
      onOpen: open.on,
      onMessage: message.on,
      onError: error.on,
      onClose: close.on,
      /** The legacy API hears the latest socket. */
      forwardTo(target: typeof legacy) {
        open.on((res: unknown) => target.open.emit(res));
        message.on((res: unknown) => target.message.emit(res));
        error.on((res: unknown) => target.error.emit(res));
        close.on((res: unknown) => target.close.emit(res));
      },
    };
  };

  const connectSocket = (options: ApiOptions = {}) => {
    let task: ReturnType<typeof createTask> | undefined;
    let failure: ApiFailure | undefined;
    try {
      task = createTask(options);
      task.forwardTo(legacy);
      latest = task;
    } catch (error) {
      failure = error instanceof ApiFailure ? error : new ApiFailure(`connectSocket:fail ${String(error)}`);
    }
    const settled = api('connectSocket', () => {
      if (failure) throw failure;
    })(options);
    if (!task) return settled;
    // connectSocket always hands back its SocketTask; its own outcome only goes to the callbacks.
    settled?.catch(() => undefined);
    const { forwardTo: _forward, sendRaw: _send, closeRaw: _close, ...socketTask } = task;
    return socketTask;
  };

  return {
    connectSocket,
    sendSocketMessage: api('sendSocketMessage', (o) => {
      if (!latest) throw new ApiFailure('sendSocketMessage:fail WebSocket is not connected');
      latest.sendRaw(o.data);
    }),
    closeSocket: api('closeSocket', (o) => {
      if (!latest) throw new ApiFailure('closeSocket:fail WebSocket is not connected');
      latest.closeRaw(o);
    }),
    onSocketOpen: legacy.open.on,
    onSocketMessage: legacy.message.on,
    onSocketError: legacy.error.on,
    onSocketClose: legacy.close.on,
  };
}
