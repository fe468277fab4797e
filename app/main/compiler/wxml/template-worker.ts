// Worker-thread entry: compiles templates off the main thread so they overlap styles and scripts.
import { parentPort, workerData } from 'node:worker_threads';
import { TemplateJobRunner, type TemplateJob } from '../template-job';

const runner = new TemplateJobRunner((workerData as { devTemplates: boolean }).devTemplates);

parentPort?.on('message', (message: { id: number; job: TemplateJob }) => {
  try {
    const result = runner.run(message.job);
    // the group bytes move to the main thread instead of being copied
    parentPort!.postMessage({ id: message.id, result }, result.changedGroups.map(([, bytes]) => bytes.buffer as ArrayBuffer));
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
