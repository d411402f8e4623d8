/**
 * "Kubewise: Show Rule Documentation": the bundled page of a rule, or a picker of every
 * rule with its description and family. The list is docs/rules/rules.json, written by
 * `npm run generate` from the rule registry (the client does not import server code).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface RuleEntry {
  id: string;
  /** The rule's family folder (probes, resources…), or `engine` for diagnostics about the file itself. */
  family: string;
  description: string;
}

export async function showRuleDocs(context: vscode.ExtensionContext, ruleId: unknown): Promise<void> {
  const docsDir = context.asAbsolutePath(path.join('docs', 'rules'));
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (!id) {
    const entries = listRules(docsDir);
    if (entries.length === 0) {
      void vscode.window.showErrorMessage(
        'Kubewise: the rule documentation is missing from this installation; reinstall the extension.',
      );
      return;
    }
    const picked = await vscode.window.showQuickPick(pickItems(entries), {
      placeHolder: 'Which Kubewise rule? (type a word of its description or its family)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked) return;
    id = picked.label;
  }
  const page = path.join(docsDir, `${id}.md`);
  if (!fs.existsSync(page)) {
    void vscode.window.showErrorMessage(`Kubewise has no documentation for '${id}'.`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(page));
}

/** Grouped by family, with a separator per family, in the order of the list. */
function pickItems(entries: readonly RuleEntry[]): vscode.QuickPickItem[] {
  const items: vscode.QuickPickItem[] = [];
  let family: string | undefined;
  for (const entry of entries) {
    if (entry.family !== family) {
      family = entry.family;
      items.push({ label: family, kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: entry.id, description: entry.family, detail: entry.description });
  }
  return items;
}

function listRules(docsDir: string): RuleEntry[] {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(docsDir, 'rules.json'), 'utf8')) as { rules?: unknown };
    const rules = Array.isArray(parsed.rules) ? (parsed.rules as Partial<RuleEntry>[]) : [];
    return rules.filter(
      (rule): rule is RuleEntry =>
        typeof rule.id === 'string' && typeof rule.family === 'string' && typeof rule.description === 'string',
    );
  } catch {
    return []; // a broken install: the caller says so in words, not with a stack trace
  }
}
