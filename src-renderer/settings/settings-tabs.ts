// The sections of the Settings dialog; the account menu opens it on one of them.
export const SETTINGS_TABS = [
  { id: 'api', label: 'API & tokens' },
  { id: 'transfer', label: 'Import & export' },
  { id: 'backups', label: 'Backups' },
] as const;

export type SettingsTab = (typeof SETTINGS_TABS)[number]['id'];
