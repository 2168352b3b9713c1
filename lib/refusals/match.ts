// Fuzzy matching of a handed-down task against admitted duties: by normalised name (one
// contains the other, or their character bigrams mostly agree) and by department.

const NOISE = /[\s\u3000，。、；：:;,.!?！？（）()【】\[\]《》<>"'“”‘’·\-—_/]/g;
// Words that say nothing about which duty it is.
const FILLER = /(工作|事项|任务|有关|相关|开展|负责|协助|配合|做好|落实|的)/g;

export function normaliseName(name: string): string {
  const base = name.normalize("NFKC").replace(NOISE, "").toLowerCase();
  const core = base.replace(FILLER, "");
  return core.length >= 2 ? core : base;
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient of the two strings' character bigrams (0..1). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

export const NAME_THRESHOLD = 0.6;

/** How well a task name (normalised) fits a duty name (normalised): 1 contains, else Dice. */
export function nameScore(taskKey: string, dutyKey: string): number {
  if (taskKey.length >= 2 && dutyKey.length >= 2 && (taskKey.includes(dutyKey) || dutyKey.includes(taskKey))) return 1;
  return similarity(taskKey, dutyKey);
}

export type DutyCandidate = { id: number; name: string; nameKey: string; departmentId: number | null; departmentName: string };

/** The best admitted duty for a task of a department, or null when none fits. */
export function bestMatch(task: { nameKey: string; departmentId: number | null; departmentName: string }, duties: DutyCandidate[]) {
  let best: { duty: DutyCandidate; score: number } | null = null;
  const dept = normaliseName(task.departmentName);
  for (const d of duties) {
    const sameDept =
      (task.departmentId != null && d.departmentId === task.departmentId) ||
      (dept.length >= 2 && nameScore(dept, normaliseName(d.departmentName)) >= 0.8);
    if (!sameDept) continue;
    const score = nameScore(task.nameKey, d.nameKey);
    if (score >= NAME_THRESHOLD && (!best || score > best.score)) best = { duty: d, score };
  }
  return best;
}
