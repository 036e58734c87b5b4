import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BACKGROUND_NICENESS } from './background-priority';

const HOOK = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'support', 'register-ts.js');
const HELPER = path.join(__dirname, 'background-priority.ts');

/** Runs the helper in a thread of its own and answers whether it applied, and that thread's niceness before and after. */
function inAThread(): Promise<{ applied: boolean; before: number; after: number }> {
  const source = `
    require(${JSON.stringify(HOOK)});
    const fs = require('node:fs');
    const os = require('node:os');
    const { parentPort } = require('node:worker_threads');
    const { lowerThisThreadsPriority } = require(${JSON.stringify(HELPER)});
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    const before = os.getPriority(tid);
    const applied = lowerThisThreadsPriority();
    parentPort.postMessage({ applied, before, after: os.getPriority(tid) });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true });
    worker.once('message', (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('lowerThisThreadsPriority', () => {
  it('lowers the priority of the calling thread, and of no other thread of the process', async () => {
    expect(os.platform()).toBe('linux');
    const mainThread = os.getPriority(process.pid);

    const thread = await inAThread();

    expect(thread.applied).toBe(true);
    expect(thread.after).toBe(Math.min(19, thread.before + BACKGROUND_NICENESS));
    expect(os.getPriority(process.pid)).toBe(mainThread);
    expect(fs.readlinkSync('/proc/thread-self')).toMatch(new RegExp(`^${process.pid}/task/\\d+$`));
  });
});
