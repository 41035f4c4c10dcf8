/**
 * Who holds a page claim. An owner is `<pid>:<run id>`: a claim of another process is live while
 * that process runs; one of this process is live while its pipeline is open (a closed or crashed
 * core in this process left it behind).
 */
export const liveOwners = new Set<string>();

export function claimIsLive(owner: string): boolean {
  const pid = Number(owner.split(':', 1)[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return liveOwners.has(owner);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
