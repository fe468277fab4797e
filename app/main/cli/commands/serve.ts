import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { toString as qrToString } from 'qrcode';
import { formatDiagnostic } from '../../../shared/diagnostic';
import type { JsonValue, SimulatorUrlParams } from '../../../shared/device-protocol';
import { SIMULATOR_PAGE_PATH } from '../../../shared/device-protocol';
import { appRoot } from '../../app-root';
import type { HubEvent } from '../../device/device-hub';
import type { BuildReport } from '../../devserver/live-project';
import type { ProjectSession } from '../../devserver/simulator-service';
import { startSimulatorService } from '../../devserver/simulator-service';
import type { CliCommand } from '../command';

const usage = `Usage: ministudio serve <project> [--port n] [--host addr] [--device name] [--page path?query] [--scene n] [--out dir] [--qr]

Builds the project, serves it with the simulator, rebuilds on every change and hot-updates connected devices.
Prints one line "Simulator: <url>" to open in a browser, then the devices' console output, prefixed.
  --port n          port to listen on (default: a free one)
  --host addr       interface to bind (default 127.0.0.1; 0.0.0.0 lets phones on the LAN connect)
  --device name     device to emulate (e.g. "iPhone 12")
  --page path?query page to open first, e.g. pages/logs/logs?id=1
  --scene n         launch scene number (default: the runtime's, 1001)
  --out dir         package folder (default: a folder under the system temp dir)
  --qr              also print a QR code for a phone (single-use pairing link, valid 5 minutes;
                    press Enter for a new one). Use with --host 0.0.0.0.
Stop with Ctrl+C.`;

interface ServeArgs {
  project: string;
  port: number;
  host: string;
  device?: string;
  page?: string;
  query?: string;
  scene?: number;
  out?: string;
  qr: boolean;
}

