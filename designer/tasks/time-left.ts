/** A task's deadline in words a nurse reads at a glance: "2 h 5 min left", "overdue by 3 min". */

function span(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** Time to the deadline `dueAt` (ISO) from `now`; past it, how long ago. */
export function timeLeft(dueAt: string, now: number): string {
  const seconds = (Date.parse(dueAt) - now) / 1000;
  return seconds > 0 ? `${span(seconds)} left` : `overdue by ${span(-seconds)}`;
}
