// Types for the jest test of corpora.mjs (the survey runs as plain Node, unbuilt).
export const TARGET_BYTES: number;
export interface SurveyPackage { source: 'npm' | 'deb'; name: string; version: string; spec: string; dir: string }
export interface Corpus { name: string; language: string; packages: SurveyPackage[] }
export interface SurveyFinding { ruleId: string; severity: string; path: string; line: number; preview: string; snippet: string }
export interface SurveyReport { findings: SurveyFinding[]; stats: { bytes: number; files: number } }
export interface SurveyRow {
  name: string;
  language: string;
  packages: number;
  bytes: number;
  files: number;
  ms: number;
  counts: Record<'critical' | 'high' | 'medium' | 'low' | 'info', number>;
  blocking: SurveyFinding[];
  rate: number;
  met: boolean;
}
export function parsePackage(spec: string): SurveyPackage;
export function parseCorpora(text: string): Corpus[];
export function isBlocking(f: { severity: string }): boolean;
export function per20MB(blocking: number, bytes: number): number;
export function meetsTarget(blocking: number, bytes: number): boolean;
export function summarize(corpus: Corpus, report: SurveyReport, ms: number): SurveyRow;
export function blockingLines(row: SurveyRow): string[];
export function formatTable(rows: SurveyRow[]): string;
