/**
 * CNI specification versions: which exist, how they compare, and which version a
 * feature of a config needs (a plugin list needs 0.3.0, `disableCheck` 0.4.0…).
 */
import { CNI_SCHEMA } from './cniSchema';

/** Every released spec version, oldest first (the schema's cniVersion enum). */
export const CNI_VERSIONS: readonly string[] = (CNI_SCHEMA.properties?.cniVersion?.enum ?? []) as string[];

export const LATEST_CNI_VERSION = CNI_VERSIONS[CNI_VERSIONS.length - 1] ?? '1.1.0';

export function isKnownVersion(version: string): boolean {
  return CNI_VERSIONS.includes(version);
}

/** Negative, zero or positive, as for sort; versions are compared as numbers part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The released version a mistyped one most likely means: `1.0` → `1.0.0`, `v0.3.1` →
 * `0.3.1`, `0.3.1.` → `0.3.1`. Undefined when none is clearly meant.
 */
export function intendedVersion(written: string): string | undefined {
  const cleaned = written.trim().replace(/^v/i, '').replace(/\.+$/, '');
  if (isKnownVersion(cleaned)) return cleaned;
  const parts = cleaned.split('.');
  if (parts.length === 2 || parts.length === 1) {
    const padded = [...parts, '0', '0'].slice(0, 3).join('.');
    if (isKnownVersion(padded)) return padded;
  }
  return undefined;
}

/** The version that introduced a top-level key of a config, from the schema. */
export function keyIntroducedIn(key: string): string | undefined {
  return CNI_SCHEMA.properties?.[key]?.['x-since'];
}
