import { spawn } from 'node:child_process';
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import { appRoot, exampleProjectDir } from '../../app-root';
import { createIdeServices } from '../../ide/ide-services';
import { startWebHost } from '../../web/web-host';
import type { CliCommand } from '../command';
import { findElectronBinary, hasDisplay, openInBrowser } from '../launch';

const usage = `Usage: ministudio open [project-dir] [options]

Opens the Mini Studio workbench on a project. Runs the Electron app when its binary is installed and there is a
display; otherwise (or with --web) starts the browser host and prints its URL.

Options:
  --web            use the browser host even when Electron is available
  --port <n>       browser host port (default: a free port)
  --example        open the bundled example project
  --no-browser     do not open a browser window`;

async function runWebHost(projectDir: string, port: number, openBrowser: boolean): Promise<number> {
  const services = createIdeServices('web');
  await services.project.open(projectDir);
  const host = await startWebHost({ services, webRoot: join(appRoot(), 'out', 'web'), port });
  console.log(`Mini Studio: ${host.url}`);
  if (openBrowser) openInBrowser(host.url);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await services.live?.close();
  await services.project.close();
  return 0;
}

function runElectron(binary: string, projectDir: string): Promise<number> {
  return new Promise((done) => {
    const child = spawn(binary, [join(appRoot(), 'out', 'main', 'electron-main.cjs'), '--project', projectDir], { stdio: 'inherit' });
    child.on('error', () => done(-1));
    child.on('exit', (code) => done(code ?? 0));
  });
}

export const openCommand: CliCommand = {
  name: 'open',
  summary: 'open the workbench on a project (Electron, or the browser host with --web)',
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        web: { type: 'boolean', default: false },
        port: { type: 'string' },
        example: { type: 'boolean', default: false },
        'no-browser': { type: 'boolean', default: false },
      },
    });
    const projectDir = positionals[0] !== undefined ? resolve(positionals[0]) : values.example || positionals.length === 0 ? exampleProjectDir() : '';
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`ministudio open: --port must be a number from 0 to 65535, got '${values.port}'`);
      return 2;
    }
    if (!values.web) {
      const binary = findElectronBinary();
      if (binary && hasDisplay()) {
        const code = await runElectron(binary, projectDir);
        if (code !== -1) return code;
        console.error('Electron could not start; using the browser host instead.');
      } else {
        console.error(`${binary ? 'No display' : 'Electron is not installed'}: starting the browser host.`);
      }
    }
    return runWebHost(projectDir, port, !values['no-browser']);
  },
};
