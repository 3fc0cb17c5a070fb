/** A tiny hash router: routes live after `#`, so the server's SPA fallback never has to know them. */
import { useEffect, useState } from 'react';

export type Route = { page: 'journeys' } | { page: 'editor'; journeyId: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/journeys\/([^/]+)/.exec(hash);
  return match ? { page: 'editor', journeyId: decodeURIComponent(match[1]) } : { page: 'journeys' };
}

export function hrefOf(route: Route): string {
  return route.page === 'editor' ? `#/journeys/${encodeURIComponent(route.journeyId)}` : '#/';
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
