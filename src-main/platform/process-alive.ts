/**
 * Whether process `pid` is still running: the owner check of spool folders, blob temp files and
 * re-sealing temp files left by a process that may have been killed. EPERM means it runs under
 * another user, which is still running.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
