/**
 * File output that never leaves a half-written file, even when the process is killed or the machine
 * loses power: write to a temporary file beside the target, flush it to disk (fsync), rename it over
 * the target (atomic on the same file system), then flush the folder so that the rename itself is on
 * disk.
 *
 * Why both fsyncs: without the first, a crash after the rename can leave the target pointing at a file
 * whose data never reached the disk (an empty or truncated "new" file on ext4/xfs after power loss);
 * without the second, the rename may be lost and the old file come back, or, worse, neither name be
 * durable. A SIGKILL alone cannot tear a file (the kernel still holds the written pages), but the
 * temporary file is then left behind: it is named `.NAME.PID.HEX.tmp`, and the next write of NAME
 * removes those of processes that no longer run.
 */
import { once } from 'node:events';
import { closeSync, createWriteStream, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A temporary file name beside `path` (hidden, unique to this process). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

/**
 * The temporary files that writes of `path` left behind: `.NAME.PID.HEX.tmp` beside it, whose
 * process no longer runs (a write in progress in another process is left alone).
 */
export function staleTempFiles(path: string): string[] {
  const dir = dirname(path);
  const re = new RegExp(`^\\.${escapeRe(basename(path))}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => {
    const m = re.exec(n);
    return m !== null && !isRunning(Number(m[1]));
  }).map((n) => join(dir, n));
}

/** Flushes a folder's entries (a rename in it) to disk; a no-op where folders cannot be opened (Windows). */
function fsyncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `content` to `path` atomically and durably, creating the folder if needed: readers see the
 * previous complete file or the new complete one, never a part. Leftover temporary files of earlier
 * killed writes of `path` are removed first.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  for (const stale of staleTempFiles(path)) rmSync(stale, { force: true });
  const tmp = tempPathFor(path);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  fsyncFolder(dir);
}

/**
 * Streams a file to `path` with the same guarantee as writeFileAtomic: `write` fills a temporary
 * file beside the target (waiting for it to drain as it goes), which is flushed to disk and renamed
 * over the target only when `write` has finished; on any error the target is left as it was.
 *
 * @example
 * await writeStreamAtomic('out/graph.nt', (out) => streamQuads(store, 'ntriples', out));
 */
export async function writeStreamAtomic(path: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  for (const stale of staleTempFiles(path)) rmSync(stale, { force: true });
  const tmp = tempPathFor(path);
  const out = createWriteStream(tmp, { flags: 'wx' });
  try {
    await write(out);
    out.end();
    await once(out, 'finish');
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    out.destroy();
    rmSync(tmp, { force: true });
    throw error;
  }
  fsyncFolder(dir);
}
