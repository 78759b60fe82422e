import type { Node } from 'yaml';
import { mapEntries, seqItems, type MapEntry, type YamlFile } from '../formats/yaml.js';

/** `ansible.builtin.copy` and `copy` are one module; the collections moltguard reads are named here. */
export const moduleName = (key: string): string => key.replace(/^(ansible\.builtin|ansible\.legacy|community\.general|ansible\.posix)\./, '');

/** Where tasks nest: a play's task lists and a block's parts. */
const TASK_LISTS = new Set(['tasks', 'pre_tasks', 'post_tasks', 'handlers', 'block', 'rescue', 'always']);

/** Past this, a file nests blocks as no playbook does; the walk stops rather than follow it. */
const MAX_DEPTH = 12;

/**
 * Every key of every play and task in a playbook or task file, with its module name and the
 * task (or play) it belongs to. Only task lists are followed, as Ansible does: a `shell:` among
 * the `user` module's arguments is the account's login shell, not a task.
 */
export function visitTasks(file: YamlFile, fn: (name: string, entry: MapEntry, task: Node) => void): void {
  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const item of seqItems(node)) visit(item, depth + 1);
    for (const e of mapEntries(node)) {
      if (TASK_LISTS.has(e.key)) visit(e.value, depth + 1);
      else fn(moduleName(e.key), e, node as Node);
    }
  };
  for (const doc of file.docs) visit(doc.contents, 0);
}
