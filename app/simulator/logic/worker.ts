/** Entry of the logic Worker: user JS and glass-easel run here, with no window and no document. */
import type { HostToWorker, WorkerToHost } from '../protocol';
import { bridgeConsole } from './console-bridge';
import { LogicRuntime } from './logic-runtime';

const post = (message: WorkerToHost) => self.postMessage(message);
// Console entries link to the user's line once the runtime has the package's source maps.
bridgeConsole(post, (stack) => runtime.locateCaller(stack));
const runtime = new LogicRuntime(post);
self.onmessage = (event: MessageEvent<HostToWorker>) => runtime.receive(event.data);
