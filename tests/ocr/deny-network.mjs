/**
 * Preload (node --import) that makes every way out of the process fail loudly: sockets, TLS,
 * HTTP(S), DNS and fetch. Node runs preloads in worker threads too, so the tesseract.js workers
 * are covered. Each thread notes that it is guarded, and each refused attempt is logged, in the
 * file named by SOHOA_NET_LOG. Plain JavaScript: worker threads load it before any TypeScript
 * loader is registered in them.
 */
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { threadId } from 'node:worker_threads';

const log = process.env.SOHOA_NET_LOG ?? '/dev/null';
appendFileSync(log, `guarded thread ${threadId}\n`);

function refuse(what) {
  return () => {
    appendFileSync(log, `refused ${what} in thread ${threadId}\n`);
    throw new Error(`network access refused in this test: ${what}`);
  };
}

const patch = (target, key, what) => {
  Object.defineProperty(target, key, { value: refuse(what), configurable: true, writable: true });
};
patch(net, 'connect', 'net.connect');
patch(net, 'createConnection', 'net.createConnection');
patch(net.Socket.prototype, 'connect', 'net.Socket.connect');
patch(tls, 'connect', 'tls.connect');
patch(http, 'request', 'http.request');
patch(http, 'get', 'http.get');
patch(https, 'request', 'https.request');
patch(https, 'get', 'https.get');
patch(dns, 'lookup', 'dns.lookup');
patch(dns, 'resolve', 'dns.resolve');
patch(dns.promises, 'lookup', 'dns.promises.lookup');
patch(globalThis, 'fetch', 'fetch');
