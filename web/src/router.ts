import { useEffect, useState } from 'react';

/** The console's screens, addressed by the URL's hash so any screen can be linked and reloaded. */
export type Route =
  | { screen: 'positions'; params: URLSearchParams }
  | { screen: 'position'; code: string; params: URLSearchParams }
  | { screen: 'fit'; code: string; nip: string; params: URLSearchParams }
  | { screen: 'compare'; code: string; nips: string[]; params: URLSearchParams }
  | { screen: 'report'; code: string; params: URLSearchParams }
  | { screen: 'succession'; code: string; params: URLSearchParams }
  | { screen: 'employee'; nip: string; params: URLSearchParams }
  | { screen: 'units'; params: URLSearchParams }
  | { screen: 'unit'; code: string; params: URLSearchParams }
  | { screen: 'agency'; code: string; params: URLSearchParams }
  | { screen: 'selection'; id: string; params: URLSearchParams }
  | { screen: 'vacancies'; params: URLSearchParams }
  | { screen: 'skills'; params: URLSearchParams }
  | { screen: 'talent-review'; params: URLSearchParams };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, code, second, third] = parts;
  if (first === 'positions' && code) {
    if (second === 'fit' && third) return { screen: 'fit', code, nip: third, params };
    if (second === 'compare' && third)
      return { screen: 'compare', code, nips: third.split(',').filter(Boolean), params };
    if (second === 'report') return { screen: 'report', code, params };
    if (second === 'succession') return { screen: 'succession', code, params };
    return { screen: 'position', code, params };
  }
  if (first === 'employees' && code) return { screen: 'employee', nip: code, params };
  if (first === 'units' && code) return { screen: 'unit', code, params };
  if (first === 'agencies' && code) return { screen: 'agency', code, params };
  if (first === 'units') return { screen: 'units', params };
  if (first === 'selections' && code) return { screen: 'selection', id: code, params };
  if (first === 'vacancies') return { screen: 'vacancies', params };
  if (first === 'skills') return { screen: 'skills', params };
  if (first === 'talent-review') return { screen: 'talent-review', params };
  return { screen: 'positions', params };
}

/** A hash link: path segments are encoded; empty query values are left out. */
export function href(path: (string | number)[], query: Record<string, string | undefined> = {}) {
  const search = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]),
  ).toString();
  return `#/${path.map((p) => encodeURIComponent(String(p))).join('/')}${search ? `?${search}` : ''}`;
}

export function useRoute(): Route {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => {
      setHash(window.location.hash);
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}

export function navigate(to: string): void {
  window.location.hash = to.replace(/^#/, '');
}
