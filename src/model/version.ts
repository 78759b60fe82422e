/** Replaced by the bundler with package.json's version; the fallback serves tests run from source. */
declare const __MOLTGUARD_VERSION__: string | undefined;

export const TOOL_NAME = 'moltguard';
export const TOOL_VERSION = typeof __MOLTGUARD_VERSION__ !== 'undefined' ? __MOLTGUARD_VERSION__ : '0.0.0-dev';
