/** Why a call to a platform's API failed on the network, for a log line or a `config:` line. */

/** The network reason of a failed fetch (ECONNREFUSED …), or its message. */
export function networkReason(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return 'timed out';
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}
