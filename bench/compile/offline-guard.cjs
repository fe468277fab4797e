// Preloaded (NODE_OPTIONS=--require) into the miniprogram-ci peer and every Node process it forks: benchmarks
// talk only to 127.0.0.1, so any other destination is refused before a DNS query or a connection is made.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- preloaded with --require, so it is CommonJS */
const net = require('node:net');
const dns = require('node:dns');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '::ffff:127.0.0.1']);
const refusal = (host) => Object.assign(new Error(`offline benchmark: refused to reach ${host}`), { code: 'ENOTFOUND', hostname: host });

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  let options = args[0];
  if (Array.isArray(options)) options = options[0];
  if (typeof options !== 'object' || options === null) options = { port: args[0], host: typeof args[1] === 'string' ? args[1] : 'localhost' };
  if (options.path) return connect.apply(this, args); // unix sockets and IPC pipes
  const host = options.host ?? 'localhost';
  if (LOOPBACK.has(host)) return connect.apply(this, args);
  process.nextTick(() => this.destroy(refusal(host)));
  return this;
};

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  if (LOOPBACK.has(hostname)) return lookup.call(this, hostname, options, callback);
  process.nextTick(() => done(refusal(hostname)));
  return {};
};
const lookupPromise = dns.promises.lookup;
dns.promises.lookup = async (hostname, options) => {
  if (LOOPBACK.has(hostname)) return lookupPromise.call(dns.promises, hostname, options);
  throw refusal(hostname);
};
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[name] = (hostname, ...rest) => process.nextTick(() => rest.at(-1)(refusal(hostname)));
}
