/** A tiny hash router: routes live after `#`, so the server's SPA fallback never has to know them. */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'journeys' }
  | { page: 'editor'; journeyId: string }
  | { page: 'reviews' }
  | { page: 'review'; versionId: string }
  | { page: 'tasks'; taskId?: string }
  | { page: 'admin' }
  | { page: 'patients'; patientId?: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/journeys\/([^/]+)/.exec(hash);
  if (match) return { page: 'editor', journeyId: decodeURIComponent(match[1]) };
  const review = /^#\/reviews(?:\/([^/]+))?/.exec(hash);
  if (review) return review[1] ? { page: 'review', versionId: decodeURIComponent(review[1]) } : { page: 'reviews' };
  const tasks = /^#\/tasks(?:\/([^/]+))?/.exec(hash);
  if (tasks) return tasks[1] ? { page: 'tasks', taskId: decodeURIComponent(tasks[1]) } : { page: 'tasks' };
  if (/^#\/admin\b/.test(hash)) return { page: 'admin' };
  const patients = /^#\/patients(?:\/([^/]+))?/.exec(hash);
  if (patients)
    return patients[1] ? { page: 'patients', patientId: decodeURIComponent(patients[1]) } : { page: 'patients' };
  return { page: 'journeys' };
}

export function hrefOf(route: Route): string {
  if (route.page === 'editor') return `#/journeys/${encodeURIComponent(route.journeyId)}`;
  if (route.page === 'reviews') return '#/reviews';
  if (route.page === 'review') return `#/reviews/${encodeURIComponent(route.versionId)}`;
  if (route.page === 'tasks') return route.taskId ? `#/tasks/${encodeURIComponent(route.taskId)}` : '#/tasks';
  if (route.page === 'admin') return '#/admin';
  if (route.page === 'patients')
    return route.patientId ? `#/patients/${encodeURIComponent(route.patientId)}` : '#/patients';
  return '#/';
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
