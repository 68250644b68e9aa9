/**
 * Errors of the machine rather than of the log: out of descriptors, a full or failing disk, a store that
 * cannot be created. A replay that fails with one is tried again later; the log is not marked as bad.
 */
const TRANSIENT_ERRNO = new Set(['EMFILE', 'ENFILE', 'EAGAIN', 'ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'ENOMEM', 'EBUSY']);
const TRANSIENT_SQLITE = /^SQLITE_(FULL|IOERR|CANTOPEN|BUSY|LOCKED|READONLY|NOMEM|PERM)/;

export function isTransientError(err: unknown): boolean {
  const code = String((err as { code?: unknown } | undefined)?.code ?? '');
  return TRANSIENT_ERRNO.has(code) || TRANSIENT_SQLITE.test(code);
}
