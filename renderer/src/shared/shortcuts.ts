/**
 * Every keyboard shortcut, in one list: the help dialog (F1) shows it and the handlers use the same
 * key names, so the documentation cannot drift from the behaviour.
 */
export const SHORTCUTS = {
  global: {
    help: 'F1',
    lock: 'Ctrl+Shift+L',
    screenIntake: 'Alt+1',
    screenCases: 'Alt+2',
    screenDashboard: 'Alt+3',
    screenMaintenance: 'Alt+4',
    screenHandover: 'Alt+5',
  },
  intake: {
    readCard: 'F2',
    searchItem: 'F3',
    bundle: 'F4',
    typeApplicant: 'F6',
    accept: 'Ctrl+Enter',
    acceptDeferred: 'Ctrl+Shift+Enter',
    saveDraft: 'Ctrl+S',
    reject: 'F8',
    nextApplicant: 'F9',
    recallTicket: 'F10',
    passTicket: 'Shift+F10',
    transferTicket: 'Shift+F9',
    pauseQueue: 'Ctrl+F9',
    printNotice: 'Ctrl+P',
    todayAppointments: 'Ctrl+Shift+Y',
    openDrafts: 'Ctrl+Shift+D',
    withdrawDraft: 'Alt+W',
  },
  /** 我的办件. */
  cases: {
    resumeDraft: 'Ctrl+Enter',
  },
  /** The document camera (高拍仪) window of one material slot. A list: any of the keys. */
  capture: {
    openCamera: 'F7',
    takePhoto: ['Space', 'Enter'],
    selectPage: ['ArrowUp', 'ArrowDown'],
    movePage: ['Alt+ArrowUp', 'Alt+ArrowDown'],
    rotatePage: 'R',
    cropPage: 'C',
    deletePage: 'Delete',
  },
  handover: {
    handoverReadCard: 'F2',
    handoverFind: 'F3',
    handoverConfirm: 'Ctrl+Enter',
    handoverPost: 'F7',
    handoverOverride: 'F8',
    handoverClear: 'Escape',
  },
  appointments: {
    appointmentPick: '↑ / ↓',
    appointmentStart: 'Enter',
    appointmentWalkIn: 'Esc',
  },
} as const;

/** The name useHotkeys matches for a key as this table writes it (`Space` is the character ' '). */
export const hotkeyName = (key: string): string => (key === 'Space' ? ' ' : key);

/** How the help shows a key: arrows as arrows. */
export const keyLabel = (key: string): string => key.replace('ArrowUp', '↑').replace('ArrowDown', '↓').replace('ArrowLeft', '←').replace('ArrowRight', '→');
