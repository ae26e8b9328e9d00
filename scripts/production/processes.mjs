// Child processes for the production proof: started with their output in a log file, watched for
// a line, measured from /proc, stopped with a signal and a deadline.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A free loopback TCP port (the system picks it; free again when this returns). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a value other than undefined; fails with `what` after `timeoutMs`. */
export async function waitFor(what, check, { timeoutMs = 30_000, everyMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

function procStatusMb(pid, field) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 102.4) / 10;
}

/**
 * Starts `command args` with `env` only (nothing inherited but PATH), stdout and stderr into
 * `logFile`. The returned handle remembers the output's tail for error messages.
 */
export function startProcess(name, command, args, { cwd, env, logFile }) {
  const startedAt = performance.now();
  const child = spawn(command, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  let output = '';
  const listeners = new Set();
  const onData = (chunk) => {
    log.write(chunk);
    output = (output + chunk.toString()).slice(-20_000);
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      log.end();
      resolve({ code, signal });
    }),
  );
  let exit;
  void exited.then((value) => {
    exit = value;
    for (const listener of listeners) listener();
  });

  return {
    name,
    pid: child.pid,
    startedAt,
    tail: (chars = 3_000) => output.slice(-chars),
    /** Resolves with the first match of `pattern` in the output (from the start), with the ms since spawn. */
    waitForOutput(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) {
            done();
            resolve({ match, ms: performance.now() - startedAt });
          } else if (exit) {
            done();
            reject(
              new Error(
                `${name} exited (${JSON.stringify(exit)}) before printing ${pattern}:\n${output.slice(-3_000)}`,
              ),
            );
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(`${name} did not print ${pattern} within ${timeoutMs} ms:\n${output.slice(-3_000)}`),
          );
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    /** Current and peak resident set size in MB (Linux VmRSS, VmHWM). */
    memory: () => ({ rssMb: procStatusMb(child.pid, 'VmRSS'), peakMb: procStatusMb(child.pid, 'VmHWM') }),
    running: () => exit === undefined,
    /** Waits for the process to end by itself; fails after `timeoutMs`. */
    async exited(timeoutMs = 60_000) {
      let timer;
      const late = new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${name} still runs after ${timeoutMs} ms:\n${output.slice(-3_000)}`)),
          timeoutMs,
        );
      });
      try {
        return await Promise.race([exited, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    /** Sends `signal` and waits up to `timeoutMs`; then SIGKILL. Says how it ended and how long it took. */
    async stop(signal = 'SIGTERM', timeoutMs = 10_000) {
      if (exit) return { ...exit, ms: 0, killed: false };
      const sentAt = performance.now();
      child.kill(signal);
      let killed = false;
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return { ...result, ms: performance.now() - sentAt, killed };
    },
  };
}