function parseArgs(args: readonly string[]): ServeArgs | string {
  const parsed: ServeArgs = { project: '', port: 0, host: '127.0.0.1', qr: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--qr') {
      parsed.qr = true;
      continue;
    }
    if (!a.startsWith('--')) {
      if (parsed.project) return `unexpected argument '${a}'`;
      parsed.project = a;
      continue;
    }
    const value = args[++i];
    if (value === undefined) return `${a} needs a value`;
    switch (a) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port must be a number from 0 to 65535, got '${value}'`;
        parsed.port = port;
        break;
      }
      case '--host':
        parsed.host = value;
        break;
      case '--device':
        parsed.device = value;
        break;
      case '--page': {
        const [page, ...query] = value.replace(/^\//, '').split('?');
        if (!page) return `--page needs a page path, e.g. pages/index/index`;
        parsed.page = page;
        if (query.length > 0) parsed.query = query.join('?');
        break;
      }
      case '--scene': {
        const scene = Number(value);
        if (!Number.isInteger(scene) || scene < 0) return `--scene must be a whole number, got '${value}'`;
        parsed.scene = scene;
        break;
      }
      case '--out':
        parsed.out = value;
        break;
      default:
        return `unknown option '${a}'`;
    }
  }
  if (!parsed.project) return 'missing <project>';
  return parsed;
}

async function checkProject(dir: string): Promise<string | undefined> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return `project folder ${dir} does not exist`;
  if (!info.isDirectory()) return `${dir} is not a folder`;
  if (!existsSync(join(dir, 'project.config.json')) && !existsSync(join(dir, 'app.json'))) {
    return `${dir} is not a mini-program project: it has neither project.config.json nor app.json`;
  }
  return undefined;
}

function formatArg(arg: JsonValue): string {
  return typeof arg === 'string' ? arg : JSON.stringify(arg);
}

/** One stdout line per device console entry or runtime error; connections go to stderr. */
function printDeviceEvent(event: HubEvent): void {
  if (event.kind === 'connected') console.error(`device connected: ${event.device.info.name} (${event.device.info.kind}${event.device.remoteAddress ? `, ${event.device.remoteAddress}` : ''})`);
  else if (event.kind === 'disconnected') console.error(`device disconnected: ${event.device.info.name}`);
  else if (event.kind === 'refused') console.error(`device message refused (${event.refusal.code}): ${event.refusal.message}`);
  else if (event.message.type === 'log') console.log(`[${event.device.info.name}] ${event.message.level}: ${event.message.args.map(formatArg).join(' ')}`);
  else if (event.message.type === 'error') {
    const where = event.message.source ? ` (${event.message.source.file}:${event.message.source.line}:${event.message.source.column})` : '';
    console.log(`[${event.device.info.name}] error: ${event.message.message}${where}`);
  } else if (event.message.type === 'status' && event.message.ready && event.message.requestId === undefined) {
    console.error(`device ${event.device.info.name} shows ${event.message.pageStack.at(-1) ?? '(no page)'}${event.message.buildId ? ` (build ${event.message.buildId})` : ''}`);
  }
}

function printBuild(report: BuildReport): void {
  const { result } = report;
  for (const d of result.diagnostics) console.error(formatDiagnostic(d));
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const what = report.sent === 'update' ? `${report.update!.changes.length} change(s), ${report.update!.action} → ${report.devices} device(s)` : report.sent === 'load' ? 'package ready' : 'no runtime change';
  console.error(`${result.ok ? 'Built' : 'Built with errors'} in ${Math.round(result.durationMs)} ms (${errors} error(s)): ${what}`);
}

/** Prints a QR code of a fresh pairing link to stderr now, and again on every Enter; returns a stop function. */
async function offerQrCodes(project: ProjectSession, params: Omit<SimulatorUrlParams, 'token'>, host: string): Promise<() => void> {
  if (host === '127.0.0.1' || host === 'localhost' || host === '::1') {
    console.error('ministudio serve: note: bound to loopback, so a phone cannot reach this link; add --host 0.0.0.0');
  }
  const print = async (): Promise<void> => {
    const url = project.simulatorUrl(params, 'pairing');
    console.error(`${await qrToString(url, { type: 'terminal', small: true })}\nScan with a phone on the same network (one phone, valid 5 minutes; Enter for a new code):\n${url}`);
  };
  await print();
  if (!process.stdin.isTTY) return () => undefined;
  const onData = (): void => void print();
  process.stdin.on('data', onData);
  return () => {
    process.stdin.off('data', onData);
    process.stdin.pause();
  };
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'build a project and serve it to the simulator and devices, with hot updates',
  usage,
  async run(args) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      console.error(`ministudio serve: ${parsed}\n\n${usage}`);
      return 2;
    }
    const projectDir = resolve(parsed.project);
    const problem = await checkProject(projectDir);
    if (problem) {
      console.error(`ministudio serve: ${problem}`);
      return 2;
    }
    const webRoot = join(appRoot(), 'out', 'web');
    if (!existsSync(join(webRoot, ...SIMULATOR_PAGE_PATH.split('/')))) {
      console.error(`ministudio serve: warning: the simulator page is not built (${webRoot}${SIMULATOR_PAGE_PATH}); run \`npm run build\``);
    }
    const started = await startSimulatorService({ webRoot, host: parsed.host, port: parsed.port });
    if (!started.ok) {
      console.error(`ministudio serve: ${started.error}`);
      return 1;
    }
    const service = started.value;
    const disposeEvents = service.hub.onEvent(printDeviceEvent);
    const project = await service.openProject({
      projectDir,
      ...(parsed.out !== undefined ? { outDir: parsed.out } : {}),
      compiler: { zips: false, devTemplates: true },
      onBuild: printBuild,
    });
    const params: Omit<SimulatorUrlParams, 'token'> = {
      ...(parsed.device !== undefined ? { device: parsed.device } : {}),
      ...(parsed.page !== undefined ? { page: parsed.page } : {}),
      ...(parsed.query !== undefined ? { query: parsed.query } : {}),
      ...(parsed.scene !== undefined ? { scene: parsed.scene } : {}),
    };
    console.log(`Simulator: ${project.simulatorUrl(params)}`);
    const stopQr = parsed.qr ? await offerQrCodes(project, params, parsed.host) : () => undefined;

    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
    stopQr();
    disposeEvents();
    await service.close();
    return 0;
  },
};
