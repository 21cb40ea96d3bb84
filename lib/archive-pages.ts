// Section, tag and author archives keep `?trang=N` in their public addresses, but page N is
// served by the static route `/…/trang/N` so that every page can be regenerated statically.

const ARCHIVE = /^\/(chuyen-muc|the|tac-gia)\/([a-z0-9-]+)\/?$/;

/**
 * The static route for an archive address with `?trang=N` (N > 1), keeping any other query
 * parameters; null when the address is not such a page. `url` is a path with its query.
 */
export function archivePageRoute(url: string): string | null {
  const query = url.indexOf('?');
  if (query < 0) return null;
  const match = ARCHIVE.exec(url.slice(0, query));
  if (!match) return null;
  const params = new URLSearchParams(url.slice(query + 1));
  const page = params.get('trang');
  if (!page || !/^[0-9]{1,5}$/.test(page) || Number(page) <= 1) return null;
  params.delete('trang');
  const rest = params.toString();
  return `/${match[1]}/${match[2]}/trang/${Number(page)}${rest ? `?${rest}` : ''}`;
}
