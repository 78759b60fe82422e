import { useMemo } from 'react';
import { useTaskListSelection } from '../hooks/useTaskListSelection';

type Risk = 'low' | 'medium' | 'high';

const riskColors: Record<Risk, string> = { low: '#2da44e', medium: '#d29922', high: '#cf222e' };

export function TaskList({ tasks }: { tasks: { id: string; title: string; risk: Risk }[] }) {
  const { selected, toggle } = useTaskListSelection();
  const sorted = useMemo(() => [...tasks].sort((a, b) => a.title.localeCompare(b.title)), [tasks]);
  return (
    <ul className="task-list desk-top risk-score-list">
      {sorted.map((t) => (
        <li key={t.id} className={selected.has(t.id) ? 'task-list__item task-list__item--selected' : 'task-list__item'} onClick={() => toggle(t.id)}>
          <span style={{ color: riskColors[t.risk] }}>{t.title}</span>
        </li>
      ))}
    </ul>
  );
}

export const handleTaskListKeyboardNavigationWithinScrollableContainerElement = () => undefined;
export const TASK_LIST_STORAGE_KEY = 'agentco.taskList.selection.v2';
export const DISK_USAGE_WARNING_THRESHOLD_BYTES = 53687091200;
