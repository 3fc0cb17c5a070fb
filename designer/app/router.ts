/** A tiny hash router: routes live after `#`, so the server's SPA fallback never has to know them. */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'journeys' }
  | { page: 'editor'; journeyId: string }
  | { page: 'reviews' }
  | { page: 'review'; versionId: string }
  | { page: 'tasks'; taskId?: string }
  | { page: 'admin' }
  | { page: 'connectors' }
  | { page: 'patients'; patientId?: string }
  | { page: 'hygiene'; journeyId?: string; versionId?: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/journeys\/([^/]+)/.exec(hash);
  if (match) return { page: 'editor', journeyId: decodeURIComponent(match[1]) };
  const review = /^#\/reviews(?:\/([^/]+))?/.exec(hash);
  if (review) return review[1] ? { page: 'review', versionId: decodeURIComponent(review[1]) } : { page: 'reviews' };
  const tasks = /^#\/tasks(?:\/([^/]+))?/.exec(hash);
  if (tasks) return tasks[1] ? { page: 'tasks', taskId: decodeURIComponent(tasks[1]) } : { page: 'tasks' };
  if (/^#\/admin\b/.test(hash)) return { page: 'admin' };
  if (/^#\/connectors\b/.test(hash)) return { page: 'connectors' };
  const hygiene = /^#\/hygiene(?:\?(.*))?$/.exec(hash);
  if (hygiene) {
    // The scope rides as a query, so a link can name a journey and one of its versions together.
    const query = new URLSearchParams(hygiene[1] ?? '');
    return {
      page: 'hygiene',
      ...(query.get('journey') ? { journeyId: query.get('journey')! } : {}),
      ...(query.get('version') ? { versionId: query.get('version')! } : {}),
    };
  }
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
  if (route.page === 'connectors') return '#/connectors';
  if (route.page === 'patients')
    return route.patientId ? `#/patients/${encodeURIComponent(route.patientId)}` : '#/patients';
  if (route.page === 'hygiene') {
    const query = new URLSearchParams();
    if (route.journeyId) query.set('journey', route.journeyId);
    if (route.versionId) query.set('version', route.versionId);
    return query.toString() ? `#/hygiene?${query}` : '#/hygiene';
  }
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
