import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { smallApp, tempProject } from '../compiler/test-fixtures';
import { projectIdOf, startSimulatorService } from './simulator-service';

/** Says hello with a token; resolves with the type of the server's first answer. */
async function helloAnswer(port: number, token: string): Promise<string> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/device`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const answer = new Promise<string>((resolve) => ws.once('message', (data) => resolve((JSON.parse(String(data)) as { type: string }).type)));
  ws.send(JSON.stringify({ type: 'hello', protocol: 1, token, device: { name: 'phone', kind: 'browser' } }));
  const type = await answer;
  ws.close();
  return type;
}

test('a project opened on the service gets simulator links with launch and single-use pairing tokens', { timeout: 30_000 }, async () => {
  const project = await tempProject(smallApp());
  const started = await startSimulatorService({ webRoot: project.dir, port: 0 });
  assert.ok(started.ok);
  const service = started.value;
  try {
    const session = await service.openProject({ projectDir: project.dir, outDir: project.out, compiler: { zips: false } });
    assert.equal(session.projectId, projectIdOf(project.dir));
    assert.ok(session.live.latest()?.manifest, 'built before the link is handed out');
    assert.equal(service.publicOrigin, `http://127.0.0.1:${service.server.port}`);

    const launch = new URL(session.simulatorUrl({ page: 'pages/b/b', scene: 1047 }));
    assert.equal(launch.origin, service.publicOrigin);
    assert.equal(launch.searchParams.get('page'), 'pages/b/b');
    assert.equal(launch.searchParams.get('scene'), '1047');
    const launchToken = launch.searchParams.get('token')!;
    assert.equal(await helloAnswer(service.server.port, launchToken), 'welcome');
    assert.equal(await helloAnswer(service.server.port, launchToken), 'welcome', 'a launch link can be opened again');

    const pairingToken = new URL(session.simulatorUrl({}, 'pairing')).searchParams.get('token')!;
    assert.equal(await helloAnswer(service.server.port, pairingToken), 'welcome');
    assert.equal(await helloAnswer(service.server.port, pairingToken), 'refused', 'a pairing link works once');

    await session.close();
    assert.equal(await helloAnswer(service.server.port, launchToken), 'refused', 'closing the project revokes its tokens');
  } finally {
    await service.close();
    await project.cleanup();
  }
});
