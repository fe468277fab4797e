/** Entry of the logic Worker: user JS and glass-easel run here, with no window and no document. */
import type { HostToWorker, WorkerToHost } from '../protocol';
import { bridgeConsole } from './console-bridge';
import { LogicRuntime } from './logic-runtime';

const post = (message: WorkerToHost) => self.postMessage(message);
bridgeConsole(post);
const runtime = new LogicRuntime(post);
self.onmessage = (event: MessageEvent<HostToWorker>) => runtime.receive(event.data);
