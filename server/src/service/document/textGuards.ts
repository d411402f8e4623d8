/**
 * Cheap checks on raw text that decide whether a file is checked at all. They run
 * before any parsing, so a binary or huge file costs a scan, never a parse.
 */

/** Looks for a NUL character, which no YAML or JSON text contains. */
export function looksBinary(text: string): boolean {
  return text.includes('\u0000');
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * A file inside a Helm chart's `templates/` folder: the folder's parent holds Chart.yaml.
 * The caller supplies the file-system probe so the service itself does no I/O.
 */
export function isHelmChartTemplatePath(filePath: string, fileExists: (path: string) => boolean): boolean {
  const parts = filePath.split(/[\\/]/);
  for (let i = parts.length - 2; i > 0; i--) {
    if (parts[i] === 'templates') {
      const chartDir = parts.slice(0, i).join('/');
      if (fileExists(`${chartDir}/Chart.yaml`)) return true;
    }
  }
  return false;
}
