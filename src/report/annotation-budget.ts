import type { Finding } from '../model/finding.js';
import { annotationOf, type Annotation } from './annotation.js';

/**
 * GitHub shows at most 10 error and 10 warning annotations per step (and 50 per job); the rest
 * are dropped from the checks page without a word. Notices are held to 10 as well.
 */
export const STEP_LIMITS: Readonly<Record<Annotation['level'], number>> = { error: 10, warning: 10, notice: 10 };

export interface AnnotationPlan {
  /** In emit order: the verdict (when the scan blocks), then findings most severe first. */
  annotations: { level: Annotation['level']; text: string; props?: Annotation['props'] }[];
  /** Findings left without an annotation. */
  left: number;
}

/**
 * Which annotations one step emits. The verdict comes first so it is always shown; it also
 * says how many findings were left out and where they are. Without a verdict, that sentence
 * takes the last notice slot. `findings` arrive sorted most severe first.
 */
export function planAnnotations(findings: readonly Finding[], verdict: string | undefined, where: string): AnnotationPlan {
  const used: Record<Annotation['level'], number> = { error: verdict ? 1 : 0, warning: 0, notice: 0 };
  const picked: AnnotationPlan['annotations'] = [];
  let left = 0;
  for (const f of findings) {
    const a = annotationOf(f);
    if (used[a.level] < STEP_LIMITS[a.level]) {
      used[a.level]++;
      picked.push(a);
    } else left++;
  }
  if (left && !verdict && used.notice === STEP_LIMITS.notice) {
    // Free the last notice slot for the sentence that says where the rest are.
    const last = picked.map((a) => a.level).lastIndexOf('notice');
    picked.splice(last, 1);
    left++;
  }
  const rest = left ? `${left} more finding${left === 1 ? ' is' : 's are'} not annotated (GitHub shows ${STEP_LIMITS.error} errors and ${STEP_LIMITS.warning} warnings per step); every finding is in ${where}` : '';
  const head = verdict ? [{ level: 'error' as const, text: rest ? `${verdict}; ${rest}` : verdict }] : rest ? [{ level: 'notice' as const, text: `moltguard: ${rest}` }] : [];
  return { annotations: [...head, ...picked], left };
}
