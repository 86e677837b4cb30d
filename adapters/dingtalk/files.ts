/**
 * A file sent to the robot, downloaded: the message's downloadCode is exchanged at
 * /v1.0/robot/messageFiles/download (with the robot's code) for a short-lived downloadUrl,
 * whose bytes are then fetched. Only for reports sent by operators (src/reports/desk.ts).
 */
import type { OpenApi } from './openapi.js';

export async function downloadFile(api: OpenApi, robotCode: string, downloadCode: string): Promise<Uint8Array> {
  const { downloadUrl } = await api.call('/v1.0/robot/messageFiles/download', { downloadCode, robotCode });
  if (typeof downloadUrl !== 'string' || !/^https?:\/\//.test(downloadUrl)) throw new Error('messageFiles/download gave no downloadUrl');
  const response = await fetch(downloadUrl, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`file download: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
