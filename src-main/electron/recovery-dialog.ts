// Start-up refused the database (damaged, unreadable, too new): offer to restore the newest backup in a dialog,
// then relaunch. The words and the restore itself live in src-main/storage (Electron-free, tested in Node).
import { app, dialog } from 'electron';
import type { Logger } from '../core/logger.ts';
import { acceptRecovery, recoveryOffer } from '../storage/startup-recovery.ts';

/** Returns false when there is nothing to offer (the caller shows its plain error box). */
export async function offerRecovery(error: unknown, dataDir: string, logger: Logger): Promise<boolean> {
  const offer = recoveryOffer(error);
  if (!offer?.backupPath) return false;
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: offer.title,
    message: offer.title,
    detail: offer.message,
    buttons: offer.buttons,
    defaultId: 0,
    cancelId: 1,
  });
  if (response === 0) {
    await acceptRecovery(dataDir, offer, logger);
    app.relaunch();
  }
  return true;
}
