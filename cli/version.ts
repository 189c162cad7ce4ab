// The CLI's version is the app's (one package.json); the bundler inlines it.
import pkg from '../package.json' with { type: 'json' };

export const CLI_VERSION: string = pkg.version;
