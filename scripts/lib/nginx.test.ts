import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_CONFIG, siteConfig, withFirstArgument } from './nginx';

const production = readFileSync(SITE_CONFIG, 'utf8');
const forTests = {
  upstream: (directive: string) => [3430, 3432].flatMap((port) => withFirstArgument(`127.0.0.1:${port}`)(directive)),
  listen: () => ['listen 127.0.0.1:3431;'],
  'cache-path': withFirstArgument('"/tmp/work dir/cache"'),
  'access-log': withFirstArgument('"/tmp/work dir/access.log"'),
  'error-log': withFirstArgument('"/tmp/work dir/error.log"'),
};

describe('deploy/nginx.conf as scripts/lib/nginx.ts rewrites it', () => {
  it('changes addresses and paths only, keeping every parameter after them', () => {
    const generated = siteConfig(production, forTests);
    expect(generated).toContain('server 127.0.0.1:3430 max_fails=3 fail_timeout=10s;');
    expect(generated).toContain('server 127.0.0.1:3432 max_fails=3 fail_timeout=10s;');
    expect(generated).toContain('listen 127.0.0.1:3431;');
    expect(generated).toMatch(/proxy_cache_path "\/tmp\/work dir\/cache" levels=1:2 keys_zone=newsroom:\S+ .*inactive=/);
    expect(generated).toContain('access_log "/tmp/work dir/access.log" newsroom;');
    expect(generated).toContain('error_log "/tmp/work dir/error.log" warn;');
    // No production address or path is left in the generated file.
    expect(generated).not.toMatch(/127\.0\.0\.1:3000|listen 80|\/var\/(cache|log)\//);
    // Everything else is the production text, line for line.
    const unmarked = (text: string) => text.split('\n').filter((line) => !line.includes('# deploy:'));
    expect(unmarked(generated)).toEqual(unmarked(production));
  });

  it('fails loudly when a marker is missing or unknown', () => {
    expect(() => siteConfig(production.replace('# deploy:listen', ''), forTests)).toThrow(/deploy:listen/);
    expect(() => siteConfig(`${production}\nlisten 81;  # deploy:other\n`, forTests)).toThrow(/unknown marker deploy:other/);
  });

  it('keeps the rules the app relies on', () => {
    // The app's own body limits (scripts/lib/request-guard.ts).
    expect(production).toMatch(/^\s*client_max_body_size 128k;/m);
    expect(production).toMatch(/location \^~ \/dashboard\/ \{[^}]*client_max_body_size 11m;/);
    // …but only with a session cookie: without one, a body goes through the internal location
    // that keeps the server's 128k, to the app under its original address.
    for (const location of ['location = /dashboard {', 'location ^~ /dashboard/ {']) {
      const block = production.slice(production.indexOf(location), production.indexOf('\n    }', production.indexOf(location)));
      expect(block, location).toContain('if ($newsroom_anonymous_body) { rewrite ^ /@anonymous_body last; }');
    }
    expect(production).toMatch(/location = \/@anonymous_body \{\s*internal;\s*proxy_pass http:\/\/newsroom_app\$request_uri;/);
    expect(production).not.toMatch(/location = \/@anonymous_body \{[^}]*client_max_body_size/);
    // The client address the app trusts (TRUST_PROXY=1) is the one nginx saw.
    expect(production).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    // Sessions and previews always reach the app.
    expect(production).toContain('authjs\\.session-token');
    expect(production).toContain('__prerender_bypass');
  });
});
